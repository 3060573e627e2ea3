// The PostgreSQL annotation index: as annotations.ts (article_meta, entities, article_entities, article_actors,
// quotes, events), written on the put transaction's client.
import { pgJson, type PgQuery } from './postgres-schema.js';
import type { Doc, EventActor } from '../model.js';
import { articleColumns, dayOfIso, mergeEntities } from './annotations.js';

/** Index one newly stored document (`seq` its articles row); `day` is its link day. */
export async function indexAnnotations(db: PgQuery, seq: number, doc: Doc, day: string, ingestedAt: string): Promise<void> {
  const m0 = articleColumns(doc, day);
  await db.query(
    `INSERT INTO article_meta (seq, id, day, ingested_at, source, published_day, host, site_name, dek, outlet)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [seq, doc.id, m0.day, ingestedAt, m0.source, m0.published_day, m0.host, m0.site_name, m0.dek, m0.outlet],
  );
  const publishedDay = dayOfIso(doc.article.published);

  const { byId, merged } = mergeEntities(doc);
  const actors = new Set<string>();
  // In key order, so concurrent writers lock entity rows in the same order.
  for (const m of [...merged.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    // Roles merged in SQL: the union of the stored and the new ones, sorted.
    await db.query(
      `INSERT INTO entities (key, name, type, country, actor_code, roles, articles, mentions)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, 1, $7)
       ON CONFLICT (key) DO UPDATE SET
         articles = entities.articles + 1,
         mentions = entities.mentions + excluded.mentions,
         country = coalesce(entities.country, excluded.country),
         actor_code = coalesce(entities.actor_code, excluded.actor_code),
         roles = coalesce((SELECT jsonb_agg(DISTINCT r ORDER BY r)
                             FROM jsonb_array_elements_text(entities.roles || excluded.roles) AS r), '[]'::jsonb)`,
      [m.key, m.name, m.type, m.country, m.actorCode, pgJson([...m.roles].sort()), m.mentions],
    );
    await db.query(
      'INSERT INTO article_entities (key, day, article_seq, type, mentions) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
      [m.key, day, seq, m.type, m.mentions],
    );
    if (m.actorCode) actors.add(m.actorCode.toUpperCase());
  }

  for (const [idx, q] of (doc.quotes ?? []).entries()) {
    const speakerKey = q.speaker ? (byId.get(q.speaker.id) ?? null) : null;
    await db.query(
      `INSERT INTO quotes (article_seq, idx, day, speaker_key, speaker_name, text, quote) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [seq, idx, day, speakerKey, q.speaker?.name ?? null, q.text ?? '', pgJson(q)],
    );
  }

  const keyOf = (a: EventActor | null) => (a?.entity ? (byId.get(a.entity) ?? null) : null);
  for (const [idx, e] of (doc.events ?? []).entries()) {
    const sourceCode = e.source?.code?.toUpperCase() ?? null;
    const targetCode = e.target?.code?.toUpperCase() ?? null;
    if (sourceCode) actors.add(sourceCode);
    if (targetCode) actors.add(targetCode);
    await db.query(
      `INSERT INTO events (article_seq, idx, day, code, label, source_code, target_code, source_key, target_key, event)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`,
      [seq, idx, dayOfIso(e.date) ?? publishedDay, e.code, e.label ?? null, sourceCode, targetCode, keyOf(e.source), keyOf(e.target), pgJson(e)],
    );
  }
  if (actors.size) {
    await db.query('INSERT INTO article_actors (code, article_seq) SELECT c, $2 FROM unnest($1::text[]) AS c ON CONFLICT DO NOTHING', [[...actors], seq]);
  }
}
