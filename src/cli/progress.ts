// A progress bar on stderr for long runs (ingest), only when stderr is a terminal; elsewhere a quiet no-op.
// The caller prints its own summary line when the run ends.
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, file?: string): void;
  /** A line printed above the bar (or plainly to stderr when there is no bar), e.g. a per-file error. */
  log(line: string): void;
  stop(): void;
}

/** Keeps the bar on one line: the end of the path, which is the informative part. */
function shorten(file: string, max = 40): string {
  return file.length <= max ? file : `…${file.slice(file.length - max + 1)}`;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) {
    return {
      update() {},
      log(line) {
        stream.write(line.endsWith('\n') ? line : `${line}\n`);
      },
      stop() {},
    };
  }
  // A MultiBar with one bar, because only MultiBar can print lines above a live bar.
  const multi = new cliProgress.MultiBar(
    {
      stream,
      format: ' {bar} {value}/{total} {file}',
      barsize: 30,
      hideCursor: false, // a killed run must not leave the terminal without a cursor
      clearOnComplete: true,
      stopOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | null = null;
  let stopped = false;
  return {
    update(done, total, file = '') {
      if (stopped) return;
      if (!bar) bar = multi.create(total, done, { file: shorten(file) });
      else {
        bar.setTotal(total);
        bar.update(done, { file: shorten(file) });
      }
    },
    log(line) {
      if (stopped || !bar) stream.write(line.endsWith('\n') ? line : `${line}\n`);
      else multi.log(line.endsWith('\n') ? line : `${line}\n`);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      multi.stop();
    },
  };
}
