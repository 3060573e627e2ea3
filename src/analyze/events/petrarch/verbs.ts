// Reader for PETRARCH verb dictionaries (the PETRARCH 1 / TABARI-derived format of PETR.Validate.verbs.txt and, in
// the approximate way described below, the PETRARCH 2.0 format of CAMEO.2.0.txt / PETR.Validate.verbs.2.0.txt).
//
//   &SYNSET_            a synonym set; `+WORD` / `+TWO_WORDS` / `+&OTHER` members follow. Members get regular
//                       plurals unless the set name or the member ends with `_`.
//   --- NAME [code] --- a verb block; the code is the default for the block (`---`: the verb alone codes nothing).
//   VERB {FORMS} [code] a verb of the block; without {…} the -S/-ED/-ING forms are made. Multi-word verbs join words
//                       with `_` and mark the verb with `+` (`+CORDON_OFF {+CORDONED_OFF …}`, `WIRE_+TAP`).
//   - pre * post [code] a pattern: words before and after the verb (`*`). `_` joins words that must be adjacent;
//                       a space lets other words come between. `$` source, `+` target, `%` compound actor,
//                       `^` skip a noun phrase, `&SET` a synset, `{A | B}` alternatives. `[a:b]` codes a for
//                       source→target and b for target→source.
// PETRARCH 2.0 patterns group words in `(PREP …)` and `{…}` by syntax; we read them as plain word sequences with
// gaps allowed. Verb transformations (`~ …`) are not read (counted as unparsed).
import { readFileSync } from 'node:fs';
import { PhraseTrie } from './trie.js';
import { contentLines, DictionaryError, parsePhrase, pluralOf, wordTokens } from './text.js';

export type PatElem =
  | { kind: 'words'; words: string[]; adj: boolean }
  | { kind: 'alt'; options: string[][]; adj: boolean }
  | { kind: 'syn'; name: string; adj: boolean }
  | { kind: 'source' | 'target' | 'compound' | 'skip'; adj: boolean };

export interface VerbPattern {
  /** Elements before the verb, in text order; `adj` on an element: it must directly follow the previous one. */
  before: PatElem[];
  /** True when the verb must directly follow the last `before` element. */
  verbAdjBefore: boolean;
  after: PatElem[];
  code: string;
  text: string;
  file: string;
  line: number;
}

export interface VerbBlock {
  name: string;
  code: string;
  patterns: VerbPattern[];
  verbs: VerbForm[];
}

export interface VerbForm {
  /** Lower-case words of the form ("wire", "tapped"). */
  words: string[];
  /** The primary form it belongs to, upper case as written. */
  lemma: string;
  /** The verb's own code, or the block's. */
  code: string;
  block: VerbBlock;
}

export interface VerbReport {
  file: string;
  format: 'petrarch1' | 'petrarch2';
  blocks: number;
  verbs: number;
  patterns: number;
  synsets: number;
  unparsed: { line: number; text: string; reason: string }[];
}

export class VerbDict {
  readonly blocks: VerbBlock[] = [];
  readonly synsets = new Map<string, { members: string[]; plurals: boolean }>();
  readonly forms = new PhraseTrie<VerbForm>();
  readonly reports: VerbReport[] = [];
  private expanded = new Map<string, string[][]>();
  /** Patterns by lemma, so blocks with the same verb (two `--- SHOT` blocks) pool their patterns. */
  private byLemma = new Map<string, VerbBlock[]>();

  addText(text: string, file: string): VerbReport {
    const r = parseVerbs(text, file, this);
    this.reports.push(r);
    this.expanded.clear();
    return r;
  }

  addFile(path: string): VerbReport {
    return this.addText(readFileSync(path, 'utf8'), path);
  }

  /** @internal used by the parser */
  addBlock(b: VerbBlock): void {
    this.blocks.push(b);
  }

  /** @internal */
  addForm(f: VerbForm): void {
    this.forms.add({ words: f.words, gap: f.words.slice(1).map(() => false) }, f);
    const key = f.lemma.toUpperCase();
    const list = this.byLemma.get(key) ?? [];
    if (!list.includes(f.block)) list.push(f.block);
    this.byLemma.set(key, list);
  }

  /** Patterns that apply to a verb form: its block's, then those of other blocks with the same primary verb. */
  patternsFor(f: VerbForm): VerbPattern[] {
    const others = (this.byLemma.get(f.lemma.toUpperCase()) ?? []).filter((b) => b !== f.block);
    return [...f.block.patterns, ...others.flatMap((b) => b.patterns)];
  }

  /** The phrases of a synset (nested sets expanded, plurals added), lower-case word lists. */
  synset(name: string): string[][] {
    const key = name.toUpperCase().replace(/_$/, '');
    const hit = this.expanded.get(key);
    if (hit) return hit;
    const out: string[][] = [];
    const seen = new Set<string>();
    const visit = (k: string, depth: number): void => {
      const s = this.synsets.get(k);
      if (!s || depth > 8) return;
      for (const m of s.members) {
        if (m.startsWith('&')) {
          visit(m.toUpperCase().replace(/_$/, ''), depth + 1);
          continue;
        }
        const noPlural = !s.plurals || m.endsWith('_');
        const base = m.replace(/_+$/, '');
        const forms = [base];
        if (!noPlural) {
          const cut = Math.max(base.lastIndexOf('_'), base.lastIndexOf(' '));
          forms.push(base.slice(0, cut + 1) + pluralOf(base.slice(cut + 1)));
        }
        for (const f of forms) {
          const w = parsePhrase(f).words;
          const id = w.join(' ');
          if (w.length && !seen.has(id)) {
            seen.add(id);
            out.push(w);
          }
        }
      }
    };
    visit(key, 0);
    this.expanded.set(key, out);
    return out;
  }
}

/** Regular forms of a verb: -S/-ES/-IES, -ED/-D/-IED, -ING (dropping a final E after a consonant). */
export function regularForms(v: string): string[] {
  const up = v.toUpperCase();
  const out = [up];
  if (/(S|X|Z|CH|SH)$/.test(up)) out.push(up + 'ES');
  else if (/[^AEIOU]Y$/.test(up)) out.push(up.slice(0, -1) + 'IES');
  else out.push(up + 'S');
  if (up.endsWith('E')) out.push(up + 'D');
  else if (/[^AEIOU]Y$/.test(up)) out.push(up.slice(0, -1) + 'IED');
  else out.push(up + 'ED');
  if (up.endsWith('E') && up.length > 2 && !/[AEIOU]E$/.test(up)) out.push(up.slice(0, -1) + 'ING');
  else out.push(up + 'ING');
  return out;
}

/** The words of a verb form written `WIRE_+TAPPED`, `+BREAK_DOWN`, `LASH OUT`; the `+` marks the verb word. */
function formWords(s: string): string[] {
  return parsePhrase(s.replace(/\+/g, '')).words;
}

/** Forms of a multi-word verb where the `+` word (or the first) is inflected. */
function multiForms(s: string): string[] {
  const parts = s.split(/[_ ]+/).filter(Boolean);
  let k = parts.findIndex((p) => p.startsWith('+'));
  if (k < 0) k = 0;
  const verb = parts[k]!.replace(/^\+/, '');
  return regularForms(verb).map((f) => parts.map((p, i) => (i === k ? f : p.replace(/^\+/, ''))).join('_'));
}

export function parseVerbs(text: string, file: string, dict: VerbDict): VerbReport {
  const report: VerbReport = {
    file,
    format: /\(\s*[A-Z]/.test(text.replace(/#.*$/gm, '').split('\n').filter((l) => /^\s*-/.test(l)).join('\n')) ? 'petrarch2' : 'petrarch1',
    blocks: 0,
    verbs: 0,
    patterns: 0,
    synsets: 0,
    unparsed: [],
  };
  let block: VerbBlock | null = null;
  let synset: { members: string[]; plurals: boolean } | null = null;
  for (const { no, text: line, raw } of contentLines(text)) {
    const t = line.trim();
    if (t.startsWith('&')) {
      const name = t.split(/\s+/)[0]!;
      if (!/^&[A-Za-z0-9_]+$/.test(name)) throw new DictionaryError(file, no, `bad synset name "${name}"`);
      const key = name.toUpperCase().replace(/_$/, '');
      synset = { members: [], plurals: !name.endsWith('_') };
      dict.synsets.set(key, synset);
      report.synsets++;
      continue;
    }
    if (synset && t.startsWith('+')) {
      const m = t.slice(1).trim();
      if (m) synset.members.push(m);
      continue;
    }
    synset = null;
    if (t.startsWith('---')) {
      const inner = t.replace(/^---/, '').replace(/---\s*$/, '');
      const cm = /\[([^\]]*)\]/.exec(inner);
      const name = (cm ? inner.slice(0, cm.index) : inner).trim();
      const code = (cm ? cm[1]!.trim() : '') || '---';
      block = { name, code: code.toUpperCase(), patterns: [], verbs: [] };
      dict.addBlock(block);
      report.blocks++;
      continue;
    }
    if (t.startsWith('~')) {
      report.unparsed.push({ line: no, text: t, reason: 'verb transformation (not read)' });
      continue;
    }
    if (!block) {
      report.unparsed.push({ line: no, text: t, reason: 'outside a verb block' });
      continue;
    }
    if (t.startsWith('-')) {
      try {
        if (/\[[^\]]*$/.test(t) && line.length < raw.trimEnd().length) throw 'code cut off by a # comment';
        const p = parsePattern(t, file, no);
        if (p) {
          block.patterns.push(p);
          report.patterns++;
        } else report.unparsed.push({ line: no, text: t, reason: 'pattern without a code' });
      } catch (e) {
        if (e instanceof DictionaryError) throw e;
        report.unparsed.push({ line: no, text: t, reason: String(e) });
      }
      continue;
    }
    // A verb line (a TABARI-style `;` comment may follow).
    const vm = /^([^[{;]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*(?:;.*)?$/.exec(t);
    if (!vm) {
      if ((t.match(/\{/g) ?? []).length !== (t.match(/\}/g) ?? []).length || (t.match(/\[/g) ?? []).length !== (t.match(/\]/g) ?? []).length) {
        throw new DictionaryError(file, no, `unbalanced brackets in "${t}"`);
      }
      report.unparsed.push({ line: no, text: t, reason: 'not a verb, pattern or synset line' });
      continue;
    }
    const base = vm[1]!.trim();
    if (/[*$%^]/.test(base)) {
      report.unparsed.push({ line: no, text: t, reason: 'pattern line without a leading "-"' });
      continue;
    }
    const code = (vm[3]?.trim() || block.code).toUpperCase();
    const lemma = base.replace(/\+/g, '').replace(/_/g, ' ');
    const multi = /[_ ]/.test(base.replace(/^\+/, '')) || base.includes('+');
    let forms: string[];
    if (vm[2] !== undefined) forms = [base, ...vm[2].split(/\s+/).filter(Boolean)];
    else forms = multi ? multiForms(base) : regularForms(base);
    const seen = new Set<string>();
    for (const f of forms) {
      const words = formWords(f);
      const id = words.join(' ');
      if (!words.length || seen.has(id)) continue;
      seen.add(id);
      const vf: VerbForm = { words, lemma: block.verbs[0]?.lemma ?? lemma, code, block };
      block.verbs.push(vf);
      dict.addForm(vf);
    }
    report.verbs++;
  }
  return report;
}

/** Parses `- pre * post [code]`. Returns null when there is no code; throws a string when unreadable. */
export function parsePattern(t: string, file: string, no: number): VerbPattern | null {
  const cm = /\[([^\]]*)\]\s*$/.exec(t);
  if (!cm) {
    if (t.includes('[')) throw new DictionaryError(file, no, `unclosed code bracket in "${t}"`);
    return null;
  }
  const code = cm[1]!.trim().toUpperCase() || '---';
  let body = t.slice(1, cm.index).trim();
  // PETRARCH 2.0 groupings: (PREP …) and {NOUN PHRASE}. Read as plain words; `{A | B}` is an alternation.
  const alts: string[][][] = [];
  body = body.replace(/\{([^}]*\|[^}]*)\}/g, (_, inner: string) => {
    alts.push(inner.split('|').map((o) => parsePhrase(o.trim()).words).filter((w) => w.length));
    return ` \u0001${alts.length - 1} `;
  });
  if (/[{}]/.test(body) && (body.match(/\{/g) ?? []).length !== (body.match(/\}/g) ?? []).length) throw 'unbalanced braces';
  body = body.replace(/[(){}]/g, ' ');
  body = body.replace(/_\s/g, ' ').replace(/_$/, '');
  const star = body.indexOf('*');
  if (star < 0) throw 'pattern without a verb (*)';
  if (body.indexOf('*', star + 1) >= 0) throw 'pattern with two verbs (*)';
  const pre = body.slice(0, star);
  const post = body.slice(star + 1);
  const before = elements(pre, alts);
  const after = elements(post, alts);
  const verbAdjBefore = /_\s*$/.test(pre);
  if (after.length && /^_/.test(post)) after[0]!.adj = true;
  return { before, verbAdjBefore, after, code, text: t, file, line: no };
}

function elements(s: string, alts: string[][][]): PatElem[] {
  const out: PatElem[] = [];
  const items = s.trim().split(/\s+/).filter(Boolean);
  for (const item of items) {
    const parts = item.split('_').filter((p) => p !== '');
    parts.forEach((p, k) => {
      const adj = k > 0;
      let e: PatElem;
      if (p === '$') e = { kind: 'source', adj };
      else if (p === '+') e = { kind: 'target', adj };
      else if (p === '%') e = { kind: 'compound', adj };
      else if (p === '^') e = { kind: 'skip', adj };
      else if (p.startsWith('&')) e = { kind: 'syn', name: p, adj };
      else if (p.startsWith('\u0001')) e = { kind: 'alt', options: alts[Number(p.slice(1))] ?? [], adj };
      else {
        const words = wordTokens(p);
        if (!words.length) return;
        const prev = out[out.length - 1];
        if (adj && prev && prev.kind === 'words') {
          prev.words.push(...words);
          return;
        }
        e = { kind: 'words', words, adj };
      }
      out.push(e);
    });
  }
  return out;
}
