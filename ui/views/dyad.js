// Dyad timeline: #/dyad?a=USA&b=RUS&by=week. Mirrored stacked bars (cooperation up, conflict down) of the four CAMEO
// quad classes per period, with the mean Goldstein score as a line on its own axis. Drawn with Chart.js (UMD build
// served from /vendor/chart.js).
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { errorBox, loading, QUADS } from '../format.js';
import { go } from '../router.js';
import { loadChart } from '../vendor.js';

export async function dyadView(main, { query }) {
  const a = (query.get('a') ?? 'USA').toUpperCase();
  const b = (query.get('b') ?? 'RUS').toUpperCase();
  const by = ['day', 'week', 'month'].includes(query.get('by')) ? query.get('by') : 'week';
  const ai = h('input', { name: 'a', value: a, size: 8, 'aria-label': 'Actor A (CAMEO code)' });
  const bi = h('input', { name: 'b', value: b, size: 8, 'aria-label': 'Actor B (CAMEO code)' });
  const sel = h(
    'select',
    { name: 'by', 'aria-label': 'Period' },
    ['day', 'week', 'month'].map((p) => h('option', { value: p, selected: p === by }, p)),
  );
  const form = h('form', { class: 'searchbar' }, ai, h('span', {}, '↔'), bi, sel, h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('/dyad', { a: ai.value.trim().toUpperCase(), b: bi.value.trim().toUpperCase(), by: sel.value });
  });
  const canvas = h('canvas', { id: 'dyad-chart', role: 'img', 'aria-label': `Events between ${a} and ${b} per ${by}` });
  const chartBox = h('div', { class: 'chart-box' }, loading());
  const table = h('div');
  replace(main, h('h1', {}, `Dyad: ${a} ↔ ${b}`), form, chartBox, table);

  let data;
  let Chart;
  try {
    [data, Chart] = await Promise.all([api('dyad', { a, b, by }), loadChart()]);
  } catch (err) {
    return replace(chartBox, errorBox(err));
  }
  const series = data.series ?? [];
  if (!series.length) return replace(chartBox, h('p', { class: 'muted empty' }, `No events between ${a} and ${b}.`));
  replace(chartBox, canvas);
  const neg = new Set(['verbalConflict', 'materialConflict']);
  // A symmetric count axis, so that cooperation (up) and conflict (down) read on one scale around zero.
  const span = Math.max(
    1,
    ...series.map((s) => (s.verbalCoop ?? 0) + (s.materialCoop ?? 0)),
    ...series.map((s) => (s.verbalConflict ?? 0) + (s.materialConflict ?? 0)),
  );
  const chart = new Chart(canvas, {
    data: {
      labels: series.map((s) => s.period),
      datasets: [
        ...QUADS.map((q) => ({
          type: 'bar',
          label: q.label,
          data: series.map((s) => (neg.has(q.key) ? -1 : 1) * (s[q.key] ?? 0)),
          backgroundColor: q.color,
          stack: 'quads',
          maxBarThickness: 56,
          yAxisID: 'y',
          order: 2,
        })),
        {
          type: 'line',
          label: 'Mean Goldstein',
          data: series.map((s) => s.meanGoldstein),
          borderColor: '#1d2a3a',
          backgroundColor: '#1d2a3a',
          borderWidth: 2,
          pointRadius: 3,
          tension: 0.25,
          yAxisID: 'g',
          order: 1,
          spanGaps: true,
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.dataset.yAxisID === 'y' ? Math.abs(c.raw) : Number(c.raw).toFixed(2)}` } },
      },
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: {
          stacked: true,
          min: -span,
          max: span,
          grid: { color: (c) => (c.tick?.value === 0 ? '#8a93a3' : '#eceef2') },
          title: { display: true, text: 'events (cooperation ↑ · conflict ↓)' },
          ticks: { callback: (v) => Math.abs(v), precision: 0 },
        },
        g: {
          position: 'right',
          min: -10,
          max: 10,
          title: { display: true, text: 'mean Goldstein' },
          grid: { drawOnChartArea: false },
        },
      },
    },
  });
  replace(
    table,
    h(
      'table',
      { class: 'events dyad-table' },
      h('thead', {}, h('tr', {}, ['Period', ...QUADS.map((q) => q.label), 'Total', 'Mean Goldstein', `${a}→${b}`, `${b}→${a}`].map((t) => h('th', {}, t)))),
      h(
        'tbody',
        {},
        series.map((s) =>
          h(
            'tr',
            {},
            h('td', {}, s.period),
            QUADS.map((q) => h('td', { class: 'num' }, String(s[q.key] ?? 0))),
            h('td', { class: 'num' }, String(s.total)),
            h('td', { class: 'num' }, s.meanGoldstein == null ? '—' : Number(s.meanGoldstein).toFixed(2)),
            h('td', { class: 'num' }, String(s.aToB ?? '')),
            h('td', { class: 'num' }, String(s.bToA ?? '')),
          ),
        ),
      ),
    ),
  );
  return () => chart.destroy();
}
