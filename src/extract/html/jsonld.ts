// JSON-LD metadata: the article-like object(s) of <script type="application/ld+json">.

export interface JsonLdInfo {
  headline: string | null;
  /** The object's name, when it differs from the headline. */
  name: string | null;
  authors: string[];
  datePublished: string | null;
  publisher: string | null;
  description: string | null;
  articleBody: string | null;
}

const ARTICLE_TYPE = /article|posting|report|newsarticle|blogposting|review|analysisnewsarticle|opinionnewsarticle|liveblogposting/i;
const MAX_JSON = 2_000_000;

function types(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) for (const x of v) { const s = str(x); if (s) return s; }
  if (v && typeof v === 'object' && typeof (v as Record<string, unknown>)['@value'] === 'string') {
    return str((v as Record<string, unknown>)['@value']);
  }
  return null;
}

function names(v: unknown, out: string[], depth = 0): void {
  if (depth > 4 || v == null) return;
  if (typeof v === 'string') {
    const s = v.trim();
    // a URL is not a name
    if (s && !/^https?:\/\//i.test(s)) out.push(s);
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 20)) names(x, out, depth + 1);
    return;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const n = str(o.name) ?? (str(o.givenName) && str(o.familyName) ? `${str(o.givenName)} ${str(o.familyName)}` : null);
    if (n) out.push(n);
  }
}

/** Every object reachable in a parsed JSON-LD value (arrays, @graph, nested), iteratively and bounded. */
function objects(root: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const stack: { v: unknown; d: number }[] = [{ v: root, d: 0 }];
  let seen = 0;
  while (stack.length && seen < 5000) {
    const { v, d } = stack.pop()!;
    seen++;
    if (d > 6 || v == null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], d: d + 1 });
      continue;
    }
    const o = v as Record<string, unknown>;
    out.push(o);
    if (o['@graph']) stack.push({ v: o['@graph'], d: d + 1 });
    if (o.mainEntity && typeof o.mainEntity === 'object') stack.push({ v: o.mainEntity, d: d + 1 });
  }
  return out;
}

/** Reads the article-like JSON-LD objects from the raw script texts; never throws. */
export function readJsonLd(scripts: string[]): JsonLdInfo {
  const info: JsonLdInfo = { headline: null, name: null, authors: [], datePublished: null, publisher: null, description: null, articleBody: null };
  const articles: Record<string, unknown>[] = [];
  const others: Record<string, unknown>[] = [];
  for (const raw of scripts) {
    if (raw.length > MAX_JSON) continue;
    let parsed: unknown;
    try {
      // some sites wrap JSON in CDATA or comments
      parsed = JSON.parse(raw.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|\]\]>\s*$/g, '').trim());
    } catch {
      continue;
    }
    for (const o of objects(parsed)) {
      const ts = types(o);
      if (ts.some((t) => ARTICLE_TYPE.test(t))) articles.push(o);
      else others.push(o);
    }
  }
  const a = articles[0];
  if (a) {
    info.headline = str(a.headline) ?? str(a.name);
    info.name = str(a.name);
    names(a.author ?? a.creator, info.authors);
    info.datePublished = str(a.datePublished) ?? str(a.dateCreated);
    const pub = a.publisher as unknown;
    if (pub && typeof pub === 'object' && !Array.isArray(pub)) info.publisher = str((pub as Record<string, unknown>).name);
    else if (Array.isArray(pub) && pub[0] && typeof pub[0] === 'object') info.publisher = str((pub[0] as Record<string, unknown>).name);
    info.description = str(a.description);
    info.articleBody = str(a.articleBody);
  }
  if (!info.publisher) {
    const org = others.find((o) => types(o).some((t) => /^(?:NewsMediaOrganization|Organization|WebSite)$/i.test(t)));
    if (org) info.publisher = str(org.name);
  }
  if (!info.datePublished) {
    const page = others.find((o) => str(o.datePublished));
    if (page) info.datePublished = str(page.datePublished);
  }
  info.authors = [...new Set(info.authors)].slice(0, 20);
  return info;
}
