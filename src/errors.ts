// Only programmer, configuration and input errors throw; everything softer is a Message on the Doc.

/** A configuration or usage error; the message says what was found. */
export class NewsgraphError extends Error {
  constructor(message: string) {
    super(message.startsWith('newsgraph:') ? message : `newsgraph: ${message}`);
    this.name = 'NewsgraphError';
  }
}

/** An input that cannot be read or processed: names the input and the problem, on one line. */
export class InputError extends NewsgraphError {
  constructor(
    readonly input: string,
    readonly problem: string,
  ) {
    super(`${input}: ${problem}`);
    this.name = 'InputError';
  }
}

export function errorMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split('\n')[0] ?? m;
}
