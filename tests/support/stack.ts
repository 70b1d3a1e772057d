import * as assert from "node:assert/strict";
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

/**
 * Evaluates the program for `stack` under mocks, with its real Pulumi.<stack>.yaml. Call once per
 * test file: Pulumi's runtime is global to the process.
 */
export async function loadStack(stack: string, options: EvaluateOptions = {}): Promise<StackUnderTest> {
  return new StackUnderTest(await evaluateStack(stack, options));
}
