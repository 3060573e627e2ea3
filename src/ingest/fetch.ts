// Fetching pages and feeds over HTTP(S), politely and safely (undici, pinned).
//
// - SSRF: every hop's host is resolved (all addresses) and refused when any address is loopback, private, link-local,
//   CGNAT, multicast, unspecified, reserved or an IPv6 equivalent (unless allowPrivate); the connection is then made to
//   the addresses that were checked (a custom `lookup` pinned to them), so a DNS rebind between check and connect
//   cannot reach another address. Only http: and https: URLs are fetched.
// - Redirects are followed by hand (at most 5), each hop re-checked (scheme, address, robots.txt).
// - Timeouts: connect, and total (headers + body). A response is read as a stream and abandoned past a size cap
//   (default 10 MB), applied again after gzip/br/deflate decompression.
// - Politeness: a User-Agent naming newsgraph, at least `minDelayMs` between requests to one host (raised to the
//   host's robots.txt Crawl-delay), conditional GET from cached validators (ETag / Last-Modified).
//
// Validators are kept by a ValidatorCache. StoreValidatorCache keeps them in the store's `seen` table under the key
// "http|<url>" with a JSON value, so they live in the same database as the articles and need no extra file.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw, type InputType, type ZlibOptions, type BrotliOptions } from 'node:zlib';
import { Agent, request } from 'undici';
import { InputError } from '../errors.js';
import type { Store } from '../store/store.js';
import { formatSize, MB } from './read.js';

/** The product token robots.txt groups are matched against. */
export const USER_AGENT_TOKEN = 'newsgraph';
export const DEFAULT_USER_AGENT = 'newsgraph/0.1 (news analysis; +https://www.npmjs.com/package/newsgraph)';
export const DEFAULT_FETCH_MAX_BYTES = 10 * MB;
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_REDIRECTS = 5;
export const DEFAULT_MIN_DELAY_MS = 1000;
/** A robots.txt Crawl-delay above this is capped (a site asking for an hour between pages would stall a watch). */
export const DEFAULT_MAX_CRAWL_DELAY_MS = 60_000;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

// ---------------------------------------------------------------------------------------------------------------
// Addresses

/** What kind of non-public address an IP is, or null for a public (globally routable unicast) one. */
export function addressKind(ip: string): string | null {
  const v = isIP(ip);
  if (v === 4) return ipv4Kind(ip);
  if (v === 6) return ipv6Kind(ip);
  return 'invalid';
}

function ipv4Octets(ip: string): number[] {
  return ip.split('.').map((x) => Number(x));
}

function ipv4Kind(ip: string): string | null {
  const [a, b, c] = ipv4Octets(ip) as [number, number, number, number];
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10) return 'private';
  if (a === 172 && b >= 16 && b <= 31) return 'private';
  if (a === 192 && b === 168) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 100 && b >= 64 && b <= 127) return 'CGNAT';
  if (a === 192 && b === 0 && c === 0) return 'reserved'; // IETF protocol assignments
  if (a === 192 && b === 0 && c === 2) return 'reserved'; // TEST-NET-1
  if (a === 198 && b === 51 && c === 100) return 'reserved'; // TEST-NET-2
  if (a === 203 && b === 0 && c === 113) return 'reserved'; // TEST-NET-3
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // benchmarking
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // incl. 255.255.255.255
  return null;
}

/** Eight 16-bit groups of an IPv6 address (zone id dropped, embedded dotted quad allowed). */
export function ipv6Groups(ip: string): number[] {
  let s = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '').toLowerCase();
  let tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const o = ipv4Octets(dotted[1]!);
    tail = [(o[0]! << 8) | o[1]!, (o[2]! << 8) | o[3]!];
    s = s.slice(0, -dotted[1]!.length);
    if (s.endsWith(':') && !s.endsWith('::')) s = s.slice(0, -1);
  }
  const parse = (part: string) => (part ? part.split(':').map((h) => parseInt(h, 16)) : []);
  let groups: number[];
  const dbl = s.indexOf('::');
  if (dbl >= 0) {
    const head = parse(s.slice(0, dbl));
    const rest = parse(s.slice(dbl + 2));
    const fill = 8 - tail.length - head.length - rest.length;
    groups = [...head, ...new Array<number>(Math.max(0, fill)).fill(0), ...rest, ...tail];
  } else {
    groups = [...parse(s), ...tail];
  }
  return groups;
}

function ipv6Kind(ip: string): string | null {
  const g = ipv6Groups(ip);
  if (g.length !== 8 || g.some((x) => !Number.isInteger(x) || x < 0 || x > 0xffff)) return 'invalid';
  const embedded4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeros(8)) return 'unspecified';
  if (zeros(7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-translated (::ffff:0:a.b.c.d): judged as the IPv4 address.
  if (zeros(5) && g[5] === 0xffff) return ipv4Kind(embedded4(g[6]!, g[7]!));
  if (zeros(4) && g[4] === 0xffff && g[5] === 0) return ipv4Kind(embedded4(g[6]!, g[7]!));
  // IPv4-compatible (::a.b.c.d, deprecated): never a public destination.
  if (zeros(6)) return 'reserved';
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that decides.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    return ipv4Kind(embedded4(g[6]!, g[7]!));
  }
  if (g[0] === 0x2002) return ipv4Kind(embedded4(g[1]!, g[2]!));
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((first & 0xffc0) === 0xfec0) return 'private'; // fec0::/10 site-local (deprecated)
  if ((first & 0xff00) === 0xff00) return 'multicast'; // ff00::/8
  if (first === 0x2001 && g[1] === 0x0db8) return 'reserved'; // documentation
  if (first === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'reserved'; // discard-only
  return null;
}

/** The host of a URL as an address or name (IPv6 brackets removed). */
export function urlHost(u: URL): string {
  return u.hostname.replace(/^\[|\]$/g, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Rate limit

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** At least `delayMs` between the starts of two requests to one host; callers queue in order. */
export class HostRateLimiter {
  private readonly next = new Map<string, number>();

  async wait(host: string, delayMs: number, signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + Math.max(0, delayMs));
    if (at > now) await sleep(at - now, signal);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Validators (conditional GET)

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface ValidatorCache {
  get(url: string): Promise<Validators | null>;
  set(url: string, v: Validators): Promise<void>;
}

export class MemoryValidatorCache implements ValidatorCache {
  private readonly map = new Map<string, Validators>();
  async get(url: string): Promise<Validators | null> {
    return this.map.get(url) ?? null;
  }
  async set(url: string, v: Validators): Promise<void> {
    this.map.set(url, v);
  }
}

/** Validators kept in the store's `seen` table: key "http|<url>", value {"etag":…,"lastModified":…}. */
export class StoreValidatorCache implements ValidatorCache {
  constructor(private readonly store: Store) {}
  async get(url: string): Promise<Validators | null> {
    const raw = await this.store.seen(`http|${url}`);
    if (!raw) return null;
    try {
      const v = JSON.parse(raw) as Validators;
      return typeof v === 'object' && v ? v : null;
    } catch {
      return null;
    }
  }
  async set(url: string, v: Validators): Promise<void> {
    await this.store.markSeen(`http|${url}`, JSON.stringify({ etag: v.etag ?? null, lastModified: v.lastModified ?? null }));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The fetcher

/** A check made before each hop (robots.txt), and the host's own delay between requests. */
export interface FetchGate {
  /** Throws (an InputError) when the URL must not be fetched. */
  check(url: URL, signal?: AbortSignal): Promise<void>;
  /** The host's Crawl-delay in ms, once known. */
  delayMs(url: URL): number | null;
}

export type Resolver = (host: string) => Promise<LookupAddress[]>;

export interface FetcherOptions {
  userAgent?: string;
  connectTimeoutMs?: number;
  /** Whole request: connect, headers and body. */
  timeoutMs?: number;
  /** Cap on the response body, before and after decompression; default 10 MB. */
  maxBytes?: number;
  maxRedirects?: number;
  /** Fetch loopback, private and other non-public addresses too (tests, intranets). */
  allowPrivate?: boolean;
  /** Exact addresses allowed although not public (e.g. ["127.0.0.1"] for a test server). */
  allowAddresses?: string[];
  /** At least this long between two requests to one host; default 1000 ms. */
  minDelayMs?: number;
  maxCrawlDelayMs?: number;
  /** Name resolution (all addresses); default dns.lookup. Tests inject one to avoid real DNS. */
  resolve?: Resolver;
  cache?: ValidatorCache;
}

export interface RequestOptions {
  /** Send If-None-Match / If-Modified-Since from the validator cache. */
  conditional?: boolean;
  /** Run the gate (robots.txt) before each hop; default true. */
  gate?: boolean;
  signal?: AbortSignal;
  maxBytes?: number;
  /** Keep the first maxBytes instead of failing when the body is longer (robots.txt). */
  truncate?: boolean;
  accept?: string;
}

export interface FetchResult {
  /** The URL asked for. */
  url: string;
  /** The URL of the final response, after redirects. */
  finalUrl: string;
  status: number;
  /** A 304 to a conditional request: no body. */
  notModified: boolean;
  /** Response header names are lower case. */
  headers: Record<string, string>;
  contentType: string | null;
  /** The decompressed body (empty for 304). */
  body: Buffer;
  /** The hops followed, in order. */
  redirects: string[];
  validators: Validators | null;
}

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const defaultResolve: Resolver = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (e, a) => (e ? reject(e) : resolve(a))));

const gunzipP = promisify(gunzip) as (b: InputType, o: ZlibOptions) => Promise<Buffer>;
const inflateP = promisify(inflate) as (b: InputType, o: ZlibOptions) => Promise<Buffer>;
const inflateRawP = promisify(inflateRaw) as (b: InputType, o: ZlibOptions) => Promise<Buffer>;
const brotliP = promisify(brotliDecompress) as (b: InputType, o: BrotliOptions) => Promise<Buffer>;

/** A refusal that is policy, not failure (SSRF, scheme). */
export class RefusedError extends InputError {
  constructor(input: string, problem: string) {
    super(input, `refused: ${problem}`);
    this.name = 'RefusedError';
  }
}

type NetError = Error & { code?: string; cause?: unknown };

export class Fetcher {
  readonly userAgent: string;
  readonly maxBytes: number;
  readonly minDelayMs: number;
  readonly cache: ValidatorCache;
  private readonly opts: Required<Pick<FetcherOptions, 'connectTimeoutMs' | 'timeoutMs' | 'maxRedirects' | 'maxCrawlDelayMs'>>;
  private readonly allowPrivate: boolean;
  private readonly allowAddresses: Set<string>;
  private readonly resolve: Resolver;
  private readonly limiter = new HostRateLimiter();
  /** Host name → the addresses checked for it most recently; the connection's lookup answers from here. */
  private readonly pinned = new Map<string, LookupAddress[]>();
  private readonly agent: Agent;
  gate: FetchGate | null = null;
  /** Connections whose address came from the checked (pinned) answers: tests see that sockets use them. */
  pinnedLookups = 0;

  constructor(o: FetcherOptions = {}) {
    this.userAgent = o.userAgent ?? DEFAULT_USER_AGENT;
    this.maxBytes = o.maxBytes ?? DEFAULT_FETCH_MAX_BYTES;
    if (!(this.maxBytes > 0)) throw new RangeError(`maxBytes must be positive, got ${o.maxBytes}`);
    this.minDelayMs = Math.max(0, o.minDelayMs ?? DEFAULT_MIN_DELAY_MS);
    this.cache = o.cache ?? new MemoryValidatorCache();
    this.opts = {
      connectTimeoutMs: o.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxRedirects: o.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
      maxCrawlDelayMs: o.maxCrawlDelayMs ?? DEFAULT_MAX_CRAWL_DELAY_MS,
    };
    this.allowPrivate = !!o.allowPrivate;
    this.allowAddresses = new Set((o.allowAddresses ?? []).map((a) => a.replace(/^\[|\]$/g, '').toLowerCase()));
    this.resolve = o.resolve ?? defaultResolve;
    this.agent = new Agent({
      connect: { timeout: this.opts.connectTimeoutMs, lookup: this.pinnedLookup },
      headersTimeout: this.opts.timeoutMs,
      bodyTimeout: this.opts.timeoutMs,
      keepAliveTimeout: 4000,
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** The lookup the sockets use: only addresses that passed the check, never a fresh (rebindable) answer. */
  private readonly pinnedLookup = (
    hostname: string,
    options: { all?: boolean } | number | undefined,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    const host = hostname.replace(/^\[|\]$/g, '');
    const done = (addrs: LookupAddress[]) => {
      if (typeof options === 'object' && options?.all) callback(null, addrs);
      else callback(null, addrs[0]!.address, addrs[0]!.family);
    };
    const have = this.pinned.get(host);
    this.pinnedLookups++;
    if (have?.length) return done(have);
    this.checkedAddresses(host).then(done, (e: NodeJS.ErrnoException) => callback(e, '', 0));
  };

  /** The policy on one address: null when it may be fetched, else why not. */
  refusal(address: string): string | null {
    if (this.allowPrivate || this.allowAddresses.has(address.toLowerCase())) return null;
    const kind = addressKind(address);
    if (!kind) return null;
    return kind === 'invalid' ? `invalid address ${address}` : `${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} address ${address}`;
  }

  /** Resolves a host and checks every address; throws an Error whose message is the reason. */
  private async checkedAddresses(host: string): Promise<LookupAddress[]> {
    const family = isIP(host);
    if (family) {
      const why = this.refusal(host);
      if (why) throw Object.assign(new Error(why), { code: 'EREFUSED_POLICY' });
      return [{ address: host, family }];
    }
    let addrs: LookupAddress[];
    try {
      addrs = await this.resolve(host);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw Object.assign(new Error(err.code === 'ENOTFOUND' ? 'host not found' : `cannot resolve host (${err.code ?? err.message})`), {
        code: 'ERESOLVE',
      });
    }
    if (!addrs.length) throw Object.assign(new Error('host not found'), { code: 'ERESOLVE' });
    for (const a of addrs) {
      const why = this.refusal(a.address);
      if (why) throw Object.assign(new Error(`resolves to ${why}`), { code: 'EREFUSED_POLICY' });
    }
    return addrs;
  }

  /**
   * Checks a URL against the policy without fetching it (scheme, then every address it resolves to).
   * Throws a RefusedError naming the URL; resolves to the checked addresses.
   */
  async checkUrl(url: string | URL, name = String(url), hopNote = ''): Promise<LookupAddress[]> {
    const u = typeof url === 'string' ? parseHttpUrl(url, name) : url;
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      throw new RefusedError(name, `${hopNote}only http and https URLs are fetched, not ${u.protocol.replace(/:$/, '')}:`);
    }
    if (u.username || u.password) throw new RefusedError(name, `${hopNote}URLs with credentials are not fetched`);
    const host = urlHost(u);
    try {
      const addrs = await this.checkedAddresses(host);
      this.pinned.set(host, addrs);
      return addrs;
    } catch (e) {
      const err = e as NetError;
      // "a private address 10.0.0.1" for a literal, "resolves to a private address 10.0.0.5" for a name.
      if (err.code === 'EREFUSED_POLICY') throw new RefusedError(name, `${hopNote}${err.message}`);
      throw new InputError(name, `${hopNote}${err.message}`);
    }
  }

  /** GET a URL: 2xx bodies and 304s come back; other statuses are InputErrors. */
  async fetch(url: string, o: RequestOptions = {}): Promise<FetchResult> {
    const r = await this.request(url, o);
    if (r.notModified || (r.status >= 200 && r.status < 300)) return r;
    throw new InputError(url, `HTTP ${r.status}${r.finalUrl !== url ? ` from ${r.finalUrl}` : ''}`);
  }

  /** GET a URL following redirects; any final status comes back. */
  async request(url: string, o: RequestOptions = {}): Promise<FetchResult> {
    const maxBytes = o.maxBytes ?? this.maxBytes;
    let current = parseHttpUrl(url, url);
    const redirects: string[] = [];
    for (let hop = 0; ; hop++) {
      const note = hop ? `redirect to ${current.href}: ` : '';
      await this.checkUrl(current, url, note);
      if (o.gate !== false && this.gate) await this.gate.check(current, o.signal);
      const crawl = this.gate?.delayMs(current) ?? null;
      const delay = Math.max(this.minDelayMs, Math.min(crawl ?? 0, this.opts.maxCrawlDelayMs));
      await this.limiter.wait(current.host, delay, o.signal);

      const headers: Record<string, string> = {
        'user-agent': this.userAgent,
        accept: o.accept ?? DEFAULT_ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
      };
      if (o.conditional) {
        const v = await this.cache.get(current.href);
        if (v?.etag) headers['if-none-match'] = v.etag;
        if (v?.lastModified) headers['if-modified-since'] = v.lastModified;
      }
      const res = await this.once(current, headers, url, maxBytes, !!o.truncate, o.signal);
      if (REDIRECTS.has(res.status) && res.headers.location) {
        if (hop >= this.opts.maxRedirects) throw new InputError(url, `too many redirects (more than ${this.opts.maxRedirects})`);
        let next: URL;
        try {
          next = new URL(res.headers.location, current);
        } catch {
          throw new InputError(url, `redirect to an invalid URL '${clip(res.headers.location)}'`);
        }
        redirects.push(next.href);
        current = next;
        continue;
      }
      const validators =
        res.headers.etag || res.headers['last-modified']
          ? { etag: res.headers.etag ?? null, lastModified: res.headers['last-modified'] ?? null }
          : null;
      return {
        url,
        finalUrl: current.href,
        status: res.status,
        notModified: res.status === 304,
        headers: res.headers,
        contentType: res.headers['content-type'] ?? null,
        body: res.body,
        redirects,
        validators,
      };
    }
  }

  /** Keep a response's validators for the next conditional GET (callers do this once the body has been used). */
  async remember(r: FetchResult): Promise<void> {
    if (!r.validators) return;
    await this.cache.set(r.url, r.validators);
    if (r.finalUrl !== r.url) await this.cache.set(r.finalUrl, r.validators);
  }

  /** One request, no redirects; redirect bodies are discarded. */
  private async once(
    u: URL,
    headers: Record<string, string>,
    name: string,
    maxBytes: number,
    truncate: boolean,
    signal?: AbortSignal,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error('timeout')), this.opts.timeoutMs);
    const both = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    try {
      const res = await request(u, { dispatcher: this.agent, method: 'GET', headers, signal: both, maxRedirections: 0 });
      const h: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      if ((REDIRECTS.has(res.statusCode) && h.location) || res.statusCode === 304 || res.statusCode >= 400) {
        await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { status: res.statusCode, headers: h, body: Buffer.alloc(0) };
      }
      const declared = Number(h['content-length']);
      if (!truncate && Number.isFinite(declared) && declared > maxBytes) {
        res.body.destroy();
        throw new InputError(name, `response is larger than ${formatSize(maxBytes)}`);
      }
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const c of res.body) {
        const b = c as Buffer;
        total += b.length;
        if (total > maxBytes) {
          if (truncate) {
            chunks.push(b.subarray(0, b.length - (total - maxBytes)));
            total = maxBytes;
            res.body.destroy();
            break;
          }
          res.body.destroy();
          throw new InputError(name, `response is larger than ${formatSize(maxBytes)}`);
        }
        chunks.push(b);
      }
      const raw = Buffer.concat(chunks, total);
      const body = await decompress(raw, h['content-encoding'], maxBytes, name, truncate);
      return { status: res.statusCode, headers: h, body };
    } catch (e) {
      if (e instanceof InputError) throw e;
      if (signal?.aborted) throw new InputError(name, 'cancelled');
      if (timeout.signal.aborted) throw new InputError(name, `timed out after ${seconds(this.opts.timeoutMs)}`);
      throw netError(name, e as NetError, this.opts);
    } finally {
      clearTimeout(timer);
    }
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

/** Parses a URL given by a user or a page; an InputError when it is not a URL. */
export function parseHttpUrl(url: string, name = url): URL {
  try {
    return new URL(url);
  } catch {
    throw new InputError(name, 'not a valid URL');
  }
}

/** Whether a command-line argument is a URL rather than a path. */
export function isUrlArg(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

function netError(name: string, e: NetError, o: { connectTimeoutMs: number; timeoutMs: number }): InputError {
  // The pinned lookup's refusal (a redirect the pre-check allowed cannot reach here, but keep it one line anyway).
  let err: NetError | undefined = e;
  for (let i = 0; i < 4 && err; i++) {
    if (err.code === 'EREFUSED_POLICY') return new RefusedError(name, err.message);
    if (err.code === 'ERESOLVE') return new InputError(name, err.message);
    err = err.cause as NetError | undefined;
  }
  const code = e.code ?? (e.cause as NetError | undefined)?.code;
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new InputError(name, `connect timed out after ${seconds(o.connectTimeoutMs)}`);
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new InputError(name, `timed out after ${seconds(o.timeoutMs)}`);
    case 'ECONNREFUSED':
      return new InputError(name, 'connection refused');
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return new InputError(name, 'connection reset');
    case 'ENOTFOUND':
      return new InputError(name, 'host not found');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new InputError(name, 'host unreachable');
    default: {
      const msg = (e.message ?? String(e)).split('\n')[0];
      if (code && /CERT|SSL|TLS/i.test(code)) return new InputError(name, `TLS error: ${code}`);
      return new InputError(name, `fetch failed: ${code ?? msg}`);
    }
  }
}

/** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: tell them apart by the zlib header. */
export function isZlibHeader(b: Uint8Array): boolean {
  return b.length >= 2 && (b[0]! & 0x0f) === 8 && (b[0]! >> 4) <= 7 && ((b[0]! << 8) | b[1]!) % 31 === 0;
}

/** Undoes Content-Encoding (gzip, deflate, br; several in order), with the size cap on the output. */
async function decompress(raw: Buffer, encoding: string | undefined, maxBytes: number, name: string, truncate: boolean): Promise<Buffer> {
  if (!encoding) return raw;
  const codings = encoding
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'identity');
  let data = raw;
  for (const c of codings.reverse()) {
    const opts = { maxOutputLength: maxBytes };
    try {
      if (c === 'gzip' || c === 'x-gzip') data = await gunzipP(data, opts);
      else if (c === 'deflate') data = isZlibHeader(data) ? await inflateP(data, opts) : await inflateRawP(data, opts);
      else if (c === 'br') data = await brotliP(data, opts);
      else throw new InputError(name, `unsupported Content-Encoding '${clip(c)}'`);
    } catch (e) {
      if (e instanceof InputError) throw e;
      if ((e as NetError).code === 'ERR_BUFFER_TOO_LARGE') {
        if (truncate) return data.subarray(0, 0);
        throw new InputError(name, `decompressed response is larger than ${formatSize(maxBytes)}`);
      }
      throw new InputError(name, `corrupt ${c} data in the response`);
    }
  }
  return data;
}
