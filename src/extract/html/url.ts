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

/** Resolves a possibly relative URL; returns it unchanged when there is no usable base, null when empty. */
export function resolveUrl(u: string | null | undefined, base: string | null): string | null {
  if (u == null) return null;
  const t = u.trim();
  if (!t || /^javascript:/i.test(t)) return null;
  if (/^data:/i.test(t)) return t.length > 2048 ? null : t;
  try {
    return base ? new URL(t, base).href : new URL(t).href;
  } catch {
    return t;
  }
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
