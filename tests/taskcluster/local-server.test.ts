import * as assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import taskcluster, { type TaskclusterError } from "taskcluster-client";
import { startTaskcluster, type LocalTaskcluster } from "../support/taskcluster";

const GROUP = "project-releng";
const ID = "services-staging-tooltool-api-check";
const ADMIN = { clientId: "admin", accessToken: "admin-token" };

function hookBody(): Record<string, unknown> {
  return {
    metadata: { name: "check", description: "checks", owner: "releng@example.com" },
    task: { provisionerId: "proj-releng", workerType: "linux", payload: {} },
    schedule: ["0 0 * * * *"],
  };
}

/** The Taskcluster error a call rejects with. */
async function failure(call: Promise<unknown>): Promise<TaskclusterError> {
  try {
    await call;
  } catch (err) {
    return err as TaskclusterError;
  }
  assert.fail("expected the call to fail");
}

describe("the local Taskcluster server", () => {
  let tc: LocalTaskcluster;
  let hooks: InstanceType<typeof taskcluster.Hooks>;
  before(async () => {
    tc = await startTaskcluster({
      clients: {
        admin: { accessToken: "admin-token", scopes: ["hooks:*", "assume:hook-id:project-releng/*", "secrets:get:project/releng/*"] },
        "modify-only": { accessToken: "m", scopes: ["hooks:modify-hook:project-releng/*"] },
        "task-client": { accessToken: "t", scopes: ["hooks:get:project-releng:*"] },
      },
      secrets: { "project/releng/staging": { secret: { TOKEN: "v" } } },
      proxyClientId: "task-client",
    });
    hooks = new taskcluster.Hooks({ rootUrl: tc.rootUrl, credentials: ADMIN, retries: 0 });
  });
  after(() => tc.close());
  beforeEach(() => {
    for (const hook of tc.hooks.list()) tc.hooks.delete(hook.hookGroupId, hook.hookId);
  });

  it("creates a hook with the service's defaults and serves it back from hook and listHooks", async () => {
    await hooks.createHook(GROUP, ID, hookBody());
    const expected = {
      hookGroupId: GROUP,
      hookId: ID,
      metadata: { name: "check", description: "checks", owner: "releng@example.com", emailOnError: true },
      task: { provisionerId: "proj-releng", workerType: "linux", payload: {} },
      schedule: ["0 0 * * * *"],
      triggerSchema: { type: "object", additionalProperties: false },
      bindings: [],
    };
    assert.deepStrictEqual(await hooks.hook(GROUP, ID), expected);
    assert.deepStrictEqual(await hooks.listHooks(GROUP), { hooks: [expected] });
    assert.deepStrictEqual(await hooks.listHookGroups(), { groups: [GROUP] });
    assert.equal(tc.requests("createHook"), 1);
  });

  it("accepts an identical create, answers 409 RequestConflict to a different one", async () => {
    await hooks.createHook(GROUP, ID, hookBody());
    await hooks.createHook(GROUP, ID, hookBody());
    const err = await failure(hooks.createHook(GROUP, ID, { ...hookBody(), schedule: [] }));
    assert.deepStrictEqual([err.statusCode, err.code], [409, "RequestConflict"]);
    assert.match(err.message, /^hook `project-releng\/services-staging-tooltool-api-check` already exists\.\n\n---\n/);
  });

  it("names the missing scope in a 403 InsufficientScopes", async () => {
    const client = new taskcluster.Hooks({ rootUrl: tc.rootUrl, credentials: { clientId: "modify-only", accessToken: "m" }, retries: 0 });
    const err = await failure(client.createHook(GROUP, ID, hookBody()));
    assert.deepStrictEqual([err.statusCode, err.code], [403, "InsufficientScopes"]);
    assert.match(err.message, /missing the following scopes:\n\n```\nassume:hook-id:project-releng\/services-staging-tooltool-api-check\n```/);
    assert.equal(tc.hooks.get(GROUP, ID), undefined);
  });

  it("answers 401 AuthenticationFailed to a bad signature or an unknown client", async () => {
    for (const credentials of [{ clientId: "admin", accessToken: "wrong" }, { clientId: "nobody", accessToken: "x" }]) {
      const err = await failure(new taskcluster.Hooks({ rootUrl: tc.rootUrl, credentials, retries: 0 }).hook(GROUP, ID));
      assert.deepStrictEqual([err.statusCode, err.code], [401, "AuthenticationFailed"], credentials.clientId);
    }
  });

  it("validates bodies against create-hook-request and lists every error", async () => {
    const body = { ...hookBody(), metadata: { name: "check", owner: "not-an-email" }, extra: 1 };
    const err = await failure(hooks.createHook(GROUP, ID, body));
    assert.deepStrictEqual([err.statusCode, err.code], [400, "InputValidationError"]);
    assert.deepStrictEqual(err.message.split("\n").filter((line) => line.startsWith("  * ")), [
      "  * data/metadata must have required property 'description'",
      "  * data/metadata/owner must match format \"email\"",
      "  * data must NOT have additional properties (extra)",
    ]);
  });

  it("rejects a schedule cron-parser cannot parse with 400 InputError", async () => {
    const err = await failure(hooks.createHook(GROUP, ID, { ...hookBody(), schedule: ["61 * * * *"] }));
    assert.deepStrictEqual([err.statusCode, err.code], [400, "InputError"]);
    assert.match(err.message, /^Constraint error, got value 61 expected range 0-59 in 61 \* \* \* \*\n/);
  });

  it("updates keeping stored bindings, 404s an update of a missing hook, removes idempotently", async () => {
    tc.hooks.put({ hookGroupId: GROUP, hookId: ID, bindings: [{ exchange: "exchange/x", routingKeyPattern: "#" }] });
    await hooks.updateHook(GROUP, ID, hookBody());
    assert.deepStrictEqual(tc.hooks.get(GROUP, ID)?.bindings, [{ exchange: "exchange/x", routingKeyPattern: "#" }]);
    const err = await failure(hooks.updateHook(GROUP, "absent", hookBody()));
    assert.deepStrictEqual([err.statusCode, err.code, err.message.split("\n")[0]], [404, "ResourceNotFound", "No such hook"]);
    await hooks.removeHook(GROUP, ID);
    await hooks.removeHook(GROUP, ID);
    assert.equal(tc.hooks.get(GROUP, ID), undefined);
  });

  it("answers injected 500s and counts every request, so client retries can be observed", async () => {
    tc.hooks.put({ hookGroupId: GROUP, hookId: ID });
    tc.failNext("hook", 2);
    const before = tc.requests("hook");
    const retrying = new taskcluster.Hooks({ rootUrl: tc.rootUrl, credentials: ADMIN, retries: 2, delayFactor: 1 });
    assert.equal((await retrying.hook(GROUP, ID)).hookId, ID);
    assert.equal(tc.requests("hook") - before, 3);
  });

  it("delays a route's answers by the injected time, and answers ping without credentials", async () => {
    tc.delay("ping", 150);
    const started = Date.now();
    assert.equal((await new taskcluster.Hooks({ rootUrl: tc.rootUrl, retries: 0 }).ping()).alive, true);
    assert.ok(Date.now() - started >= 150, `answered after ${Date.now() - started} ms`);
    tc.delay("ping", 0);
  });

  it("serves secrets by url-encoded name with secrets:get scopes, 404 when absent", async () => {
    const secrets = new taskcluster.Secrets({ rootUrl: tc.rootUrl, credentials: ADMIN, retries: 0 });
    assert.deepStrictEqual((await secrets.get("project/releng/staging")).secret, { TOKEN: "v" });
    const missing = await failure(secrets.get("project/releng/absent"));
    assert.deepStrictEqual([missing.statusCode, missing.code], [404, "ResourceNotFound"]);
    const denied = await failure(secrets.get("other/secret"));
    assert.deepStrictEqual([denied.statusCode, denied.code], [403, "InsufficientScopes"]);
    assert.match(denied.message, /```\nsecrets:get:other\/secret\n```/);
  });

  it("treats unsigned requests as the proxy's client, as the taskcluster-proxy does in a task", async () => {
    tc.hooks.put({ hookGroupId: GROUP, hookId: ID });
    const proxied = new taskcluster.Hooks({ rootUrl: tc.rootUrl, retries: 0 });
    assert.equal((await proxied.hook(GROUP, ID)).hookId, ID);
    const err = await failure(proxied.removeHook(GROUP, ID));
    assert.match(err.message, /^Client ID task-client does not have sufficient scopes/);
  });
});
