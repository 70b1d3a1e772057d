import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { evaluateStack, type EvaluateOptions, type Evaluation, type RecordedResource } from "../../synth/evaluate";

export type { RecordedResource } from "../../synth/evaluate";

/** An evaluated stack with lookups that fail with a message naming what was missing. */
export class StackUnderTest {
  constructor(readonly evaluation: Evaluation) {}

  get resources(): RecordedResource[] {
    return this.evaluation.resources;
  }

  get outputs(): Record<string, unknown> {
    return this.evaluation.outputs;
  }

  /** Every resource of `type`, in registration order. */
  ofType(type: string): RecordedResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The one resource of `type` named `name`; fails listing the names of that type otherwise. */
  get(type: string, name: string): RecordedResource {
    const found = this.resources.find((r) => r.type === type && r.name === name);
    assert.ok(found, `no ${type} named ${name} in stack ${this.evaluation.stack}; have: ${this.ofType(type).map((r) => r.name).join(", ") || "none"}`);
    return found;
  }

  /** Children of a resource (by its `type::name` key). */
  childrenOf(parent: RecordedResource): RecordedResource[] {
    return this.resources.filter((r) => r.parent === parent.key);
  }
}

export interface LoadStackOptions extends EvaluateOptions {
  /**
   * Environment of the program, e.g. the credentials and root URL of a local Taskcluster a test
   * started. Variables of the caller that reach clouds (`TASKCLUSTER_*`) never pass through.
   * Default: offline synth (`RELENG_INFRA_SYNTH=1`), so the program reads no secret.
   */
  env?: Record<string, string | undefined>;
}

/** Prefixes of the caller's variables that a test run must never inherit: they point at real services. */
const SCRUBBED = ["TASKCLUSTER_", "RELENG_INFRA_"];

/** Replaces the process environment's cloud-facing variables by `env` (the program reads it at run time). */
export function setProgramEnv(env: Record<string, string | undefined>): void {
  for (const name of Object.keys(process.env)) {
    if (SCRUBBED.some((prefix) => name.startsWith(prefix))) delete process.env[name];
  }
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}

/**
 * A folder of its own holding Pulumi.yaml and one stack file, `Pulumi.<stack>.yaml` with `text`, for
 * tests that evaluate a stack file other than the repository's (pass it as `dir`).
 */
export function stackFolder(stack: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `releng-infra-${stack}-`));
  fs.copyFileSync(path.join(__dirname, "..", "..", "Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), text);
  return dir;
}

/**
 * Evaluates the program for `stack` under mocks, with its real Pulumi.<stack>.yaml. Call once per
 * test file: Pulumi's runtime is global to the process.
 */
export async function loadStack(stack: string, options: LoadStackOptions = {}): Promise<StackUnderTest> {
  const { env = { RELENG_INFRA_SYNTH: "1" }, ...evaluate } = options;
  setProgramEnv(env);
  return new StackUnderTest(await evaluateStack(stack, evaluate));
}
