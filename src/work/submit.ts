// `newsgraph submit`: one queue job per input file, keyed by the file's content hash, and one per http(s) URL, keyed
// by the URL (resubmitting either is harmless). The worker fetches URLs; submit only checks that they parse.
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { errorMessage } from '../errors.js';
import { isUrlArg, parseHttpUrl } from '../ingest/fetch.js';
import { expandInputs, type IngestError } from '../ingest/ingest.js';
import { fsError } from '../ingest/read.js';
import { closeQueue, INGEST_QUEUE, jobIdOf, openQueue, urlJobId, type IngestJob, type OpenQueueOptions } from './queue.js';

export interface SubmitReport {
  /** Files found (after expanding folders and globs). */
  files: number;
  /** URLs given. */
  urls: number;
  /** New jobs queued. */
  queued: number;
  /** Inputs that already have a job in the queue (queued, running, done or failed): same file content or same URL. */
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

/** Queues files, folders, globs and http(s) URLs. */
export async function submitPaths(spec: string, inputs: string[], options: OpenQueueOptions = {}): Promise<SubmitReport> {
  const urls = inputs.filter(isUrlArg);
  const { files, errors } = await expandInputs(inputs.filter((i) => !isUrlArg(i)));
  const report: SubmitReport = { files: files.length, urls: urls.length, queued: 0, already: 0, errors: [...errors] };
  const { boss } = await openQueue(spec, options);
  const send = async (job: IngestJob, id: string) => {
    if ((await boss.send(INGEST_QUEUE, job, { id })) === null) report.already++;
    else report.queued++;
  };
  try {
    for (const url of urls) {
      try {
        parseHttpUrl(url); // isUrlArg made sure it is http(s)
      } catch (e) {
        report.errors.push({ file: url, message: errorMessage(e) });
        continue;
      }
      await send({ kind: 'url', input: url }, urlJobId(url));
    }
    for (const file of files) {
      let sha256: string;
      try {
        sha256 = await hashFile(file);
      } catch (e) {
        report.errors.push({ file, message: errorMessage(e) });
        continue;
      }
      await send({ kind: 'file', input: resolve(file), sha256 }, jobIdOf(sha256));
    }
  } finally {
    await closeQueue(boss);
  }
  return report;
}
