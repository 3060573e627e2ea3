// Writing to stdout with backpressure, so large outputs piped to `head` or a slow reader stay bounded in memory.
export function writeOut(s: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(s)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

// A closed pipe (e.g. `| head`) is not an error for a CLI.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
