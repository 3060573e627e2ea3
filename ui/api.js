// JSON from our own API. Errors arrive as {error: {status, message}} and are thrown as ApiError.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET /api/<path> with query parameters (empty values dropped). */
export async function api(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v == null || v === '') continue;
    qs.set(k, Array.isArray(v) ? v.join(',') : String(v));
  }
  const url = `/api/${path}${qs.size ? `?${qs}` : ''}`;
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body;
}

/** Path segment for an entity key such as "person:vladimir putin". */
export const enc = (s) => encodeURIComponent(s);

/** The entity key the API uses: `type:lower-case name`. */
export const entityKey = (e) => `${e.type}:${String(e.name).toLowerCase()}`;
