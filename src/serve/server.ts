// The HTTP API (docs/api.md) on Fastify: JSON in, JSON out, every input checked by a JSON schema, an OpenAPI 3
// document built from the same schemas, the web UI (ui/) as static files and an allow-list of vendor files.
//   const app = await buildServer({ store }); await app.inject({ url: '/api/articles' });
import { existsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { dyadFromStore, checkFormat, exportLines } from '../cli/export-commands.js';
import { NewsgraphError } from '../errors.js';
import { isDay, parseFilter } from '../export/query.js';
import { analysisJson } from '../output.js';
import type { Store } from '../store/store.js';
import { VENDOR, vendorFile } from './vendor.js';

export const UI_DIR = fileURLToPath(new URL('../../ui/', import.meta.url));

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 20;
/** At most this many ids in `seen`. */
export const MAX_SEEN = 1000;

/** The headers every response carries (the UI's CSP; JSON is never sniffed as HTML). */
export const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
} as const;

export interface ServerOptions {
  store: Store;
  /** The web UI folder (default: ui/ of the package). */
  uiDir?: string;
  /** The vendor allow-list (default: VENDOR). */
  vendor?: Readonly<Record<string, string>>;
  logger?: boolean;
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

const notFound = (what: string) => new HttpError(404, what);
const badRequest = (what: string) => new HttpError(400, what);

// --- schemas -----------------------------------------------------------------------------------------------------

const day = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;
const page = {
  limit: { type: 'integer', minimum: 0, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: `results per page (max ${MAX_LIMIT})` },
  offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
} as const;
const actor = {
  type: 'string', minLength: 1, maxLength: 200, pattern: '^(?:[A-Za-z]{1,15}|[A-Za-z]+:.+)$',
  description: 'a CAMEO actor code prefix (USA, USAGOV) or an entity key (person:vladimir putin)',
} as const;
const code = { type: 'string', pattern: '^\\d{1,4}$', description: 'a CAMEO event code prefix (19, 0431)' } as const;
const text = (description: string) => ({ type: 'string', maxLength: 500, description }) as const;
const entityType = {
  type: 'string', enum: ['person', 'organization', 'location', 'facility', 'event', 'vehicle', 'nationality', 'other'],
} as const;
const articleId = {
  type: 'object', required: ['id'],
  properties: { id: { type: 'string', pattern: '^[0-9a-fA-F]{6,64}$', description: 'article id (sha256 hex) or a unique prefix of 6+ characters' } },
} as const;

function qs(properties: Record<string, unknown>, required: string[] = []) {
  return { type: 'object', properties, required, additionalProperties: true } as const;
}

interface PageQs {
  limit: number;
  offset: number;
}
interface ArticleQs extends PageQs {
  q?: string; actor?: string; code?: string; from?: string; to?: string; source?: string; type?: string;
}

/** A problem found after schema validation (dates in order, real calendar days). */
function checkDays(q: { from?: string; to?: string }): void {
  for (const k of ['from', 'to'] as const) {
    const v = q[k];
    if (v !== undefined && !isDay(v)) throw badRequest(`${k} must be a calendar day YYYY-MM-DD, found '${v}'`);
  }
  if (q.from && q.to && q.from > q.to) throw badRequest(`from ${q.from} is after to ${q.to}`);
}

// --- the server --------------------------------------------------------------------------------------------------

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { store } = opts;
  const uiDir = opts.uiDir ?? UI_DIR;
  const vendor = opts.vendor ?? VENDOR;
  const app = Fastify({
    logger: opts.logger ?? false,
    // Query strings like ?seen=a&seen=b arrive as arrays; we take one value per parameter.
    ajv: { customOptions: { coerceTypes: true, allErrors: false } },
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    return payload;
  });

  app.setErrorHandler((err: FastifyError | HttpError | Error, req: FastifyRequest, reply: FastifyReply) => {
    let status = 500;
    let message = 'internal error';
    if (err instanceof HttpError) {
      status = err.status;
      message = err.message;
    } else if ((err as FastifyError).validation) {
      status = 400;
      message = validationMessage(err as FastifyError, req);
    } else if (err instanceof NewsgraphError) {
      status = 400;
      message = err.message.replace(/^newsgraph:\s*/, '');
    } else if (typeof (err as FastifyError).statusCode === 'number' && (err as FastifyError).statusCode! < 500) {
      status = (err as FastifyError).statusCode!;
      message = err.message;
    } else {
      req.log.error(err);
    }
    void reply.status(status).type('application/json; charset=utf-8').send({ error: { status, message } });
  });

  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).type('application/json; charset=utf-8').send({
      error: { status: 404, message: `not found: ${req.method} ${req.url.split('?')[0]}` },
    });
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'newsgraph API',
        version: '0.1.0',
        description: 'Articles, entities, quotes, CAMEO events and stories of a newsgraph store. See docs/api.md.',
      },
    },
  });

  const resolve = async (id: string): Promise<string> => {
    const key = id.toLowerCase();
    if (key.length === 64) {
      if (!(await store.has(key))) throw notFound(`no article with id '${id}'`);
      return key;
    }
    const doc = await store.get(key);
    if (!doc) throw notFound(`no article with id '${id}'`);
    return doc.id;
  };

  app.get<{ Querystring: ArticleQs }>('/api/articles', {
    schema: {
      summary: 'Articles matching the filters, newest first',
      tags: ['articles'],
      querystring: qs({
        q: text('full-text words; "quoted phrases" allowed'), actor, code, from: day, to: day,
        source: text('a substring of the source, URL host or site name'), ...page,
      }),
    },
  }, async (req) => {
    checkDays(req.query);
    const { limit, offset } = req.query;
    const r = await store.listArticles(req.query);
    return { items: r.items, limit, offset, total: r.total };
  });

  app.get<{ Params: { id: string } }>('/api/articles/:id', {
    schema: { summary: 'The whole analysis of an article, with its story', tags: ['articles'], params: articleId },
  }, async (req) => {
    const id = await resolve(req.params.id);
    const doc = await store.get(id);
    if (!doc) throw notFound(`no article with id '${req.params.id}'`);
    return { ...analysisJson(doc), story: await store.storyOf(id) };
  });

  app.get<{ Params: { id: string }; Querystring: { seen?: string } }>('/api/articles/:id/next', {
    schema: {
      summary: 'What to read next: the most related article not yet seen',
      tags: ['articles'],
      params: articleId,
      querystring: qs({
        seen: { type: 'string', maxLength: MAX_SEEN * 65, pattern: '^[0-9a-fA-F,]*$', description: 'comma-separated ids already read' },
      }),
    },
  }, async (req) => {
    const id = await resolve(req.params.id);
    const seen = (req.query.seen ?? '').split(',').filter(Boolean);
    if (seen.length > MAX_SEEN) throw badRequest(`seen lists ${seen.length} ids; at most ${MAX_SEEN}`);
    const bad = seen.find((s) => s.length !== 64);
    if (bad) throw badRequest(`seen must list full article ids (64 hex characters), found '${bad}'`);
    return store.nextStory(id, seen);
  });

  app.get<{ Querystring: ArticleQs }>('/api/search', {
    schema: {
      summary: 'Full-text search with facets (types, actors, codes, sources over the best 250 hits)',
      tags: ['articles'],
      querystring: qs({
        q: text('words; "quoted phrases" allowed; without it, the newest articles'), type: { ...entityType, description: 'articles mentioning an entity of this type' },
        actor, code, from: day, to: day, source: text('a substring of the source, URL host or site name'), ...page,
      }),
    },
  }, async (req) => {
    checkDays(req.query);
    const { limit, offset } = req.query;
    const [hits, facets] = await Promise.all([store.searchArticles(req.query), store.facets(req.query)]);
    return { items: hits.items, facets, limit, offset, total: hits.total };
  });

  app.get<{ Querystring: PageQs & { q?: string; type?: string; country?: string } }>('/api/entities', {
    schema: {
      summary: 'Entities by the number of articles mentioning them',
      tags: ['entities'],
      querystring: qs({ q: text('a substring of the name'), type: entityType, country: { type: 'string', pattern: '^[A-Za-z]{3}$', description: 'ISO 3166 alpha-3' }, ...page }),
    },
  }, async (req) => {
    const { limit, offset } = req.query;
    const r = await store.entities(req.query);
    return { items: r.items, limit, offset, total: r.total };
  });

  app.get<{ Params: { key: string } }>('/api/entities/:key', {
    schema: {
      summary: 'An entity with its articles, quotes, events and mentions per week',
      tags: ['entities'],
      params: { type: 'object', required: ['key'], properties: { key: { type: 'string', minLength: 3, maxLength: 300, pattern: '^[a-z]+:.+$', description: 'type:lower-case name, URL-encoded' } } },
    },
  }, async (req) => {
    const e = await store.entity(req.params.key);
    if (!e) throw notFound(`no entity '${req.params.key}'`);
    return e;
  });

  app.get<{ Querystring: PageQs & { speaker?: string; q?: string } }>('/api/quotes', {
    schema: {
      summary: 'Quotes, newest first',
      tags: ['quotes'],
      querystring: qs({ speaker: text('an entity key or (part of) a speaker name'), q: text('words of the quote'), ...page }),
    },
  }, async (req) => {
    const { limit, offset } = req.query;
    const r = await store.quotes(req.query);
    return { items: r.items, limit, offset, total: r.total };
  });

  app.get<{ Querystring: PageQs & { actor?: string; source?: string; target?: string; code?: string; from?: string; to?: string } }>('/api/events', {
    schema: {
      summary: 'CAMEO events, newest first',
      tags: ['events'],
      querystring: qs({ actor, source: actor, target: actor, code, from: day, to: day, ...page }),
    },
  }, async (req) => {
    checkDays(req.query);
    const { limit, offset } = req.query;
    const r = await store.events(req.query);
    return { items: r.items, limit, offset, total: r.total };
  });

  app.get<{ Querystring: { a: string; b: string; by: 'day' | 'week' | 'month' } }>('/api/dyad', {
    schema: {
      summary: 'Events between two actors over time, by CAMEO quad class, with mean Goldstein',
      tags: ['events'],
      querystring: qs({
        a: { type: 'string', pattern: '^[A-Za-z]{1,15}$', description: 'actor A: a CAMEO actor code or prefix' },
        b: { type: 'string', pattern: '^[A-Za-z]{1,15}$', description: 'actor B' },
        by: { type: 'string', enum: ['day', 'week', 'month'], default: 'week' },
      }, ['a', 'b']),
    },
  }, async (req) => {
    const { a, b, by } = req.query;
    return { a: a.toUpperCase(), b: b.toUpperCase(), by, series: await dyadFromStore(store, a, b, by) };
  });

  app.get<{ Querystring: PageQs }>('/api/stories', {
    schema: { summary: 'Stories, most recently updated first (each with its first 5 articles)', tags: ['stories'], querystring: qs({ ...page }) },
  }, async (req) => {
    const { limit, offset } = req.query;
    const r = await store.stories({ limit, offset });
    return { items: r.items, limit, offset, total: r.total };
  });

  app.get<{ Params: { id: string } }>('/api/stories/:id', {
    schema: {
      summary: 'A story with its articles, oldest first',
      tags: ['stories'],
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-fA-F]{64}$' } } },
    },
  }, async (req) => {
    const s = await store.story(req.params.id);
    if (!s) throw notFound(`no story '${req.params.id}'`);
    return s;
  });

  app.get<{ Querystring: { format: string; actor?: string; code?: string; from?: string; to?: string; header?: boolean } }>('/api/export', {
    schema: {
      summary: 'Events as GDELT 2.0 rows, GKG 2.1 rows, JSON lines or CSV (text, not JSON)',
      tags: ['events'],
      querystring: qs({
        format: { type: 'string', enum: ['gdelt', 'gkg', 'jsonl', 'csv'] },
        actor: { type: 'string', pattern: '^[A-Za-z]{1,15}$' }, code, from: day, to: day,
        header: { type: 'boolean', default: false, description: 'a header line for gdelt and gkg' },
      }, ['format']),
    },
  }, async (req, reply) => {
    checkDays(req.query);
    const { format, header, ...raw } = req.query;
    const f = checkFormat(format);
    parseFilter(raw); // reject bad filters before the first byte is sent
    const type = { gdelt: 'text/tab-separated-values', gkg: 'text/tab-separated-values', jsonl: 'application/x-ndjson', csv: 'text/csv' }[f];
    void reply.type(`${type}; charset=utf-8`).header('content-disposition', `attachment; filename="newsgraph-${f}.${f === 'jsonl' ? 'jsonl' : f === 'csv' ? 'csv' : 'tsv'}"`);
    return reply.send(Readable.from(exportLines(store, f, raw, { header: !!header })));
  });

  app.get('/api/openapi.json', { schema: { summary: 'This OpenAPI 3 document', tags: ['meta'] } }, async () => app.swagger());

  // The web UI and its vendor files.
  if (existsSync(uiDir)) {
    await app.register(fastifyStatic, { root: uiDir, prefix: '/', index: ['index.html'], wildcard: true });
    await app.register(fastifyStatic, { root: uiDir, prefix: '/ui/', index: ['index.html'], decorateReply: false });
  }
  app.get<{ Params: { '*': string } }>('/vendor/*', { schema: { hide: true } }, async (req, reply) => {
    const file = vendorFile(req.params['*'], vendor);
    if (!file || !existsSync(file)) throw notFound(`no vendor file '${req.params['*']}'`);
    if (typeof reply.sendFile !== 'function') throw notFound('vendor files need the UI folder');
    return reply.sendFile(basename(file), dirname(file));
  });

  return app;
}

const PATTERN_MESSAGES: Record<string, string> = {
  id: 'an id (hexadecimal: 64 characters, or a unique prefix of 6 or more for articles)',
  key: 'an entity key, type:lower-case name',
  actor: 'a CAMEO actor code prefix (letters, e.g. USA) or an entity key (type:name)',
  source: 'a CAMEO actor code prefix (letters, e.g. USA) or an entity key (type:name)',
  target: 'a CAMEO actor code prefix (letters, e.g. USA) or an entity key (type:name)',
  a: 'a CAMEO actor code or prefix (letters, e.g. USA)',
  b: 'a CAMEO actor code or prefix (letters, e.g. USA)',
  code: 'a CAMEO event code prefix (1 to 4 digits, e.g. 19)',
  country: 'an ISO 3166 alpha-3 country code',
  seen: 'comma-separated article ids',
};

/** A one-line message for a schema validation error: "limit must be <= 200", "from must be YYYY-MM-DD, found 'x'". */
function validationMessage(err: FastifyError, req: FastifyRequest): string {
  const v = err.validation?.[0];
  if (!v) return err.message;
  const where = err.validationContext ?? 'request';
  const name = (v.instancePath?.replace(/^\//, '').replace(/\//g, '.') || (v.params as { missingProperty?: string })?.missingProperty) ?? where;
  const source = (where === 'params' ? req.params : req.query) as Record<string, unknown> | undefined;
  const found = source && typeof source === 'object' && name in source ? ` , found '${String(source[name]).slice(0, 80)}'`.replace(' ,', ',') : '';
  if (v.keyword === 'required') return `${where}: ${name} is required`;
  if (v.keyword === 'format' && (v.params as { format?: string }).format === 'date') return `${name} must be YYYY-MM-DD${found}`;
  if (v.keyword === 'pattern' && /\\d\{4\}-/.test(String((v.params as { pattern?: string }).pattern))) return `${name} must be YYYY-MM-DD${found}`;
  if (v.keyword === 'pattern' && PATTERN_MESSAGES[name]) return `${name} must be ${PATTERN_MESSAGES[name]}${found}`;
  if (v.keyword === 'enum') return `${name} must be one of ${((v.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}${found}`;
  return `${name} ${v.message ?? 'is invalid'}${found}`;
}
