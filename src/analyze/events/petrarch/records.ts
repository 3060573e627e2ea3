// Reader for PETRARCH validation records (petrarch2.PETR.UnitTest.records.xml): sentences with expected codings,
// and the <Config> options that apply to the records after them.
import { decodeHTML } from 'entities';

export interface ExpectedEvent {
  source: string;
  target: string;
  code: string;
}

export interface UnitRecord {
  id: string;
  date: string;
  category: string;
  /** The record's `sentence` attribute ("false" marks records the suite itself disables). */
  sentenceAttr: string | null;
  text: string;
  expected: ExpectedEvent[];
  /** `noevents="True"` or no codings at all. */
  noEvents: boolean;
  /** `error="…"` codings (discards, bad input). */
  errors: string[];
  /** Config options in force for this record (e.g. require_dyad). */
  config: Record<string, string>;
  /** Line of the <Sentence> tag. */
  line: number;
}

/** Attributes of a tag body; values in single or double quotes; spaces around `=` allowed. */
export function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = decodeHTML(m[2] ?? m[3] ?? '');
  return out;
}

export function parseRecords(xml: string): UnitRecord[] {
  const out: UnitRecord[] = [];
  const config: Record<string, string> = {};
  // Drop comments first (they hold commented-out records and tags).
  const clean = xml.replace(/<!--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ' '));
  const re = /<Config\b([^>]*)>|<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clean)) !== null) {
    if (m[1] !== undefined) {
      const a = attributes(m[1]);
      if (a.option) config[a.option.toLowerCase()] = (a.value ?? '').toLowerCase();
      continue;
    }
    const a = attributes(m[2]!);
    const body = m[3]!;
    const expected: ExpectedEvent[] = [];
    const errors: string[] = [];
    let noEvents = false;
    for (const c of body.matchAll(/<EventCoding\b([^>]*)>/g)) {
      const ca = attributes(c[1]!);
      if (ca.noevents && /^true$/i.test(ca.noevents)) noEvents = true;
      else if (ca.error) errors.push(ca.error);
      else if (ca.eventcode) expected.push({ source: ca.sourcecode ?? '', target: ca.targetcode ?? '', code: ca.eventcode });
    }
    const t = /<Text>([\s\S]*?)<\/Text>/.exec(body);
    out.push({
      id: a.id ?? `record-${out.length + 1}`,
      date: a.date ?? '',
      category: a.category ?? '',
      sentenceAttr: a.sentence ?? null,
      text: decodeHTML((t?.[1] ?? '').replace(/\s+/g, ' ').trim()),
      expected,
      noEvents: noEvents || expected.length === 0,
      errors,
      config: { ...config },
      line: clean.slice(0, m.index).split('\n').length,
    });
  }
  return out;
}
