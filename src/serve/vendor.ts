// Third-party browser builds the web UI loads from our own server at /vendor/<name> (no CDN): an allow-list of
// files under node_modules. Only names listed here are served; nothing else under node_modules is reachable.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * name → file path relative to node_modules, e.g. `'chart.js': 'chart.js/dist/chart.umd.js'`.
 * The package must be a dependency in package.json (pinned exactly).
 */
export const VENDOR: Readonly<Record<string, string>> = {
  // The dyad timeline's chart (UMD build: defines window.Chart).
  'chart.js': 'chart.js/dist/chart.umd.min.js',
  // The event map: TopoJSON decoding (UMD: window.topojson) and Natural Earth 110m countries.
  'topojson-client.js': 'topojson-client/dist/topojson-client.min.js',
  'world-atlas-110m.json': 'world-atlas/countries-110m.json',
};

const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const require = createRequire(import.meta.url);

/** The absolute file of an allow-listed name, or null (unknown name, or the package is not installed). */
export function vendorFile(name: string, map: Readonly<Record<string, string>> = VENDOR): string | null {
  if (!Object.prototype.hasOwnProperty.call(map, name)) return null;
  const rel = map[name]!;
  const local = join(NODE_MODULES, rel);
  if (existsSync(local)) return local;
  try {
    return require.resolve(rel);
  } catch {
    return null;
  }
}
