import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { describe, it } from "node:test";
import { evaluateStack } from "../../synth/evaluate";

describe("a stack without a stack file", () => {
  it("fails naming the stack and listing the branches that have a stack file", async () => {
    const branches = fs.readdirSync(".").flatMap((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1] ?? []).sort();
    assert.ok(branches.includes("staging") && branches.includes("production"));
    await assert.rejects(evaluateStack("feature-x"), {
      name: "ConfigError",
      message: `Stack \`feature-x\` (Pulumi.feature-x.yaml) has 1 configuration error:\n  - field \`(the stack file)\`: stack \`feature-x\` has no Pulumi.feature-x.yaml: a stack is a branch, and the branches with a stack file are ${branches.map((b) => `\`${b}\``).join(", ")}`,
    });
  });
});
