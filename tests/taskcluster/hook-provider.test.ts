import * as assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { HookSchema, parseStackConfig } from "../../config";
import { buildHook } from "../../components/taskcluster/hookDefinition";
import { hookProvider } from "../../components/taskcluster/hookProvider";
import { UNKNOWN, type HookInputs } from "../../components/taskcluster/hookModel";
import { startTaskcluster, type LocalTaskcluster } from "../support/taskcluster";
import { withEnv } from "../support/env";

const GROUP = "project-releng";
const ID = "services-staging-tooltool/api-replicate";
const RESOURCE_ID = `${GROUP}/${ID}`;

const BRANCH = parseStackConfig("staging", "Pulumi.staging.yaml", { taskcluster: { rootUrl: "https://tc.example.com" }, projects: {} });
const HOOK = buildHook(
  "tooltool/api",
  HookSchema.parse({ suffix: "-replicate", owner: "releng@mozilla.com", schedule: ["0 * * * *"], command: ["flask", "replicate"], deadline: "4 hours", maxRunTime: 14400 }),
  BRANCH,
  `mozillareleng/services@sha256:${"1".repeat(64)}`,
);

/** Inputs as the program passes them: buildHook output, no server defaults spelled out beyond its own. */
function inputs(overrides: Partial<HookInputs["hook"]> = {}): HookInputs {
  return { hookGroupId: GROUP, hookId: ID, hook: { ...(HOOK.hook as HookInputs["hook"]), ...overrides } };
}

async function rejection(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    return (err as Error).message;
  }
  assert.fail("expected a rejection");
}

describe("hookProvider against the local Taskcluster", () => {
  let tc: LocalTaskcluster;
  let restoreEnv: () => void;
  before(async () => {
    tc = await startTaskcluster({
      clients: {
        deployer: { accessToken: "deployer-token", scopes: ["hooks:modify-hook:project-releng/services-staging-*", "assume:hook-id:project-releng/services-staging-*", "hooks:get:project-releng:*"] },
        "read-only": { accessToken: "read-only-token", scopes: ["hooks:get:*"] },
      },
    });
  });
  after(() => tc.close());
  beforeEach(() => {
    restoreEnv = withEnv({ TASKCLUSTER_ROOT_URL: tc.rootUrl, TASKCLUSTER_CLIENT_ID: "deployer", TASKCLUSTER_ACCESS_TOKEN: "deployer-token", TASKCLUSTER_PROXY_URL: undefined });
    for (const hook of tc.hooks.list()) tc.hooks.delete(hook.hookGroupId, hook.hookId);
  });
  afterEach(() => restoreEnv());

  it("creates, reads back without a diff, updates, and deletes a hook", async () => {
    const created = await hookProvider.create!(inputs());
    assert.equal(created.id, RESOURCE_ID);
    assert.deepStrictEqual(tc.hooks.get(GROUP, ID)?.schedule, ["0 * * * *"]);

    const read = await hookProvider.read!(RESOURCE_ID, created.outs);
    assert.deepStrictEqual(read, { id: RESOURCE_ID, props: inputs(), inputs: inputs() });
    assert.deepStrictEqual(await hookProvider.diff!(RESOURCE_ID, read.props!, inputs()), { changes: false, replaces: [], deleteBeforeReplace: false });

    const changed = inputs({ schedule: ["*/10 * * * *"] });
    assert.deepStrictEqual(await hookProvider.diff!(RESOURCE_ID, read.props!, changed), { changes: true, replaces: [], deleteBeforeReplace: false });
    await hookProvider.update!(RESOURCE_ID, read.props!, changed);
    assert.deepStrictEqual(tc.hooks.get(GROUP, ID)?.schedule, ["*/10 * * * *"]);

    await hookProvider.delete!(RESOURCE_ID, changed);
    assert.equal(tc.hooks.get(GROUP, ID), undefined);
  });

  it("sees a hand edit as drift on read, and a hook deleted by hand as gone", async () => {
    await hookProvider.create!(inputs());
    tc.hooks.edit(GROUP, ID, (hook) => {
      hook.metadata.owner = "someone-else@mozilla.com";
    });
    const read = await hookProvider.read!(RESOURCE_ID, inputs());
    assert.equal(read.props?.hook.metadata.owner, "someone-else@mozilla.com");
    assert.deepStrictEqual(await hookProvider.diff!(RESOURCE_ID, read.props!, inputs()), { changes: true, replaces: [], deleteBeforeReplace: false });

    tc.hooks.delete(GROUP, ID);
    assert.deepStrictEqual(await hookProvider.read!(RESOURCE_ID, inputs()), {});
  });

  it("refuses to overwrite a different hook on create, explaining how to adopt it", async () => {
    tc.hooks.put({ ...inputs().hook, hookGroupId: GROUP, hookId: ID, schedule: [] });
    assert.equal(await rejection(hookProvider.create!(inputs())), [
      "Hook=project-releng/services-staging-tooltool/api-replicate already exists with a different definition, made outside this stack; releng-infra never overwrites it silently.",
      "To adopt it, either delete it in Taskcluster (the next `pulumi up` creates it from the stack file),",
      "or change the stack file until it declares the same definition (createHook then accepts it as is).",
      "(createHook Hook=project-releng/services-staging-tooltool/api-replicate failed: 409 RequestConflict: hook `project-releng/services-staging-tooltool/api-replicate` already exists.)",
    ].join("\n"));
    assert.deepStrictEqual(tc.hooks.get(GROUP, ID)?.schedule, []);
  });

  it("treats deleting a hook that is already gone as success, whether the service answers 200 or 404", async () => {
    const before = tc.requests("removeHook");
    await hookProvider.delete!(RESOURCE_ID, inputs());
    tc.failNext("removeHook", 1, "ResourceNotFound");
    await hookProvider.delete!(RESOURCE_ID, inputs());
    assert.equal(tc.requests("removeHook") - before, 2);
  });

  it("retries two 500s and completes", async () => {
    const before = tc.requests("createHook");
    tc.failNext("createHook", 2);
    await hookProvider.create!(inputs());
    assert.equal(tc.requests("createHook") - before, 3);
    assert.ok(tc.hooks.get(GROUP, ID));
  });

  it("does not retry a 403, and names operation, hook, status, code and the missing scope", async () => {
    restoreEnv();
    restoreEnv = withEnv({ TASKCLUSTER_ROOT_URL: tc.rootUrl, TASKCLUSTER_CLIENT_ID: "read-only", TASKCLUSTER_ACCESS_TOKEN: "read-only-token" });
    const before = tc.requests("createHook");
    const message = await rejection(hookProvider.create!(inputs()));
    assert.equal(tc.requests("createHook") - before, 1);
    assert.match(message, /^createHook Hook=project-releng\/services-staging-tooltool\/api-replicate failed: 403 InsufficientScopes: Client ID read-only does not have sufficient scopes and is missing the following scopes:\n\n```\n\{\n  "AllOf": \[\n    "hooks:modify-hook:project-releng\/services-staging-tooltool\/api-replicate",\n    "assume:hook-id:project-releng\/services-staging-tooltool\/api-replicate"\n  \]\n\}\n```/);
    assert.doesNotMatch(message, /read-only-token/);
  });

  it("fails check on bad cron, bad ids and a non-email owner, naming each property, before any request", async () => {
    const before = tc.requests();
    const bad = { ...inputs({ schedule: ["0 * * * *", "0 3 * *"], metadata: { name: "n", description: "d", owner: "releng", emailOnError: true } }), hookGroupId: "project releng", hookId: "" };
    const { failures } = await hookProvider.check!(inputs(), bad);
    assert.deepStrictEqual(failures, [
      { property: "hookGroupId", reason: "`project releng` is not a valid hookGroupId: 1 to 1000 characters, letters, digits, `-` and `_`" },
      { property: "hookId", reason: "`` is not a valid hookId: 1 to 1000 characters, letters, digits, `-`, `_` and `/`" },
      { property: "hook.metadata.owner", reason: "`releng` is not an email address" },
      { property: "hook.schedule[1]", reason: "`0 3 * *` has 4 fields; a Taskcluster schedule has 5 (minute first), or 6 with seconds first" },
    ]);
    assert.deepStrictEqual((await hookProvider.check!(inputs(), inputs())).failures, []);
    assert.equal(tc.requests(), before);
  });

  it("reaches the stack file's root URL when TASKCLUSTER_ROOT_URL is unset, and keeps it (and preflight) through a refresh", async () => {
    restoreEnv();
    restoreEnv = withEnv({ TASKCLUSTER_ROOT_URL: undefined, TASKCLUSTER_CLIENT_ID: "deployer", TASKCLUSTER_ACCESS_TOKEN: "deployer-token", TASKCLUSTER_PROXY_URL: undefined });
    const local = { ...inputs(), preflight: { branchSecret: "s", samplePayload: {} }, rootUrl: tc.rootUrl };
    const created = await hookProvider.create!(local);
    assert.deepStrictEqual(tc.hooks.get(GROUP, ID)?.schedule, ["0 * * * *"]);
    const read = await hookProvider.read!(RESOURCE_ID, created.outs);
    assert.deepStrictEqual(read.props, local);
    // Not part of the hook: a new root URL or new preflight samples alone change nothing on the server.
    assert.deepStrictEqual(await hookProvider.diff!(RESOURCE_ID, read.props!, { ...local, rootUrl: "https://other.example.com", preflight: {} }), { changes: false, replaces: [], deleteBeforeReplace: false });
    await hookProvider.delete!(RESOURCE_ID, read.props!);
    assert.equal(tc.hooks.get(GROUP, ID), undefined);
  });

  it("fails check when the task template would not render into a valid task, naming hook, context and path", async () => {
    const before = tc.requests();
    const task = HOOK.hook.task as Record<string, unknown>;
    const late = await hookProvider.check!(inputs(), inputs({ task: { ...task, deadline: { $fromNow: "6 days" } } }));
    assert.deepStrictEqual(late.failures?.map((f) => f.property), ["hook.task"]);
    assert.match(late.failures![0]!.reason, /^Hook `project-releng\/services-staging-tooltool\/api-replicate` fails preflight \(2 problems\):\n  - \[schedule\] task\.deadline: /);
    const typo = await hookProvider.check!(inputs(), inputs({ task: { ...task, payload: { ...(task.payload as object), env: { $merg: [] } } } }));
    assert.match(typo.failures![0]!.reason, /\n  - \[triggerHook\] task\.payload\.env\.\$merg: `\$merg` is not a JSON-e operator \(did you mean `\$merge`\?\)/);
    assert.equal(tc.requests(), before);
  });

  it("still checks the rest of the template while the image is only known after deploy", async () => {
    const task = HOOK.hook.task as Record<string, unknown>;
    const pending = inputs({ task: { ...task, payload: { ...(task.payload as object), image: UNKNOWN } } });
    assert.deepStrictEqual((await hookProvider.check!(inputs(), pending)).failures, []);
    const { failures } = await hookProvider.check!(inputs(), { ...pending, hook: { ...pending.hook, task: { ...(pending.hook.task as object), payload: { image: UNKNOWN } } } });
    assert.match(failures![0]!.reason, /\[schedule\] task\.payload\.command: is required/);
  });

  it("diffs without any request, and replaces on a new hook id", async () => {
    const before = tc.requests();
    assert.deepStrictEqual(await hookProvider.diff!(RESOURCE_ID, inputs(), { ...inputs(), hookId: "services-staging-other" }), { changes: true, replaces: ["hookId"], deleteBeforeReplace: false });
    assert.equal(tc.requests(), before);
  });

  it("works through the taskcluster-proxy when TASKCLUSTER_PROXY_URL is set and no client id is", async () => {
    const proxied = await startTaskcluster({ clients: { task: { accessToken: "unused", scopes: ["hooks:*", "assume:hook-id:*"] } }, proxyClientId: "task" });
    try {
      restoreEnv();
      restoreEnv = withEnv({ TASKCLUSTER_PROXY_URL: proxied.rootUrl, TASKCLUSTER_ROOT_URL: undefined, TASKCLUSTER_CLIENT_ID: undefined, TASKCLUSTER_ACCESS_TOKEN: undefined });
      await hookProvider.create!(inputs());
      assert.deepStrictEqual(proxied.hooks.get(GROUP, ID)?.metadata.owner, "releng@mozilla.com");
    } finally {
      await proxied.close();
    }
  });

  it("says which variables to set when the environment has no Taskcluster", async () => {
    restoreEnv();
    restoreEnv = withEnv({ TASKCLUSTER_ROOT_URL: undefined, TASKCLUSTER_PROXY_URL: undefined, TASKCLUSTER_CLIENT_ID: undefined, TASKCLUSTER_ACCESS_TOKEN: undefined });
    assert.equal(await rejection(hookProvider.read!(RESOURCE_ID, inputs())),
      "Managing Taskcluster hooks needs TASKCLUSTER_ROOT_URL, TASKCLUSTER_CLIENT_ID, TASKCLUSTER_ACCESS_TOKEN, or TASKCLUSTER_PROXY_URL inside a task");
    restoreEnv();
    restoreEnv = withEnv({ TASKCLUSTER_ROOT_URL: undefined, TASKCLUSTER_CLIENT_ID: "deployer", TASKCLUSTER_ACCESS_TOKEN: "deployer-token" });
    assert.equal(await rejection(hookProvider.read!(RESOURCE_ID, inputs())), "Managing Taskcluster hooks needs TASKCLUSTER_ROOT_URL, or TASKCLUSTER_PROXY_URL inside a task");
  });
});
