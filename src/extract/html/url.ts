// Resolving image and link URLs against the page URL or <base href>.

/** The base for relative URLs: <base href> resolved against the page URL, else the page URL. */
export function baseUrl(pageUrl: string | null | undefined, baseHref: string | null | undefined): string | null {
  const page = pageUrl && isAbsolute(pageUrl) ? pageUrl : null;
  if (baseHref) {
    try {
      return new URL(baseHref.trim(), page ?? undefined).href;
    } catch {
      /* an unusable base falls back to the page */
    }
  }
  return page;
}

function isAbsolute(u: string): boolean {
  try {
    new URL(u);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves a possibly relative URL; returns it unchanged when there is no usable base, null when empty. Only http(s)
 * URLs, relative ones and short data:image URLs are kept: any other scheme (javascript:, vbscript:, data:text/html,
 * file:, ...), however disguised ("java\nscript:", a leading control character, a javascript: <base>), gives null.
 */
export function resolveUrl(u: string | null | undefined, base: string | null): string | null {
  if (u == null) return null;
  const t = u.trim();
  if (!t) return null;
  if (/^data:/i.test(t)) return t.length > 2048 || !/^data:image\//i.test(t) ? null : t;
  let abs: URL;
  try {
    abs = base ? new URL(t, base) : new URL(t);
  } catch {
    // Not parseable as absolute, even by the WHATWG parser that strips controls and tabs: relative, no scheme.
    return t;
  }
  return abs.protocol === 'http:' || abs.protocol === 'https:' ? abs.href : null;
}

/** The host name of a URL, without "www.", or null. */
export function hostOf(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    return new URL(u).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}
