// A small SVG bar chart of counts per period (mentions over time). Built with createElementNS; labels via textContent.
const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text != null) el.textContent = String(text);
  return el;
}

export function barChart(points, { width = 520, height = 120, label = 'count' } = {}) {
  const svg = s('svg', { class: 'minichart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${label} per period` });
  if (!points?.length) {
    svg.append(s('text', { x: 8, y: height / 2, class: 'axis' }, 'no data'));
    return svg;
  }
  const pad = { l: 28, r: 6, t: 8, b: 20 };
  const max = Math.max(1, ...points.map((p) => p.count));
  const w = (width - pad.l - pad.r) / points.length;
  const y = (v) => pad.t + (height - pad.t - pad.b) * (1 - v / max);
  svg.append(s('line', { x1: pad.l, x2: width - pad.r, y1: y(0), y2: y(0), class: 'axis-line' }));
  svg.append(s('text', { x: pad.l - 4, y: y(max) + 4, 'text-anchor': 'end', class: 'axis' }, max));
  svg.append(s('text', { x: pad.l - 4, y: y(0), 'text-anchor': 'end', class: 'axis' }, 0));
  const every = Math.ceil(points.length / 6);
  points.forEach((p, i) => {
    const x = pad.l + i * w;
    const bw = Math.max(1, Math.min(36, w * 0.7));
    const bar = s('rect', { x: x + (w - bw) / 2, y: y(p.count), width: bw, height: y(0) - y(p.count), class: 'bar' });
    bar.append(s('title', {}, `${p.period}: ${p.count} ${label}`));
    svg.append(bar);
    if (i % every === 0) svg.append(s('text', { x: x + w / 2, y: height - 5, 'text-anchor': 'middle', class: 'axis' }, p.period));
  });
  return svg;
}
