// The demo corpus as a linking benchmark: analyse demo/articles (with the manifest's published date for the files
// that carry none, as a caller passing --published would), put them in a store in file order, and compare the
// stories found with the manifest's `story` field, pair by pair.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultPipeline } from '../index.js';
import { readInputFile } from '../ingest/read.js';
import { useKnowledgeDir } from '../knowledge/user.js';
import type { Doc } from '../model.js';
import type { Store } from '../store/store.js';

export const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

export interface DemoEntry {
  file: string;
  published: string;
  publishedInFile: boolean;
  story: string;
  nearDuplicateOf?: string;
}

export function demoManifest(): { stories: Record<string, string>; articles: DemoEntry[] } {
  return JSON.parse(readFileSync(`${DEMO_DIR}manifest.json`, 'utf8'));
}

/** The demo articles analysed, in manifest (file) order, each with its manifest entry. */
export async function demoDocs(): Promise<{ entry: DemoEntry; doc: Doc }[]> {
  // The demo's fictional states, officials and organizations, as `newsgraph demo` uses them.
  if (existsSync(`${DEMO_DIR}knowledge`)) useKnowledgeDir(`${DEMO_DIR}knowledge`);
  const pipeline = defaultPipeline();
  const out: { entry: DemoEntry; doc: Doc }[] = [];
  for (const entry of demoManifest().articles) {
    const published = entry.publishedInFile ? null : entry.published;
    const { warnings: _w, ...input } = await readInputFile(DEMO_DIR + entry.file, { published });
    out.push({ entry, doc: pipeline.run(input, { published }) });
  }
  return out;
}

export interface PairScores {
  truePairs: number;
  foundPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
  /** Ground-truth stories whose articles form exactly one found story, alone. */
  exactStories: string[];
}

/** Pairwise precision and recall of a clustering against the truth (both: item → cluster label). */
export function pairScores(truth: string[], found: string[]): PairScores {
  let truePairs = 0;
  let foundPairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < truth.length; i++) {
    for (let j = i + 1; j < truth.length; j++) {
      const t = truth[i] === truth[j];
      const f = found[i] === found[j];
      if (t) truePairs++;
      if (f) foundPairs++;
      if (t && f) correctPairs++;
    }
  }
  const exactStories = [...new Set(truth)].filter((s) => {
    const members = truth.map((t, i) => (t === s ? i : -1)).filter((i) => i >= 0);
    const label = found[members[0]!];
    return members.every((i) => found[i] === label) && found.filter((f) => f === label).length === members.length;
  });
  return {
    truePairs, foundPairs, correctPairs,
    precision: foundPairs ? correctPairs / foundPairs : 1,
    recall: truePairs ? correctPairs / truePairs : 1,
    exactStories,
  };
}

/** Puts the analysed demo articles into a store one by one and scores the stories it found. */
export async function linkDemo(store: Store, docs: { entry: DemoEntry; doc: Doc }[]) {
  for (const { doc } of docs) await store.put(doc);
  const found: string[] = [];
  for (const { doc } of docs) found.push((await store.storyOf(doc.id))?.id ?? `none:${doc.id}`);
  return { found, scores: pairScores(docs.map((d) => d.entry.story), found) };
}
