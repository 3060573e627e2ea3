// Hash routes: "#/article/ID", "#/entity/KEY", "#/search?q=…". A route is a pattern and a view function
// view(main, {params, query}) that fills `main` (and may return a cleanup function).

const routes = [];
let cleanup = null;
let token = 0;

export function route(pattern, view) {
  const names = [];
  const re = new RegExp(
    '^' + pattern.replace(/:(\w+)/g, (_, n) => (names.push(n), '([^/]+)')) + '/?$',
  );
  routes.push({ re, names, view });
}

/** The current hash as {path, query}. */
export function current() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path, qs = ''] = raw.split('?');
  return { path, query: new URLSearchParams(qs) };
}

/** A hash link for a path and query object (empty values dropped). */
export function link(path, query = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v != null && v !== '') qs.set(k, String(v));
  return `#${path}${qs.size ? `?${qs}` : ''}`;
}

export function go(path, query) {
  location.hash = link(path, query).slice(1);
}

export async function start(main, onRoute) {
  const run = async () => {
    const my = ++token;
    if (typeof cleanup === 'function') cleanup();
    cleanup = null;
    const { path, query } = current();
    onRoute?.(path);
    for (const r of routes) {
      const m = r.re.exec(path);
      if (!m) continue;
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
      main.replaceChildren();
      main.setAttribute('aria-busy', 'true');
      try {
        const c = await r.view(main, { params, query, isCurrent: () => my === token });
        if (my === token) cleanup = c;
        else if (typeof c === 'function') c();
      } finally {
        if (my === token) main.removeAttribute('aria-busy');
      }
      return;
    }
    main.replaceChildren(document.createTextNode('Not found.'));
  };
  window.addEventListener('hashchange', run);
  await run();
}
