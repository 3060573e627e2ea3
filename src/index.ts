// The library: the pipeline and its stages, the stores, ingest. The CLI and server are thin layers over this.
import './extract/stage.js';
import './analyze/language/index.js';
import './analyze/dates.js';
import './analyze/actors/index.js';
import './analyze/quotes/index.js';
import './analyze/tone.js';
import './analyze/events/index.js';
import { buildPipeline, type Pipeline } from './pipeline.js';

export * from './model.js';
export * from './errors.js';
export { buildPipeline, registerStage, knownStages, newDoc, contentHash } from './pipeline.js';
export type { Pipeline, Stage, StageOptions } from './pipeline.js';
export { extractText } from './extract/text.js';
export { extractHtml } from './extract/html/index.js';
export { analysisJson, extractJson, articleJson } from './output.js';

/** Stages of the default analysis, in order. Later stages (actors, quotes, events, dates) join this list. */
export const DEFAULT_STAGES = ['extract', 'language', 'tone', 'dates', 'actors', 'quotes', 'events'] as const;

export function defaultPipeline(): Pipeline {
  return buildPipeline(DEFAULT_STAGES);
}

export function extractPipeline(): Pipeline {
  return buildPipeline(['extract']);
}
export { computeTone } from './analyze/tone.js';
export { toGdeltRows } from './export/gdelt.js';
export { toGkgRow } from './export/gkg.js';
export { dyadSeries } from './analyze/dyad.js';
