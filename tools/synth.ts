import * as path from "node:path";
import { present, type SynthDocument } from "../synth/present";
import { skipProviderSerialization } from "../synth/providerCode";
import { renderTable } from "../synth/table";
import { SYNTH_ENV } from "../config/names";
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

export { SYNTH_ENV };
export const FINGERPRINT_ENV = "RELENG_INFRA_SYNTH_FINGERPRINT_KEY";

export interface SynthOptions {
  /** The checkout whose program (and evaluate.ts) runs. Default: this one. */
  root?: string;
  /** Folder of the stack files. Default: the checkout's root. */
  dir?: string;
  /** Keep dynamic providers' serialized code (and pay for serializing it). Default: false. */
  keepProviderCode?: boolean;
  /** The program module, for the benchmark's empty program. Default: the checkout's index.ts. */
  program?: string;
}

/** Evaluates `stack` offline and returns its desired state; throws the program's errors. */
export async function synthesize(stack: string, options: SynthOptions = {}): Promise<SynthDocument> {
  process.env[SYNTH_ENV] = "1";
  const root = path.resolve(options.root ?? path.join(__dirname, ".."));
  const evaluate = require(path.join(root, "synth", "evaluate.ts")) as typeof import("../synth/evaluate");
  if (!options.keepProviderCode) skipProviderSerialization(root);
  const evaluation = await evaluate.evaluateStack(stack, {
    ...(options.dir === undefined ? {} : { dir: path.resolve(options.dir) }),
    ...(options.program === undefined ? {} : { program: options.program }),
  });
  return present(evaluation, { unknown: evaluate.UNKNOWN, fingerprintKey: process.env[FINGERPRINT_ENV] || undefined, keepProviderCode: options.keepProviderCode === true });
}

async function main(argv: string[]): Promise<number> {
  const values = parseOptions(argv, { stack: { type: "string" }, json: { type: "boolean" }, dir: { type: "string" }, root: { type: "string" }, "keep-provider-code": { type: "boolean" } }, ["stack"]);
  // stdout carries the result alone: whatever the program prints goes to stderr.
  const out = process.stdout.write.bind(process.stdout);
  console.log = console.info = console.debug = (...args: unknown[]) => console.error(...args);

  let doc: SynthDocument;
  try {
    doc = await synthesize(values.stack!, { root: values.root, dir: values.dir, keepProviderCode: values["keep-provider-code"] === true });
  } catch (err) {
    // The program's own message, as `pulumi preview` would show it, without a stack trace.
    if ((err as Error)?.name === "ConfigError") {
      process.stderr.write(`${(err as Error).message}\n`);
      return 1;
    }
    throw err;
  }
  out(values.json ? `${JSON.stringify(doc, null, 2)}\n` : renderTable(doc));
  return 0;
}

runCli(module, USAGE, main);
