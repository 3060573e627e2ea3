// The PostgreSQL article row and annotation index (as annotations.ts: article_meta, article_entities, article_actors,
// quotes, events), written in ONE statement per put: data-modifying CTEs over unnest() arrays, all keyed on the
// article insert, so a document already stored (ON CONFLICT DO NOTHING) writes nothing and takes no lock. None of
// these rows is shared between articles, so writers do not wait for each other here. The same statement then takes
// the store's write lock for the linking that follows (postgres-link.ts); the entities table (shared counters, read
// by the linker as document frequencies) is upserted under that lock, by the linker: see entityArrays.
import { pgJson, type PgQuery } from './postgres-schema.js';
import type { Doc, EventActor } from '../model.js';
import { articleColumns, dayOfIso, mergeEntities } from './annotations.js';

const INSERT_ARTICLE = `
  WITH art AS (
    INSERT INTO articles (id, source, url, title, published, ingested_at, doc)
    VALUES ($1::text, $2::text, $3::text, $4::text, $5::text, $6::text, $7::jsonb)
    ON CONFLICT (id) DO NOTHING RETURNING seq
  ), meta AS (
    INSERT INTO article_meta (seq, id, day, ingested_at, source, published_day, host, site_name, dek, outlet)
    SELECT art.seq, $1::text, $8::text, $6::text, $9::text, $10::text, $11::text, $12::text, $13::text, $14::text FROM art
  ), ae AS (
    INSERT INTO article_entities (key, day, article_seq, type, mentions)
    SELECT u.key, $8::text, art.seq, u.type, u.mentions
      FROM art, unnest($15::text[], $16::text[], $17::int[]) AS u(key, type, mentions)
    ON CONFLICT DO NOTHING
  ), qu AS (
    INSERT INTO quotes (article_seq, idx, day, speaker_key, speaker_name, text, quote)
    SELECT art.seq, u.idx, $8::text, u.speaker_key, u.speaker_name, u.text, u.quote::jsonb
      FROM art, unnest($18::int[], $19::text[], $20::text[], $21::text[], $22::text[]) AS u(idx, speaker_key, speaker_name, text, quote)
     ORDER BY u.idx
  ), ev AS (
    INSERT INTO events (article_seq, idx, day, code, label, source_code, target_code, source_key, target_key, event)
    SELECT art.seq, u.idx, u.day, u.code, u.label, u.source_code, u.target_code, u.source_key, u.target_key, u.event::jsonb
      FROM art, unnest($23::int[], $24::text[], $25::text[], $26::text[], $27::text[], $28::text[], $29::text[], $30::text[], $31::text[])
             AS u(idx, day, code, label, source_code, target_code, source_key, target_key, event)
     ORDER BY u.idx
  ), ac AS (
    INSERT INTO article_actors (code, article_seq) SELECT c, art.seq FROM art, unnest($32::text[]) AS c ON CONFLICT DO NOTHING
  )
  -- The write lock (held until commit) and an asynchronous commit, only when the article is new: see PostgresStore.write.
  SELECT seq, pg_advisory_xact_lock(hashtext('newsgraph:put:' || current_schema())) AS locked,
         set_config('synchronous_commit', 'off', true) AS sync
    FROM art`;

/**
 * Stores the article row and its annotation rows and takes the write lock; returns the new row's seq, or null when a
 * document with this id is already stored (then nothing is written and no lock taken). `day` is the link day.
 */
export async function insertArticle(db: PgQuery, doc: Doc, day: string, ingestedAt: string): Promise<number | null> {
  const a = doc.article;
  const m = articleColumns(doc, day);
  const { byId, merged } = mergeEntities(doc);
  const actors = new Set<string>();
  const ents = [...merged.values()];
  for (const e of ents) if (e.actorCode) actors.add(e.actorCode.toUpperCase());

  const quotes = doc.quotes ?? [];
  const keyOf = (x: EventActor | null) => (x?.entity ? (byId.get(x.entity) ?? null) : null);
  const publishedDay = dayOfIso(a.published);
  const events = doc.events ?? [];
  for (const e of events) {
    if (e.source?.code) actors.add(e.source.code.toUpperCase());
    if (e.target?.code) actors.add(e.target.code.toUpperCase());
  }
  const r = await db.query<{ seq: number }>(INSERT_ARTICLE, [
    doc.id, a.source ?? doc.input.source, a.url ?? doc.input.url ?? null, a.title, a.published, ingestedAt, pgJson(doc),
    m.day, m.source, m.published_day, m.host, m.site_name, m.dek, m.outlet,
    ents.map((e) => e.key), ents.map((e) => e.type), ents.map((e) => e.mentions),
    quotes.map((_, i) => i), quotes.map((q) => (q.speaker ? (byId.get(q.speaker.id) ?? null) : null)),
    quotes.map((q) => q.speaker?.name ?? null), quotes.map((q) => q.text ?? ''), quotes.map((q) => pgJson(q)),
    events.map((_, i) => i), events.map((e) => dayOfIso(e.date) ?? publishedDay), events.map((e) => e.code),
    events.map((e) => e.label ?? null), events.map((e) => e.source?.code?.toUpperCase() ?? null),
    events.map((e) => e.target?.code?.toUpperCase() ?? null), events.map((e) => keyOf(e.source)),
    events.map((e) => keyOf(e.target)), events.map((e) => pgJson(e)),
    [...actors],
  ], 'ng_insert_article');
  return r.rows[0]?.seq ?? null;
}

/**
 * The document's entities as the parallel arrays of ENTITY_UPSERT ($1…$7), in key order so that concurrent writers
 * lock entity rows in the same order.
 */
export function entityArrays(doc: Doc): unknown[] {
  const ents = [...mergeEntities(doc).merged.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return [
    ents.map((e) => e.key), ents.map((e) => e.name), ents.map((e) => e.type), ents.map((e) => e.country),
    ents.map((e) => e.actorCode), ents.map((e) => pgJson([...e.roles].sort())), ents.map((e) => e.mentions),
  ];
}

/** A CTE body upserting the entities of entityArrays ($1…$7): counts bumped, roles merged (sorted union). */
export const ENTITY_UPSERT = `
  INSERT INTO entities (key, name, type, country, actor_code, roles, articles, mentions)
  SELECT u.key, u.name, u.type, u.country, u.actor_code, u.roles::jsonb, 1, u.mentions
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
           WITH ORDINALITY AS u(key, name, type, country, actor_code, roles, mentions, i)
   ORDER BY u.i
  ON CONFLICT (key) DO UPDATE SET
    articles = entities.articles + 1,
    mentions = entities.mentions + excluded.mentions,
    country = coalesce(entities.country, excluded.country),
    actor_code = coalesce(entities.actor_code, excluded.actor_code),
    roles = coalesce((SELECT jsonb_agg(DISTINCT r ORDER BY r)
                        FROM jsonb_array_elements_text(entities.roles || excluded.roles) AS r), '[]'::jsonb)
  RETURNING key, articles`;
