import * as path from "node:path";
import { present } from "../synth/present";
import { renderTable } from "../synth/table";
import { parseOptions, runCli } from "./cli";

/*
 * npm run synth -- --stack <branch> [--json] [--dir <folder>]
 *
 * Evaluates the real program for one stack under Pulumi's mock runtime, with no credentials and no
 * network (RELENG_INFRA_SYNTH=1 makes the secrets loader hand out placeholders), and prints the
 * desired state. One stack per process: Pulumi's runtime is process-global.
 *
 * For synth:diff only: `--root <checkout>` evaluates the program (and evaluate.ts) of another
 * checkout, and RELENG_INFRA_SYNTH_FINGERPRINT_KEY makes secrets comparable (see present.ts).
 * For tests only: `--keep-provider-code` keeps dynamic providers' serialized code in the output.
 */

const USAGE = "usage: npm run synth -- --stack <branch> [--json] [--dir <folder holding Pulumi.<branch>.yaml>]";

/** Set before the program loads: the secrets loader reads it to stay offline. */
export const SYNTH_ENV = "RELENG_INFRA_SYNTH";
export const FINGERPRINT_ENV = "RELENG_INFRA_SYNTH_FINGERPRINT_KEY";

async function main(argv: string[]): Promise<number> {
  const values = parseOptions(argv, { stack: { type: "string" }, json: { type: "boolean" }, dir: { type: "string" }, root: { type: "string" }, "keep-provider-code": { type: "boolean" } }, ["stack"]);
  const stack = values.stack!;
  process.env[SYNTH_ENV] = "1";
  const root = path.resolve(values.root ?? path.join(__dirname, ".."));
  const evaluate = require(path.join(root, "synth", "evaluate.ts")) as typeof import("../synth/evaluate");

  // stdout carries the result alone: whatever the program prints goes to stderr.
  const out = process.stdout.write.bind(process.stdout);
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);

  let evaluation: Awaited<ReturnType<typeof evaluate.evaluateStack>>;
  try {
    evaluation = await evaluate.evaluateStack(stack, values.dir === undefined ? {} : { dir: path.resolve(values.dir) });
  } catch (err) {
    // The program's own message, as `pulumi preview` would show it, without a stack trace.
    if ((err as Error)?.name === "ConfigError") {
      process.stderr.write(`${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  }
  const doc = present(evaluation, {
    unknown: evaluate.UNKNOWN,
    fingerprintKey: process.env[FINGERPRINT_ENV] || undefined,
    keepProviderCode: values["keep-provider-code"] === true,
  });
  out(values.json ? `${JSON.stringify(doc, null, 2)}\n` : renderTable(doc));
  return 0;
}

runCli(module, USAGE, main);
