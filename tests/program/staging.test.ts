import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadStack, type StackUnderTest } from "../support/stack";
import { readStackFileConfig } from "../../synth/evaluate";

describe("the staging stack under mocks", () => {
  let stack: StackUnderTest;
  before(async () => {
    stack = await loadStack("staging");
  });

  it("deploys the projects its stack file lists, and reports the branch", () => {
    const declared = Object.keys(JSON.parse(readStackFileConfig(process.cwd(), "staging")["releng-infra:projects"]!)).sort();
    assert.equal(stack.outputs.branch, "staging");
    assert.deepEqual(stack.outputs.projects, declared);
  });
});
