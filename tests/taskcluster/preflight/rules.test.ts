import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { preflightContexts, preflightHook, type PreflightInputs, type PreflightProblem } from "../../../components/taskcluster/preflight";
import { TASK_SCHEMA } from "../../../components/taskcluster/preflight/taskSchema";
import { codeCoverageBot, edited, HOOK_GROUP, NOW, ROLE_SCOPES, staticAnalysisBot, tooltoolReplicate, type CatalogueHook } from "./fixtures";

const OTHER_EXCHANGE = "exchange/other/v1/thing";
/** The same problems in both contexts of a scheduled hook, in the order preflight reports them. */
const inBoth = (...problems: { path: string; message: string }[]): PreflightProblem[] =>
  ["schedule", "triggerHook"].flatMap((context) => problems.map((p) => ({ context, ...p })));
const both = (path: string, message: string) => inBoth({ path, message });
const role = (h: CatalogueHook) => `assume:hook-id:${HOOK_GROUP}/${h.hookId}`;

interface Case {
  name: string;
  hook: CatalogueHook;
  edit?: (body: Record<string, any>) => void;
  inputs?: Partial<PreflightInputs>;
  problems: PreflightProblem[];
}

function run(cases: Case[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const body = edited(c.hook, c.edit ?? (() => {}));
      assert.deepStrictEqual(preflightHook(HOOK_GROUP, c.hook.hookId, body, { ...c.hook.inputs, ...c.inputs }, NOW), c.problems);
    });
  }
}

describe("firing contexts are built as the hooks service builds them", () => {
  const schema = {
    type: "object",
    properties: { revision: { type: "string", pattern: "^[0-9a-f]{12,40}$" }, extra_env: { type: "object", default: { DEBUG: "1" } } },
    required: ["revision"],
  };
  const readsRevision = (b: Record<string, any>) => {
    b.triggerSchema = schema;
    b.task.payload.env = { $merge: [{ REVISION: "${payload.revision}" }, { $eval: "payload.extra_env" }] };
  };
  const needsRevision = (b: Record<string, any>) => {
    readsRevision(b);
    b.schedule = [];
  };
  run([
    {
      name: "a schedule fires without a payload, so a template reading one fails there",
      hook: tooltoolReplicate,
      edit: readsRevision,
      inputs: { samplePayload: { revision: "0123456789ab" } },
      problems: [{ context: "schedule", path: "task.payload.env.$merge[0].REVISION", message: "JSON-e: unknown context value payload" }],
    },
    {
      name: "a triggerHook sample that fails triggerSchema is refused, since the service would refuse the call",
      hook: tooltoolReplicate,
      edit: needsRevision,
      problems: [
        {
          context: "triggerHook",
          path: "payload.revision",
          message: "is required: under the hook's triggerSchema the hooks service rejects triggerHook with this payload (fix `samplePayload` or `triggerSchema`)",
        },
      ],
    },
    {
      name: "triggerSchema defaults fill the triggerHook payload before rendering (extra_env is read, not given)",
      hook: tooltoolReplicate,
      edit: needsRevision,
      inputs: { samplePayload: { revision: "0123456789ab" } },
      problems: [],
    },
    {
      name: "a hook with the API's default triggerSchema never fires on a Pulse message that has a payload",
      hook: staticAnalysisBot,
      edit: (b) => {
        delete b.triggerSchema;
        b.bindings = [{ exchange: OTHER_EXCHANGE, routingKeyPattern: "#" }];
      },
      inputs: { samplePulseMessages: { [OTHER_EXCHANGE]: { payload: { branch: "main" } } } },
      problems: [
        {
          context: `pulseMessage ${OTHER_EXCHANGE}`,
          path: "payload.branch",
          message: "is not allowed: the schema allows no properties: the hooks service discards a Pulse message whose payload fails the hook's triggerSchema, without creating a task",
        },
      ],
    },
    {
      name: "a sample Pulse message must be the message as received, with its body under payload",
      hook: staticAnalysisBot,
      inputs: { samplePulseMessages: { "exchange/taskcluster-queue/v1/task-completed": { status: {} } } },
      problems: [
        { path: "payload", message: "a sample Pulse message is `{payload: {...}, routingKey?, routes?}`, as the hooks service receives it, and this one has no object `payload`" },
        { path: "status", message: "is not part of a Pulse message as the hooks service receives it (`payload`, `routingKey`, `routes`)" },
      ].map((p) => ({ context: "pulseMessage exchange/taskcluster-queue/v1/task-completed", ...p })),
    },
    {
      name: "a sample Pulse message reaching the binding through a CC'd route fires the hook",
      hook: staticAnalysisBot,
      inputs: {
        samplePulseMessages: {
          "exchange/taskcluster-queue/v1/task-completed": {
            payload: { status: { taskId: "abc", taskGroupId: "def" }, runId: 2 },
            routingKey: "primary.abc.2.us-east-1.i-1.proj-gecko.ci.gecko-level-1.def._",
            routes: ["project.relman.codereview.v1.try_ending"],
          },
        },
      },
      problems: [],
    },
  ]);

  it("a template that renders to null declines the firing: no task, no problem", () => {
    const body = edited(codeCoverageBot, (b) => {
      b.task = { $if: "firedBy == 'schedule'", then: b.task };
    });
    assert.deepStrictEqual(preflightContexts(HOOK_GROUP, codeCoverageBot.hookId, body, codeCoverageBot.inputs, NOW), [
      { context: "schedule", problems: [], declined: false },
      { context: "triggerHook", problems: [], declined: true },
    ]);
  });
});

describe("the rendered task is checked as the Queue checks createTask", () => {
  run([
    {
      name: "created and deadline must be set by the template",
      hook: tooltoolReplicate,
      edit: (b) => {
        delete b.task.created;
        delete b.task.deadline;
      },
      problems: inBoth(
        ...["created", "deadline"].map((f) => ({ path: `task.${f}`, message: "is required: set it with `{$fromNow: ...}` (the hooks service's fallback for a missing one is deprecated)" })),
      ),
    },
    {
      name: "created may drift 15 minutes from when the hook fires, not an hour",
      hook: tooltoolReplicate,
      edit: (b) => {
        b.task.created = { $fromNow: "1 hour" };
      },
      problems: both("task.created", "is 1 hour from when the hook fires; the Queue allows at most 15 minutes either way (use `{$fromNow: '0 seconds'}`)"),
    },
    { name: "a deadline of 5 days and 15 minutes is within the Queue's drift", hook: tooltoolReplicate, edit: (b) => void (b.task.deadline = { $fromNow: "5 days 15 minutes" }), problems: [] },
    {
      name: "a deadline of 5 days and 16 minutes is not",
      hook: tooltoolReplicate,
      edit: (b) => void (b.task.deadline = { $fromNow: "5 days 16 minutes" }),
      problems: both("task.deadline", "is 5 days 16 minutes after the hook fires; the Queue accepts at most 5 days"),
    },
    {
      name: "expires must not come before the deadline",
      hook: tooltoolReplicate,
      edit: (b) => void (b.task.expires = { $fromNow: "1 hour" }),
      problems: both("task.expires", "is before `deadline`; the Queue requires a task to expire no earlier than its deadline"),
    },
    {
      name: "a task needs a task queue",
      hook: tooltoolReplicate,
      edit: (b) => void delete b.task.workerType,
      problems: both("task.taskQueueId", "is missing: a task needs a task queue, `taskQueueId` or both `provisionerId` and `workerType`"),
    },
    {
      name: "taskQueueId must agree with provisionerId and workerType",
      hook: tooltoolReplicate,
      edit: (b) => void (b.task.taskQueueId = "aws-provisioner-v1/releng-svc-memory"),
      problems: both("task.taskQueueId", "must equal `<provisionerId>/<workerType>` when all three are given"),
    },
    {
      name: "workerType must have the Queue's form",
      hook: tooltoolReplicate,
      edit: (b) => void (b.task.workerType = "releng_svc"),
      problems: both("task.workerType", "must match `^[a-z]([-a-z0-9]{0,36}[a-z0-9])?$`"),
    },
    {
      name: "priority must be one of today's (2019's `normal` is gone)",
      hook: tooltoolReplicate,
      edit: (b) => void (b.task.priority = "normal"),
      problems: both("task.priority", 'must be one of "highest", "very-high", "high", "medium", "low", "very-low", "lowest"'),
    },
    {
      name: "a misspelt task property is refused",
      hook: tooltoolReplicate,
      edit: (b) => void (b.task.retry = 5),
      problems: both("task.retry", `is not a known property (known: ${Object.keys(TASK_SCHEMA.properties).join(", ")})`),
    },
    {
      name: "metadata needs an http(s), ssh or git@ source",
      hook: tooltoolReplicate,
      edit: (b) => void (b.task.metadata.source = "mozilla-releng/services"),
      problems: both("task.metadata.source", "must match `^(https?:\\/\\/|ssh:\\/\\/|git@)`"),
    },
  ]);
});

describe("docker-worker payloads and the scopes a task needs", () => {
  run([
    {
      name: "maxRunTime is required and a command must be strings",
      hook: tooltoolReplicate,
      edit: (b) => {
        delete b.task.payload.maxRunTime;
        b.task.payload.command = ["flask", 1];
      },
      problems: inBoth(
        { path: "task.payload.maxRunTime", message: "is required" },
        { path: "task.payload.command[1]", message: "must be a string, not number" },
      ),
    },
    {
      name: "a task reading the branch secret needs the Taskcluster proxy",
      hook: tooltoolReplicate,
      edit: (b) => void (b.task.payload.features.taskclusterProxy = false),
      problems: both(
        "task.payload.features.taskclusterProxy",
        "must be true: the task reads the branch secret (task.payload.env.TASKCLUSTER_SECRET) through the Taskcluster proxy",
      ),
    },
    {
      name: "a docker-worker cache needs its docker-worker:cache scope in the task",
      hook: codeCoverageBot,
      edit: (b) => void (b.task.scopes = b.task.scopes.filter((s: string) => !s.startsWith("docker-worker:"))),
      problems: both(
        'task.payload.cache["services-staging-code-coverage-bot"]',
        "needs `docker-worker:cache:services-staging-code-coverage-bot` in the task's scopes; docker-worker refuses to mount the cache without it",
      ),
    },
    {
      name: "an artifact may not outlive its task",
      hook: staticAnalysisBot,
      edit: (b) => void (b.task.payload.artifacts["public/results"].expires = { $fromNow: "1 year" }),
      problems: [
        { context: "triggerHook", path: 'task.payload.artifacts["public/results"].expires', message: "is after the task expires; an artifact must expire no later than its task" },
        { context: "pulseMessage exchange/taskcluster-queue/v1/task-completed", path: 'task.payload.artifacts["public/results"].expires', message: "is after the task expires; an artifact must expire no later than its task" },
      ],
    },
    {
      name: "the hook's role must grant a higher priority, and each route",
      hook: tooltoolReplicate,
      edit: (b) => {
        b.task.priority = "high";
        b.task.routes = ["index.project.releng.services.tooltool.latest"];
      },
      problems: inBoth(
        { path: "task.routes[0]", message: `needs \`queue:route:index.project.releng.services.tooltool.latest\`, which the hook's role \`${role(tooltoolReplicate)}\` does not grant` },
        { path: "task.priority", message: `needs \`queue:create-task:high:aws-provisioner-v1/releng-svc\` (or the same for a higher priority), which the hook's role \`${role(tooltoolReplicate)}\` does not grant` },
      ),
    },
    {
      name: "a scope for a higher priority covers a lower one",
      hook: tooltoolReplicate,
      edit: (b) => void (b.task.priority = "high"),
      inputs: { roleScopes: [...ROLE_SCOPES, "queue:create-task:highest:aws-provisioner-v1/*"] },
      problems: [],
    },
    { name: "without the role's scopes, only the task's own scopes are checked", hook: tooltoolReplicate, edit: (b) => void (b.task.priority = "high"), inputs: { roleScopes: undefined }, problems: [] },
    {
      name: "a task scope the role lacks",
      hook: tooltoolReplicate,
      inputs: { roleScopes: ROLE_SCOPES.filter((s) => !s.startsWith("secrets:")) },
      problems: both("task.scopes[0]", `needs \`secrets:get:repo:github.com/mozilla-releng/services:branch:staging\`, which the hook's role \`${role(tooltoolReplicate)}\` does not grant`),
    },
  ]);

  it("a hook without a task template is reported once, for the hook itself", () => {
    const body = edited(tooltoolReplicate, (b) => void delete b.task);
    assert.deepStrictEqual(preflightHook(HOOK_GROUP, tooltoolReplicate.hookId, body, {}, NOW), [
      { context: "hook", path: "task", message: "must be an object (a JSON-e template of a task definition)" },
    ]);
  });
});
