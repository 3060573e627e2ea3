// A pipeline is a list of stage names, checked when it is built (as wink-nlp does), then run in order.
import { createHash } from 'node:crypto';
import { NewsgraphError } from './errors.js';
import { emptyArticle, type Doc, type RawInput } from './model.js';

export interface StageOptions {
  /** A published date given by the caller (YYYY-MM-DD), overriding the page's. */
  published?: string | null;
}

export interface Stage {
  name: string;
  /** Stages that must run earlier in the same pipeline. */
  after?: string[];
  run(doc: Doc, options: StageOptions): Doc;
}

export interface Pipeline {
  readonly stages: readonly string[];
  run(input: RawInput, options?: StageOptions): Doc;
  /** Run the stages on a doc that already exists (re-analysis of a stored article). */
  runDoc(doc: Doc, options?: StageOptions): Doc;
}

const registry = new Map<string, Stage>();

export function registerStage(stage: Stage): void {
  registry.set(stage.name, stage);
}

export function knownStages(): string[] {
  return [...registry.keys()];
}

export function contentHash(input: Pick<RawInput, 'body' | 'format'>): string {
  return createHash('sha256').update(input.format).update('\0').update(input.body).digest('hex');
}

export function newDoc(input: RawInput): Doc {
  return {
    id: contentHash(input),
    input,
    article: emptyArticle(input.source, input.url),
    sentences: [],
    entities: [],
    quotes: [],
    events: [],
    dates: [],
    messages: [],
  };
}

/** `provided`: stages whose work the documents already carry (e.g. 'extract' for bare body text). */
export function buildPipeline(names: readonly string[], opts: { provided?: readonly string[] } = {}): Pipeline {
  const stages: Stage[] = [];
  for (const [i, name] of names.entries()) {
    const stage = registry.get(name);
    if (!stage) {
      throw new NewsgraphError(`unknown pipeline stage '${name}'; known stages: ${knownStages().join(', ')}`);
    }
    for (const dep of stage.after ?? []) {
      const at = names.indexOf(dep);
      if (opts.provided?.includes(dep)) continue;
      if (at < 0 || at > i) throw new NewsgraphError(`pipeline stage '${name}' needs '${dep}' before it, found [${names.join(', ')}]`);
    }
    stages.push(stage);
  }
  const runDoc = (doc: Doc, options: StageOptions = {}): Doc => {
    let d = doc;
    for (const stage of stages) {
      try {
        d = stage.run(d, options);
      } catch (e) {
        // One error policy: a stage failure names the stage and the input.
        const err = e instanceof Error ? e : new Error(String(e));
        if (err instanceof NewsgraphError) throw err;
        throw new NewsgraphError(`${doc.input.source}: stage '${stage.name}' failed: ${err.message.split('\n')[0]}`);
      }
    }
    return d;
  };
  return {
    stages: [...names],
    run: (input, options) => runDoc(newDoc(input), options),
    runDoc,
  };
}
