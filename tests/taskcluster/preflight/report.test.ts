import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { describe, it } from "node:test";
import { HOOK_TYPE, preflightReport, type RegisteredResource } from "../../../components/taskcluster/preflight/report";
import { UNKNOWN } from "../../../synth/evaluate";
import { codeCoverageBot, edited, HOOK_GROUP, NOW, staticAnalysisBot, tooltoolReplicate, type CatalogueHook } from "./fixtures";

/** A hook as the program registers it: inputs `{hookGroupId, hookId, hook, preflight}`. */
function registered(h: CatalogueHook, hook: Record<string, unknown> = h.hook): RegisteredResource {
  return { type: HOOK_TYPE, name: h.hookId.replace(/\//g, "-"), inputs: { hookGroupId: HOOK_GROUP, hookId: h.hookId, hook, preflight: h.inputs } };
}

describe("npm run preflight's report", () => {
  it("prints one line per hook and context, and passes when all are ok", () => {
    const report = preflightReport("staging", [{ type: "heroku:App", name: "x", inputs: {} }, registered(staticAnalysisBot), registered(codeCoverageBot)], NOW);
    assert.deepStrictEqual(report, {
      ok: true,
      lines: [
        "project-releng/services-staging-staticanalysis/bot  triggerHook  ok",
        "project-releng/services-staging-staticanalysis/bot  pulseMessage exchange/taskcluster-queue/v1/task-completed  ok",
        "project-releng/services-staging-codecoverage/bot  schedule  ok",
        "project-releng/services-staging-codecoverage/bot  triggerHook  ok",
        "2 hooks of stack `staging` pass preflight",
      ],
    });
  });

  it("lists each problem under its hook and context, and fails", () => {
    const late = edited(tooltoolReplicate, (b) => void (b.task.deadline = { $fromNow: "6 days" }));
    const report = preflightReport("staging", [registered(tooltoolReplicate, late)], NOW);
    assert.deepStrictEqual(report, {
      ok: false,
      lines: [
        "project-releng/services-staging-tooltool/api-replicate  schedule  1 problem",
        "    task.deadline: is 6 days after the hook fires; the Queue accepts at most 5 days",
        "project-releng/services-staging-tooltool/api-replicate  triggerHook  1 problem",
        "    task.deadline: is 6 days after the hook fires; the Queue accepts at most 5 days",
        "stack `staging`: preflight found 2 problems",
      ],
    });
  });

  it("fails on a hook it could not check rather than passing it", () => {
    const unknown: RegisteredResource = { ...registered(tooltoolReplicate), inputs: { hookGroupId: HOOK_GROUP, hookId: tooltoolReplicate.hookId, hook: UNKNOWN } };
    assert.deepStrictEqual(preflightReport("staging", [unknown], NOW), {
      ok: false,
      lines: ["services-staging-tooltool-api-replicate  not checked: its inputs are not known until deploy", "stack `staging`: preflight found 1 problem"],
    });
  });

  it("says so when the stack declares no hooks", () => {
    assert.deepStrictEqual(preflightReport("testing", [], NOW), { ok: true, lines: ["stack `testing` declares no hooks"] });
  });
});

describe("npm run preflight", () => {
  const cli = path.join(__dirname, "../../../components/taskcluster/preflight/cli.ts");
  /** The command as a person runs it, with no Taskcluster credentials in its environment. */
  const run = (...args: string[]) => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("TASKCLUSTER_")));
    return spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { encoding: "utf8", env });
  };

  it("evaluates a stack offline, without credentials, and exits 0 when its hooks pass", () => {
    const result = run("--stack", "staging");
    const stdout = [
      "project-releng/services-staging-tooltool/api-replicate  schedule  ok",
      "project-releng/services-staging-tooltool/api-replicate  triggerHook  ok",
      "project-releng/services-staging-tooltool/api-check_pending_uploads  schedule  ok",
      "project-releng/services-staging-tooltool/api-check_pending_uploads  triggerHook  ok",
      "project-releng/services-staging-codecoverage/bot  schedule  ok",
      "project-releng/services-staging-codecoverage/bot  triggerHook  ok",
      "project-releng/services-staging-staticanalysis/bot  triggerHook  ok",
      "project-releng/services-staging-staticanalysis/bot  pulseMessage exchange/taskcluster-queue/v1/task-completed  ok",
      "4 hooks of stack `staging` pass preflight",
      "",
    ].join("\n");
    assert.deepStrictEqual([result.status, result.stdout, result.stderr], [0, stdout, ""]);
  });

  it("exits 2 with its usage when --stack is missing", () => {
    const result = run();
    assert.deepStrictEqual([result.status, result.stdout, result.stderr], [2, "", "usage: npm run preflight -- --stack <branch>\n"]);
  });
});
