// Event map: #/map. Events with coordinates as dots on an offline world map (Natural Earth 110m from world-atlas,
// decoded with topojson-client), drawn as SVG in an equirectangular projection.
import { h, replace } from '../dom.js';
import { api } from '../api.js';
import { errorBox, loading, goldsteinColor, articleHref } from '../format.js';
import { loadTopojson, loadWorld } from '../vendor.js';

const NS = 'http://www.w3.org/2000/svg';
const W = 960;
const H = 480;
const px = (lon) => ((lon + 180) / 360) * W;
const py = (lat) => ((90 - lat) / 180) * H;

function s(tag, attrs = {}) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const TOP = 85; // crop the polar rows: no news is located there
const BOTTOM = -60;

/** One ring as path data, shifted by `dx` degrees of longitude. */
function ringPath(ring, dx) {
  return ring.map(([lon, lat], i) => `${i ? 'L' : 'M'}${px(lon + dx).toFixed(1)},${py(lat).toFixed(1)}`).join('') + 'Z';
}

/**
 * SVG path data of a GeoJSON (Multi)Polygon. A ring that crosses the antimeridian (Russia, Fiji) is unwrapped to
 * continuous longitudes and drawn twice, once on each side; the SVG viewport clips what falls outside.
 */
function pathData(geom) {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  let d = '';
  for (const poly of polys)
    for (const raw of poly) {
      let prev = null;
      let shift = 0;
      const ring = raw.map(([lon, lat]) => {
        if (prev != null && lon + shift - prev > 180) shift -= 360;
        else if (prev != null && lon + shift - prev < -180) shift += 360;
        prev = lon + shift;
        return [prev, lat];
      });
      const lons = ring.map((p) => p[0]);
      d += ringPath(ring, 0);
      if (Math.min(...lons) < -180) d += ringPath(ring, 360);
      if (Math.max(...lons) > 180) d += ringPath(ring, -360);
    }
  return d;
}

async function allEvents() {
  const out = [];
  for (let offset = 0; offset < 1000; offset += 200) {
    const r = await api('events', { limit: 200, offset });
    out.push(...r.items);
    if (r.items.length < 200) break;
  }
  return out;
}

export async function mapView(main) {
  const box = h('div', { class: 'map-box' }, loading());
  const list = h('div');
  replace(main, h('h1', {}, 'Event map'), box, list);
  let world;
  let topojson;
  let events;
  try {
    [world, topojson, events] = await Promise.all([loadWorld(), loadTopojson(), allEvents()]);
  } catch (err) {
    return replace(box, errorBox(err));
  }
  const svg = s('svg', { class: 'worldmap', viewBox: `0 ${py(TOP)} ${W} ${py(BOTTOM) - py(TOP)}`, role: 'img', 'aria-label': 'World map of events' });
  svg.append(s('rect', { x: 0, y: 0, width: W, height: H, class: 'sea' }));
  const countries = topojson.feature(world, world.objects.countries);
  const land = s('g', { class: 'land' });
  for (const f of countries.features) {
    if (f.id === '010') continue; // Antarctica: no news events, and it wraps the pole badly in this projection
    const p = s('path', { d: pathData(f.geometry) });
    const t = document.createElementNS(NS, 'title');
    t.textContent = f.properties?.name ?? '';
    p.append(t);
    land.append(p);
  }
  svg.append(land);
  const located = events.filter((e) => Number.isFinite(e.event.location?.lat) && Number.isFinite(e.event.location?.lon));
  // Several events at one place: one dot, sized by count, coloured by mean Goldstein.
  const places = new Map();
  for (const e of located) {
    const { lat, lon, name } = e.event.location;
    const k = `${lat.toFixed(2)},${lon.toFixed(2)}`;
    const p = places.get(k) ?? { lat, lon, name, hits: [] };
    p.hits.push(e);
    places.set(k, p);
  }
  const dots = s('g', { class: 'dots' });
  for (const p of places.values()) {
    const mean = p.hits.reduce((a, e) => a + e.event.goldstein, 0) / p.hits.length;
    const a = s('a', { href: articleHref(p.hits[0].articleId) });
    const c = s('circle', { cx: px(p.lon), cy: py(p.lat), r: 4 + 2.5 * Math.sqrt(p.hits.length), fill: goldsteinColor(mean), class: 'dot' });
    const t = document.createElementNS(NS, 'title');
    t.textContent = `${p.name}: ${p.hits.length} event${p.hits.length === 1 ? '' : 's'} — ${[...new Set(p.hits.map((e) => e.event.label))].slice(0, 4).join(', ')}`;
    c.append(t);
    a.append(c);
    dots.append(a);
  }
  svg.append(dots);
  replace(box, svg);
  replace(
    list,
    h(
      'p',
      { class: 'muted' },
      `${located.length} of ${events.length} events have coordinates, at ${places.size} place${places.size === 1 ? '' : 's'}. ` +
        'A dot’s size is the number of events there, its colour their mean Goldstein score (red conflict, green cooperation).',
    ),
    h(
      'ul',
      { class: 'places' },
      [...places.values()]
        .sort((x, y) => y.hits.length - x.hits.length)
        .map((p) => h('li', {}, h('strong', {}, p.name), ` — ${p.hits.length} event${p.hits.length === 1 ? '' : 's'}: `, h('a', { href: articleHref(p.hits[0].articleId) }, p.hits[0].title || '(untitled)'))),
    ),
  );
}
