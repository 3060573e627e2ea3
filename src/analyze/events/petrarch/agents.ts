// Reader for PETRARCH/TABARI agent dictionaries: `NOUN_PHRASE {plurals} [~CODE]`.
//
// `[~GOV]` appends the agent code after the actor code ("Kestrian police" → KES + COP); `[NGO~]` puts it before.
// Regular plurals are formed automatically; `{…}` lists the plural forms instead, and `{}` means none.
// Substitution sets `!PERSON! = MAN, MEN, WOMAN` expand markers inside phrases (without further plurals).
import { readFileSync } from 'node:fs';
import { PhraseTrie, type TrieMatch } from './trie.js';
import { contentLines, DictionaryError, parsePhrase, pluralOf } from './text.js';

export interface AgentEntry {
  phrase: string;
  /** The agent code without the tilde. */
  code: string;
  /** True for `CODE~`: the code goes before the actor code. */
  prefix: boolean;
  file: string;
  line: number;
}

export interface AgentReport {
  file: string;
  entries: number;
  unparsed: { line: number; text: string; reason: string }[];
}

export class AgentDict {
  readonly entries: AgentEntry[] = [];
  readonly trie = new PhraseTrie<AgentEntry>();
  readonly reports: AgentReport[] = [];

  addText(text: string, file: string): AgentReport {
    const { agents, unparsed } = parseAgents(text, file);
    for (const a of agents) {
      this.entries.push(a);
      this.trie.add(parsePhrase(a.phrase), a);
    }
    const r = { file, entries: agents.length, unparsed };
    this.reports.push(r);
    return r;
  }

  addFile(path: string): AgentReport {
    return this.addText(readFileSync(path, 'utf8'), path);
  }

  match(tokens: string[], start: number, filler?: (i: number) => boolean): TrieMatch<AgentEntry> | null {
    return this.trie.longest(tokens, start, filler);
  }

  /** The agent of a whole phrase ("police", "foreign ministers"), or null. */
  lookup(phrase: string): AgentEntry | null {
    const words = parsePhrase(phrase).words;
    const m = this.trie.longest(words, 0);
    return m && m.end === words.length ? m.values[0]! : null;
  }
}

/** Applies agent codes to an actor code: `~X` after, `X~` before; 3-letter parts the code already has are skipped. */
export function applyAgents(actor: string | null, agents: { code: string; prefix: boolean }[]): string {
  let code = actor ?? '---';
  const has = (c: string, part: string): boolean => {
    for (let i = 0; i + 3 <= c.length; i += 3) if (c.slice(i, i + 3) === part) return true;
    return false;
  };
  for (const a of agents) {
    const parts = a.code.match(/.{1,3}/g) ?? [];
    if (a.prefix) {
      const add = parts.filter((p) => !has(code, p)).join('');
      code = code === '---' ? add || code : add + code;
    } else {
      for (const p of parts) if (!has(code, p)) code += p;
    }
  }
  return code;
}

export function parseAgents(text: string, file: string): { agents: AgentEntry[]; unparsed: AgentReport['unparsed'] } {
  const agents: AgentEntry[] = [];
  const unparsed: AgentReport['unparsed'] = [];
  const subst = new Map<string, string[]>();
  for (const { no, text: line, raw } of contentLines(text)) {
    const t = line.trim();
    const sub = /^(![A-Za-z0-9_]+!)\s*=\s*(.*)$/.exec(t);
    if (sub) {
      subst.set(sub[1]!.toUpperCase(), sub[2]!.split(',').map((x) => x.trim()).filter(Boolean));
      continue;
    }
    const m = /^([^[{]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]]*)\]\s*$/.exec(t);
    if (!m) {
      if (/\[[^\]}]*$/.test(t) && !raw.includes('#')) throw new DictionaryError(file, no, `unclosed "[" in "${t}"`);
      unparsed.push({ line: no, text: t, reason: 'not `PHRASE {plurals} [~CODE]`' });
      continue;
    }
    const rawCode = m[3]!.replace(/\s+/g, '');
    let code: string;
    let prefix: boolean;
    if (rawCode.startsWith('~')) {
      code = rawCode.slice(1);
      prefix = false;
    } else if (rawCode.endsWith('~')) {
      code = rawCode.slice(0, -1);
      prefix = true;
    } else {
      unparsed.push({ line: no, text: t, reason: `agent code without ~: [${m[3]}]` });
      continue;
    }
    code = code.toUpperCase();
    if (!/^[A-Z0-9]+$/.test(code)) {
      unparsed.push({ line: no, text: t, reason: `bad agent code [${m[3]}]` });
      continue;
    }
    const base = m[1]!.trim();
    const forms: string[] = [base];
    if (m[2] === undefined) {
      const lastSep = Math.max(base.lastIndexOf('_'), base.lastIndexOf(' '));
      const last = base.slice(lastSep + 1);
      if (last && !last.endsWith('!')) forms.push(base.slice(0, lastSep + 1) + pluralOf(last));
    } else {
      forms.push(...m[2]!.split(/\s+/).filter(Boolean));
    }
    for (const f of forms) {
      for (const phrase of expand(f, subst, file, no)) agents.push({ phrase, code, prefix, file, line: no });
    }
  }
  return { agents, unparsed };
}

function expand(phrase: string, subst: Map<string, string[]>, file: string, no: number): string[] {
  const m = /![A-Za-z0-9_]+!/.exec(phrase);
  if (!m) return [phrase];
  const set = subst.get(m[0].toUpperCase());
  if (!set) throw new DictionaryError(file, no, `substitution marker ${m[0]} is not defined above`);
  return set.flatMap((s) => expand(phrase.slice(0, m.index) + s + phrase.slice(m.index + m[0].length), subst, file, no));
}
