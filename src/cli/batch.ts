// `analyze --jsonl`: JSON lines in ({id, text | html, published?, url?}), one analysis per line out, same order.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { errorMessage, NewsgraphError } from '../errors.js';
import { checkPublished } from '../extract/stage.js';
import type { RawInput } from '../model.js';
import { analysisJson } from '../output.js';
import type { Pipeline } from '../pipeline.js';
import { writeOut } from './io.js';

const MAX_LINE = 64 * 1024 * 1024;

export interface BatchItem {
  id: string | number | null;
  input: RawInput;
  published: string | null;
}

/** Parses one batch line; throws NewsgraphError with the problem. */
export function parseBatchLine(line: string, lineNo: number): BatchItem {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    throw new NewsgraphError(`line ${lineNo}: not JSON (${errorMessage(e)})`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new NewsgraphError(`line ${lineNo}: expected a JSON object`);
  const o = v as Record<string, unknown>;
  const id = typeof o.id === 'string' || typeof o.id === 'number' ? o.id : null;
  const url = typeof o.url === 'string' ? o.url : null;
  let published: string | null;
  try {
    published = checkPublished(typeof o.published === 'string' ? o.published : null);
  } catch (e) {
    throw new NewsgraphError(`line ${lineNo}: ${errorMessage(e).replace(/^newsgraph:\s*--published/, 'published')}`);
  }
  const text = typeof o.text === 'string' ? o.text : null;
  const html = typeof o.html === 'string' ? o.html : null;
  if (text == null && html == null) throw new NewsgraphError(`line ${lineNo}: needs a "text" or "html" string`);
  const source = id != null ? String(id) : `line ${lineNo}`;
  const input: RawInput = { source, url, format: html != null ? 'html' : 'text', body: (html ?? text)!, published };
  return { id, input, published };
}

export async function runBatch(pipeline: Pipeline, stream: Readable, opts: { published: string | null }): Promise<number> {
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let id: string | number | null = null;
    try {
      if (line.length > MAX_LINE) throw new NewsgraphError(`line ${lineNo}: longer than ${MAX_LINE >> 20} MB`);
      const item = parseBatchLine(line, lineNo);
      id = item.id;
      const doc = pipeline.run(item.input, { published: item.published ?? opts.published });
      await writeOut(JSON.stringify({ ...analysisJson(doc), id: id ?? item.input.source, docId: doc.id }) + '\n');
    } catch (e) {
      if (!(e instanceof NewsgraphError)) throw e;
      failed++;
      id ??= idOf(line);
      const msg = errorMessage(e).replace(/^newsgraph:\s*/, '');
      process.stderr.write(`newsgraph: ${msg}\n`);
      await writeOut(JSON.stringify({ id: id ?? `line ${lineNo}`, error: msg }) + '\n');
    }
  }
  return failed ? 1 : 0;
}

/** The id of a line that failed validation, when the line is a JSON object with one. */
function idOf(line: string): string | number | null {
  try {
    const v = JSON.parse(line) as { id?: unknown };
    return typeof v?.id === 'string' || typeof v?.id === 'number' ? v.id : null;
  } catch {
    return null;
  }
}
