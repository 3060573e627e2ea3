// Quote detection and speaker attribution on our own annotated passages (src/eval/quotes-set/passages.txt, format in
// its README.md): precision, recall and F1 of detection and of attribution, for direct quotes and for all quotes.
// Usage: node dist/eval/quotes.js [--errors] [--only ID[,ID…]] [--json]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../index.js';
import { analyzeBody } from '../analyze/body.js';
import type { Quote } from '../model.js';
import { optionOf } from './args.js';

export type GoldKind = 'direct' | 'partial' | 'indirect' | 'none';

export interface GoldQuote {
  kind: GoldKind;
  /** Acceptable speaker names; empty when the quotation has no nameable speaker. */
  speakers: string[];
  start: number;
  end: number;
  text: string;
}

export interface Passage {
  id: string;
  note: string;
  text: string;
  gold: GoldQuote[];
}

const QUOTE_MARK = /["“”«»'‘’]/;

/** Reads the passages file; throws on a fragment that is not in its passage. */
export function readPassages(file: string): Passage[] {
  const out: Passage[] = [];
  let cur: { id: string; note: string; lines: string[]; ann: string[]; inAnn: boolean } | null = null;
  const flush = () => {
    if (!cur) return;
    const text = cur.lines.join('\n').trim().replace(/\n{3,}/g, '\n\n');
    const gold: GoldQuote[] = [];
    for (const a of cur.ann) {
      const [kind, speaker, ...rest] = a.split('|').map((x) => x.trim());
      const frag = rest.join('|').trim();
      if (!/^(direct|partial|indirect|none)$/.test(kind ?? '')) throw new Error(`${cur.id}: bad kind in '${a}'`);
      const at = text.indexOf(frag);
      if (!frag || at < 0) throw new Error(`${cur.id}: fragment not found: '${frag}'`);
      let end = at + frag.length;
      if (at > 0 && QUOTE_MARK.test(text[at - 1]!)) {
        // To the closing mark of the same kind, or the paragraph end.
        const open = text[at - 1]!;
        const close = open === '“' ? /”/g : open === '‘' || open === "'" ? /[’']/g : open === '«' ? /»/g : /["”]/g;
        const para = text.indexOf('\n\n', at);
        const paraEnd = para < 0 ? text.length : para;
        close.lastIndex = end;
        let m: RegExpExecArray | null;
        end = paraEnd;
        while ((m = close.exec(text)) && m.index < paraEnd) {
          // An apostrophe inside a word ("don't") is not the closing mark.
          if ((m[0] === "'" || m[0] === '’') && /\p{L}/u.test(text[m.index + 1] ?? '')) continue;
          end = m.index;
          break;
        }
      }
      const speakers = speaker && speaker !== '-' ? speaker.split('/').map((s) => s.trim()) : [];
      gold.push({ kind: kind as GoldKind, speakers, start: at, end, text: text.slice(at, end) });
    }
    out.push({ id: cur.id, note: cur.note, text, gold });
    cur = null;
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('### ')) {
      flush();
      const m = /^###\s+(\S+)\s*(.*)$/.exec(line)!;
      cur = { id: m[1]!, note: m[2] ?? '', lines: [], ann: [], inAnn: false };
    } else if (!cur) continue;
    else if (line.trim() === '---') cur.inAnn = true;
    else if (cur.inAnn) {
      if (line.trim() && !line.startsWith('#')) cur.ann.push(line);
    } else cur.lines.push(line);
  }
  flush();
  return out;
}

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Full name or last word, either way ("Berg" ~ "Anna Berg"); a one-word gold alternative may be any word of the prediction. */
export function speakerMatches(pred: string | null | undefined, gold: string[]): boolean {
  if (!gold.length) return !pred;
  if (!pred) return false;
  const p = norm(pred);
  const pw = p.split(' ');
  return gold.some((g0) => {
    const g = norm(g0);
    const gw = g.split(' ');
    if (p === g) return true;
    if (pw[pw.length - 1] === gw[gw.length - 1] && (pw.length === 1 || gw.length === 1 || pw[0] === gw[0] || pw.length !== gw.length)) return true;
    return gw.length === 1 && pw.includes(g);
  });
}

interface Counts {
  pred: number;
  gold: number;
  detected: number;
  attributed: number;
}
const zero = (): Counts => ({ pred: 0, gold: 0, detected: 0, attributed: 0 });
const prf = (tp: number, np: number, ng: number) => {
  const p = np ? tp / np : 0;
  const r = ng ? tp / ng : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Pairs predictions with gold quotations one to one, largest overlap first. */
function pair(preds: Quote[], gold: GoldQuote[]): Map<Quote, GoldQuote> {
  const cands: [number, Quote, GoldQuote][] = [];
  for (const p of preds) for (const g of gold) {
    const o = overlap(p, g);
    if (o > 0) cands.push([o, p, g]);
  }
  cands.sort((x, y) => y[0] - x[0]);
  const used = new Set<GoldQuote>();
  const out = new Map<Quote, GoldQuote>();
  for (const [, p, g] of cands) {
    if (out.has(p) || used.has(g)) continue;
    out.set(p, g);
    used.add(g);
  }
  return out;
}

export interface Report {
  passages: number;
  direct: Counts;
  all: Counts;
  errors: string[];
}

export function evaluate(passages: Passage[], published = '2025-06-01'): Report {
  const direct = zero();
  const all = zero();
  const errors: string[] = [];
  for (const ps of passages) {
    const doc = analyzeBody(ps.text, published);
    const preds = doc.quotes;
    const none = ps.gold.filter((g) => g.kind === 'none');
    const show = (q: { start: number; end: number }) => JSON.stringify(ps.text.slice(q.start, Math.min(q.end, q.start + 50)));
    const who = (q: Quote) => (q.speaker ? `${q.speaker.name} [${q.speakerMention?.text ?? ''}]` : '(none)');
    // direct
    {
      const g = ps.gold.filter((x) => x.kind === 'direct');
      const p = preds.filter((x) => x.kind === 'direct');
      const m = pair(p, g);
      direct.pred += p.length;
      direct.gold += g.length;
      for (const [q, gq] of m) {
        direct.detected++;
        if (speakerMatches(q.speaker?.name, gq.speakers)) direct.attributed++;
        else errors.push(`${ps.id} direct  SPEAKER ${show(gq)}: got ${who(q)}, want ${gq.speakers.join('/') || '(none)'}`);
      }
      for (const gq of g) if (![...m.values()].includes(gq)) errors.push(`${ps.id} direct  MISSED  ${show(gq)} (${gq.speakers.join('/') || '-'})${preds.some((q) => overlap(q, gq)) ? ` found as ${preds.find((q) => overlap(q, gq))!.kind}` : ''}`);
      for (const q of p) if (!m.has(q)) errors.push(`${ps.id} direct  EXTRA   ${show(q)} by ${who(q)}`);
    }
    // all
    {
      const g = ps.gold.filter((x) => x.kind !== 'none');
      const p = preds.filter((x) => x.kind === 'direct' || !none.some((n) => overlap(x, n) > 0));
      const m = pair(p, g);
      all.pred += p.length;
      all.gold += g.length;
      for (const [q, gq] of m) {
        all.detected++;
        if (speakerMatches(q.speaker?.name, gq.speakers)) all.attributed++;
        else if (gq.kind !== 'direct') errors.push(`${ps.id} ${gq.kind.padEnd(8)}SPEAKER ${show(gq)}: got ${who(q)}, want ${gq.speakers.join('/') || '(none)'}`);
        if (q.kind !== gq.kind) errors.push(`${ps.id} ${gq.kind.padEnd(8)}KIND    ${show(gq)}: got ${q.kind}`);
      }
      for (const gq of g) if (gq.kind !== 'direct' && ![...m.values()].includes(gq)) errors.push(`${ps.id} ${gq.kind.padEnd(8)}MISSED  ${show(gq)} (${gq.speakers.join('/') || '-'})`);
      for (const q of p) if (!m.has(q) && q.kind !== 'direct') errors.push(`${ps.id} ${q.kind.padEnd(8)}EXTRA   ${show(q)} by ${who(q)}`);
    }
  }
  return { passages: passages.length, direct, all, errors };
}

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string) => optionOf(args, name);
  const here = dirname(fileURLToPath(import.meta.url));
  const file = opt('--set') ?? join(here, '../../src/eval/quotes-set/passages.txt');
  let passages = readPassages(file);
  const only = opt('--only');
  if (only) passages = passages.filter((p) => only.split(',').includes(p.id));
  const r = evaluate(passages);
  const rows = (['direct', 'all'] as const).map((scope) => {
    const c = r[scope];
    return { scope, gold: c.gold, pred: c.pred, detection: prf(c.detected, c.pred, c.gold), attribution: prf(c.attributed, c.pred, c.gold) };
  });
  if (args.includes('--json')) {
    console.log(JSON.stringify({ passages: r.passages, rows, errors: args.includes('--errors') ? r.errors : undefined }, null, 2));
    return;
  }
  const fmt = (x: { p: number; r: number; f: number }) => `${x.p.toFixed(3)} / ${x.r.toFixed(3)} / ${x.f.toFixed(3)}`;
  console.log(`quotes: ${r.passages} passages (${file.replace(/^.*\/src\//, 'src/')})`);
  console.log('scope    gold  pred   detection P / R / F1     attribution P / R / F1');
  for (const x of rows) console.log(`${x.scope.padEnd(8)} ${String(x.gold).padStart(4)}  ${String(x.pred).padStart(4)}   ${fmt(x.detection)}    ${fmt(x.attribution)}`);
  if (args.includes('--errors')) {
    console.log(`\n${r.errors.length} mismatches:`);
    for (const e of r.errors) console.log(`  ${e}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
