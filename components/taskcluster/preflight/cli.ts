import { parseArgs } from "node:util";
import { preflightReport } from "./report";

/*
 * `npm run preflight -- --stack <branch>`: evaluates the program offline (synth/evaluate.ts, Pulumi's
 * mock runtime, RELENG_INFRA_SYNTH=1 so no credentials are needed) and preflights every hook it
 * registers. Exit 0 when all pass, 1 on any problem or a program error, 2 on bad arguments.
 */

const USAGE = "usage: npm run preflight -- --stack <branch>";

async function main(argv: string[]): Promise<number> {
  let stack: string | undefined;
  try {
    stack = parseArgs({ args: argv, options: { stack: { type: "string" } }, strict: true }).values.stack;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!stack) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  process.env.RELENG_INFRA_SYNTH = "1";
  // Loaded only now: the SDK must see the synth environment and config when it first loads.
  const { evaluateStack } = await import("../../../synth/evaluate");
  const evaluation = await evaluateStack(stack);
  const report = preflightReport(stack, evaluation.resources, new Date());
  process.stdout.write(`${report.lines.join("\n")}\n`);
  return report.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
