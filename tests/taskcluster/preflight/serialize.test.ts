import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { formatPreflightProblems, preflightHook } from "../../../components/taskcluster/preflight";
import { edited, HOOK_GROUP, NOW, staticAnalysisBot } from "./fixtures";

describe("preflight inside a serialized dynamic provider", () => {
  it("gives the same answer after Pulumi's closure serialization, as the hook provider's check runs it", async () => {
    // A captured Date would not survive serialization (it becomes a plain object), so capture its text.
    const firedAt = NOW.toJSON();
    const check = (hookId: string, hook: Record<string, unknown>) =>
      formatPreflightProblems(HOOK_GROUP, hookId, preflightHook(HOOK_GROUP, hookId, hook, staticAnalysisBot.inputs, new Date(firedAt)));
    const serialized = await pulumi.runtime.serializeFunction(() => check);
    const module = { exports: {} as Record<string, () => typeof check> };
    new Function("exports", "require", "module", serialized.text)(module.exports, require, module);
    const revived = module.exports[serialized.exportName]!();

    const broken = edited(staticAnalysisBot, (b) => void (b.task.deadline = { $fromNow: "6 days" }));
    assert.equal(revived(staticAnalysisBot.hookId, broken), check(staticAnalysisBot.hookId, broken));
    assert.match(revived(staticAnalysisBot.hookId, broken), /fails preflight \(2 problems\)/);
  });
});
