// Command-line options of the eval and bench scripts: `--name value` pairs, read without a parser.

/** The value after `--name` in `args`, or undefined when the option is absent. */
export function optionOf(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}
