import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatPreflightProblems, preflightContexts, preflightHook, type PreflightProblem } from "../../../components/taskcluster/preflight";
import { CATALOGUE_HOOKS, codeCoverageBot, edited, HOOK_GROUP, NOW, staticAnalysisBot, tooltoolReplicate, type CatalogueHook } from "./fixtures";

const PULSE = "pulseMessage exchange/taskcluster-queue/v1/task-completed";
const SECRET_SCOPE = "secrets:get:repo:github.com/mozilla-releng/services:branch:staging";

describe("the catalogue's hooks pass preflight in every context they can fire in", () => {
  const table: [CatalogueHook, string[]][] = [
    // Pulse-bound, no schedule: fired by API calls and by Try's ending task.
    [staticAnalysisBot, ["triggerHook", PULSE]],
    // 6-field cron (seconds first), and 5-field cron.
    [codeCoverageBot, ["schedule", "triggerHook"]],
    [tooltoolReplicate, ["schedule", "triggerHook"]],
  ];
  for (const [h, contexts] of table) {
    it(`${h.hookId} renders and checks clean in ${contexts.join(", ")}`, () => {
      assert.deepStrictEqual(
        preflightContexts(HOOK_GROUP, h.hookId, h.hook, h.inputs, NOW),
        contexts.map((context) => ({ context, problems: [], declined: false })),
      );
    });
  }
  it("covers every catalogue hook", () => {
    assert.deepStrictEqual(table.map(([h]) => h.hookId).sort(), CATALOGUE_HOOKS.map((h) => h.hookId).sort());
  });
});

describe("each mistake is caught with the hook, the context and the path named", () => {
  const cases: { name: string; hook: CatalogueHook; body: Record<string, unknown>; problems: PreflightProblem[] }[] = [
    {
      name: "a misspelled JSON-e operator inside the Pulse-only part of env",
      hook: staticAnalysisBot,
      body: edited(staticAnalysisBot, (b) => {
        b.task.payload.env.$merge[2].then = { $merg: [{ TRY_TASK_ID: { $eval: "payload.status.taskId" } }] };
      }),
      problems: [
        {
          context: PULSE,
          path: "task.payload.env.$merge[2].then.$merg",
          message: "`$merg` is not a JSON-e operator (did you mean `$merge`?); write `$$merg` for a literal key",
        },
      ],
    },
    {
      name: "an $eval of a payload key that a task-completed message lacks (taskId is under status)",
      hook: staticAnalysisBot,
      body: edited(staticAnalysisBot, (b) => {
        b.task.payload.env.$merge[2].then.TRY_TASK_ID = { $eval: "payload.taskId" };
      }),
      problems: [{ context: PULSE, path: "task.payload.env.$merge[2].then.TRY_TASK_ID", message: 'JSON-e: object has no property "taskId"' }],
    },
    {
      name: "a deadline of 6 days",
      hook: tooltoolReplicate,
      body: edited(tooltoolReplicate, (b) => {
        b.task.deadline = { $fromNow: "6 days" };
      }),
      problems: ["schedule", "triggerHook"].map((context) => ({
        context,
        path: "task.deadline",
        message: "is 6 days after the hook fires; the Queue accepts at most 5 days",
      })),
    },
    {
      name: "a missing payload",
      hook: codeCoverageBot,
      body: edited(codeCoverageBot, (b) => {
        delete b.task.payload;
      }),
      problems: ["schedule", "triggerHook"].map((context) => ({ context, path: "task.payload", message: "is required" })),
    },
    {
      name: "non-string env values once a Pulse message is merged into env unguarded",
      hook: staticAnalysisBot,
      body: edited(staticAnalysisBot, (b) => {
        b.task.payload.env = { $merge: [{ APP_CHANNEL: "staging" }, { $eval: "payload" }] };
      }),
      problems: [
        ["version", "number"],
        ["status", "object"],
        ["runId", "number"],
        ["task", "object"],
      ].map(([key, type]) => ({ context: PULSE, path: `task.payload.env.${key}`, message: `must be a string, not ${type}` })),
    },
    {
      name: "2019's TRY_RUN_ID, an $eval of the numeric runId into env",
      hook: staticAnalysisBot,
      body: edited(staticAnalysisBot, (b) => {
        b.task.payload.env.$merge[2].then.TRY_RUN_ID = { $eval: "payload.runId" };
      }),
      problems: [{ context: PULSE, path: "task.payload.env.TRY_RUN_ID", message: "must be a string, not number" }],
    },
    {
      name: "a missing secrets:get scope while the command reads the branch secret",
      hook: tooltoolReplicate,
      body: edited(tooltoolReplicate, (b) => {
        b.task.scopes = b.task.scopes.filter((s: string) => s !== SECRET_SCOPE);
      }),
      problems: ["schedule", "triggerHook"].map((context) => ({
        context,
        path: "task.scopes",
        message: `lacks \`${SECRET_SCOPE}\`, but the task reads that secret (task.payload.env.TASKCLUSTER_SECRET)`,
      })),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepStrictEqual(preflightHook(HOOK_GROUP, c.hook.hookId, c.body, c.hook.inputs, NOW), c.problems);
    });
  }

  it("reports them to `pulumi preview` as one message naming the hook, and each context and path", () => {
    const body = edited(tooltoolReplicate, (b) => {
      b.task.deadline = { $fromNow: "6 days" };
    });
    const problems = preflightHook(HOOK_GROUP, tooltoolReplicate.hookId, body, tooltoolReplicate.inputs, NOW);
    assert.equal(
      formatPreflightProblems(HOOK_GROUP, tooltoolReplicate.hookId, problems),
      [
        "Hook `project-releng/services-staging-tooltool/api-replicate` fails preflight (2 problems):",
        "  - [schedule] task.deadline: is 6 days after the hook fires; the Queue accepts at most 5 days",
        "  - [triggerHook] task.deadline: is 6 days after the hook fires; the Queue accepts at most 5 days",
      ].join("\n"),
    );
  });
});
