import { evaluateStack } from "../../../synth/evaluate";
import { setProgramEnv } from "../stack";

/*
 * Evaluates one stack from a folder and prints what it registered as JSON: a separate process per
 * evaluation, for tests that compare runs (Pulumi's runtime is global to a process).
 * Usage: node --import tsx tests/support/heroku/evaluate-child.ts <dir> <stack> [<resource type>]
 */
const [dir, stack, type] = process.argv.slice(2);
// As loadStack does: offline synth, no secret read, no cloud-facing variable of the caller.
setProgramEnv({ RELENG_INFRA_SYNTH: "1" });
evaluateStack(stack!, { dir }).then(
  (evaluation) => process.stdout.write(JSON.stringify(evaluation.resources.filter((r) => type === undefined || r.type === type))),
  (err: unknown) => {
    process.stderr.write(String(err));
    process.exitCode = 1;
  },
);
