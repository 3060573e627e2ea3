// Third-party browser code served by our own server under /vendor/<name> (no CDN). UMD builds are loaded with a
// <script src> (allowed by the CSP: same origin) once, and their global is returned.

const pending = new Map();

export function loadScript(name, globalName) {
  if (window[globalName]) return Promise.resolve(window[globalName]);
  if (!pending.has(name)) {
    pending.set(
      name,
      new Promise((resolve, reject) => {
        const s = document.createElement('script');
        s.src = `/vendor/${name}`;
        s.async = true;
        s.addEventListener('load', () =>
          window[globalName] ? resolve(window[globalName]) : reject(new Error(`${name} did not define ${globalName}`)),
        );
        s.addEventListener('error', () => {
          pending.delete(name);
          reject(new Error(`could not load /vendor/${name}`));
        });
        document.head.append(s);
      }),
    );
  }
  return pending.get(name);
}

export const loadChart = () => loadScript('chart.js', 'Chart');
export const loadTopojson = () => loadScript('topojson-client.js', 'topojson');

/** The world map (TopoJSON, Natural Earth 110m) as JSON. */
let world = null;
export function loadWorld() {
  world ??= fetch('/vendor/world-atlas-110m.json').then((r) => {
    if (!r.ok) throw new Error(`could not load /vendor/world-atlas-110m.json (${r.status})`);
    return r.json();
  });
  return world;
}
