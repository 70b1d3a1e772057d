import { parseArgs } from "node:util";

/*
 * What the command-line tools share: option parsing that fails with the usage, and an entry point
 * that turns main's result into the exit code (2 for usage errors, 1 for anything thrown).
 */

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

type Options = Record<string, { type: "string" | "boolean" }>;
type Values<O extends Options> = { [K in keyof O]?: O[K]["type"] extends "string" ? string : boolean };

/** Parses `argv` against `options`; every name in `required` must be given a non-empty value. */
export function parseOptions<O extends Options>(argv: string[], options: O, required: (keyof O & string)[] = []): Values<O> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const missing = required.find((name) => values[name] === undefined || values[name] === "");
  if (missing !== undefined) throw new UsageError(`--${missing} is required`);
  return values as Values<O>;
}

/** Runs `main` with the command line when `mod` is the entry point of the process. */
export function runCli(mod: NodeModule, usage: string, main: (argv: string[]) => Promise<number | void>): void {
  if (require.main !== mod) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (err: unknown) => {
      if (err instanceof UsageError) {
        process.stderr.write(`${err.message}\n${usage}\n`);
        process.exitCode = 2;
      } else {
        console.error(err);
        process.exitCode = 1;
      }
    },
  );
}
