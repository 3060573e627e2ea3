// `newsgraph submit`: one queue job per input file, keyed by the file's content hash (resubmitting is harmless).
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { errorMessage } from '../errors.js';
import { expandInputs, type IngestError } from '../ingest/ingest.js';
import { fsError } from '../ingest/read.js';
import { closeQueue, INGEST_QUEUE, jobIdOf, openQueue, type IngestJob, type OpenQueueOptions } from './queue.js';

export interface SubmitReport {
  /** Files found (after expanding folders and globs). */
  files: number;
  /** New jobs queued. */
  queued: number;
  /** Files whose content already has a job in the queue (queued, running, done or failed). */
  already: number;
  /** Inputs that named nothing or could not be read (not queued). */
  errors: IngestError[];
}

/** sha256 of a file's bytes, streamed. */
export function hashFile(path: string): Promise<string> {
  return new Promise((res, rej) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', (e) => rej(fsError(path, e)))
      .on('end', () => res(h.digest('hex')));
  });
}

export async function submitPaths(spec: string, inputs: string[], options: OpenQueueOptions = {}): Promise<SubmitReport> {
  const { files, errors } = await expandInputs(inputs);
  const report: SubmitReport = { files: files.length, queued: 0, already: 0, errors: [...errors] };
  const { boss } = await openQueue(spec, options);
  try {
    for (const file of files) {
      let sha256: string;
      try {
        sha256 = await hashFile(file);
      } catch (e) {
        report.errors.push({ file, message: errorMessage(e) });
        continue;
      }
      const job: IngestJob = { kind: 'file', input: resolve(file), sha256 };
      const id = await boss.send(INGEST_QUEUE, job, { id: jobIdOf(sha256) });
      if (id === null) report.already++;
      else report.queued++;
    }
  } finally {
    await closeQueue(boss);
  }
  return report;
}
