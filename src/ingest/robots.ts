// robots.txt (RFC 9309): parsed once per origin and cached; user-agent groups, Allow/Disallow with `*` and `$`,
// the longest match wins (Allow on a tie), Crawl-delay fed to the fetcher's per-host rate limit.
//
// Fetch outcomes, as RFC 9309 §2.3.1 asks: 2xx → the rules; 4xx → no rules (everything allowed);
// 5xx, a network error or a timeout → everything disallowed (retried after a few minutes).
import { InputError, errorMessage } from '../errors.js';
import { USER_AGENT_TOKEN, type FetchGate, type Fetcher } from './fetch.js';

export interface RobotsRule {
  allow: boolean;
  /** The path pattern as written (percent-encoding normalised). */
  pattern: string;
}

export interface RobotsGroup {
  /** Lower-case user-agent values. */
  agents: string[];
  rules: RobotsRule[];
  /** Seconds, when given. */
  crawlDelay: number | null;
}

/** The first 500 KiB of a robots.txt are parsed (RFC 9309 §2.5); the rest is ignored. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

/** A URL robots.txt disallows for our agent: a skip, not a failure. */
export class RobotsDisallowed extends InputError {
  constructor(url: string, why: string) {
    super(url, `skipped: ${why}`);
    this.name = 'RobotsDisallowed';
  }
}

/** Upper-case hex in percent escapes, non-ASCII characters percent-encoded as UTF-8. */
function normalizePath(p: string): string {
  return p
    .replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase())
    .replace(/[^\x00-\x7f]/gu, (ch) => encodeURIComponent(ch));
}

function patternRegex(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const re = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${re}${anchored ? '$' : ''}`);
}

export class RobotsTxt {
  private readonly compiled = new Map<string, RegExp>();

  constructor(readonly groups: RobotsGroup[]) {}

  static parse(text: string): RobotsTxt {
    const groups: RobotsGroup[] = [];
    let current: RobotsGroup | null = null;
    let lastWasAgent = false;
    for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
      const line = rawLine.replace(/#.*$/, '').trim();
      if (!line) continue;
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase().replace(/_/g, '-');
      const value = line.slice(colon + 1).trim();
      if (key === 'user-agent') {
        if (!current || !lastWasAgent) {
          current = { agents: [], rules: [], crawlDelay: null };
          groups.push(current);
        }
        current.agents.push(value.toLowerCase());
        lastWasAgent = true;
        continue;
      }
      lastWasAgent = false;
      if (!current) continue; // rules before any user-agent line belong to no group
      if (key === 'allow' || key === 'disallow') {
        // An empty Disallow allows everything: it adds no rule.
        if (value) current.rules.push({ allow: key === 'allow', pattern: normalizePath(value) });
      } else if (key === 'crawl-delay') {
        const n = Number(value);
        if (Number.isFinite(n) && n >= 0) current.crawlDelay = n;
      }
    }
    return new RobotsTxt(groups);
  }

  /** Allows everything (no robots.txt, or a 4xx). */
  static allowAll(): RobotsTxt {
    return new RobotsTxt([]);
  }

  /** Disallows everything (robots.txt unreachable). */
  static disallowAll(): RobotsTxt {
    return new RobotsTxt([{ agents: ['*'], rules: [{ allow: false, pattern: '/' }], crawlDelay: null }]);
  }

  /** The groups that apply to an agent: those naming its product token, else those for `*` (merged). */
  groupsFor(agent: string = USER_AGENT_TOKEN): RobotsGroup[] {
    const token = agent.toLowerCase();
    const named = this.groups.filter((g) => g.agents.some((a) => a !== '*' && a.split(/[/\s]/)[0] === token));
    return named.length ? named : this.groups.filter((g) => g.agents.includes('*'));
  }

  /** The deciding rule for a path (with its query), or null when no rule matches (allowed). */
  match(pathAndQuery: string, agent: string = USER_AGENT_TOKEN): RobotsRule | null {
    const path = normalizePath(pathAndQuery || '/');
    let best: RobotsRule | null = null;
    for (const g of this.groupsFor(agent)) {
      for (const r of g.rules) {
        let re = this.compiled.get(r.pattern);
        if (!re) this.compiled.set(r.pattern, (re = patternRegex(r.pattern)));
        if (!re.test(path)) continue;
        if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow && !best.allow)) {
          best = r;
        }
      }
    }
    return best;
  }

  isAllowed(pathAndQuery: string, agent: string = USER_AGENT_TOKEN): boolean {
    if (pathAndQuery === '/robots.txt') return true;
    return this.match(pathAndQuery, agent)?.allow ?? true;
  }

  /** Crawl-delay in seconds for an agent (the largest among its groups), or null. */
  crawlDelay(agent: string = USER_AGENT_TOKEN): number | null {
    const ds = this.groupsFor(agent)
      .map((g) => g.crawlDelay)
      .filter((d): d is number => d != null);
    return ds.length ? Math.max(...ds) : null;
  }
}

interface Entry {
  robots: RobotsTxt;
  /** Why everything is disallowed, when robots.txt could not be read. */
  unreachable: string | null;
  expires: number;
}

export interface RobotsCacheOptions {
  agent?: string;
  /** How long a fetched robots.txt is trusted; default 24 h. */
  ttlMs?: number;
  /** How long an unreachable robots.txt blocks its host before it is asked again; default 5 min. */
  errorTtlMs?: number;
}

/** robots.txt per origin, fetched once (through the fetcher: same SSRF policy and rate limit) and cached. */
export class RobotsCache implements FetchGate {
  private readonly entries = new Map<string, Promise<Entry>>();
  private readonly known = new Map<string, Entry>();
  readonly agent: string;
  private readonly ttlMs: number;
  private readonly errorTtlMs: number;
  /** robots.txt fetches made (tests, reports). */
  fetches = 0;

  constructor(
    private readonly fetcher: Fetcher,
    o: RobotsCacheOptions = {},
  ) {
    this.agent = o.agent ?? USER_AGENT_TOKEN;
    this.ttlMs = o.ttlMs ?? 24 * 3600_000;
    this.errorTtlMs = o.errorTtlMs ?? 5 * 60_000;
  }

  /** Installs this cache as the fetcher's gate: every hop is checked. */
  attach(): this {
    this.fetcher.gate = this;
    return this;
  }

  private load(origin: string, signal?: AbortSignal): Promise<Entry> {
    const have = this.entries.get(origin);
    const known = this.known.get(origin);
    if (have && (!known || known.expires > Date.now())) return have;
    const p = this.fetchRobots(origin, signal).then((e) => {
      this.known.set(origin, e);
      return e;
    });
    // A cancelled fetch is not cached.
    p.catch(() => this.entries.delete(origin));
    this.entries.set(origin, p);
    return p;
  }

  private async fetchRobots(origin: string, signal?: AbortSignal): Promise<Entry> {
    const url = `${origin}/robots.txt`;
    this.fetches++;
    const now = Date.now();
    try {
      const r = await this.fetcher.request(url, {
        gate: false,
        maxBytes: ROBOTS_MAX_BYTES,
        truncate: true,
        accept: 'text/plain,*/*;q=0.5',
        ...(signal ? { signal } : {}),
      });
      if (r.status >= 200 && r.status < 300) {
        return { robots: RobotsTxt.parse(r.body.toString('utf8')), unreachable: null, expires: now + this.ttlMs };
      }
      if (r.status >= 400 && r.status < 500) return { robots: RobotsTxt.allowAll(), unreachable: null, expires: now + this.ttlMs };
      return { robots: RobotsTxt.disallowAll(), unreachable: `HTTP ${r.status}`, expires: now + this.errorTtlMs };
    } catch (e) {
      if (signal?.aborted) throw e;
      const m = errorMessage(e).replace(/^newsgraph:\s*/, '');
      const why = m.startsWith(`${url}: `) ? m.slice(url.length + 2) : m;
      return { robots: RobotsTxt.disallowAll(), unreachable: why, expires: now + this.errorTtlMs };
    }
  }

  /** The parsed robots.txt of a URL's origin (fetched when not cached). */
  async robotsFor(url: URL, signal?: AbortSignal): Promise<RobotsTxt> {
    return (await this.load(url.origin, signal)).robots;
  }

  async check(url: URL, signal?: AbortSignal): Promise<void> {
    if (url.pathname === '/robots.txt') return;
    const e = await this.load(url.origin, signal);
    if (e.unreachable) {
      throw new RobotsDisallowed(url.href, `${url.origin}/robots.txt is unreachable (${e.unreachable}), so the site is treated as disallowed`);
    }
    const target = url.pathname + url.search;
    const rule = e.robots.match(target, this.agent);
    if (rule && !rule.allow) {
      throw new RobotsDisallowed(url.href, `disallowed by ${url.origin}/robots.txt ("Disallow: ${rule.pattern}" for ${this.agent})`);
    }
  }

  delayMs(url: URL): number | null {
    const e = this.known.get(url.origin);
    const d = e?.robots.crawlDelay(this.agent);
    return d == null ? null : d * 1000;
  }
}
