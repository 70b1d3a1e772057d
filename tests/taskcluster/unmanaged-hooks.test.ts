import * as assert from "node:assert/strict";
import { after, afterEach, before, beforeEach, describe, it } from "node:test";
import { parseStackConfig } from "../../config/stack";
import { unmanagedHooksProvider } from "../../components/taskcluster/hookPrune";
import { listHookIds, ownedHooks, unmanagedHookIds, unmanagedHookWarning } from "../../components/taskcluster/unmanagedHooks";
import { startTaskcluster, type LocalTaskcluster } from "../support/taskcluster";
import { withEnv } from "../support/env";

const OWNED = { prefix: "services-staging-", declared: ["services-staging-tooltool/api-replicate"], otherPrefixes: ["services-staging-foo-", "services-production-"] };

describe("unmanagedHookIds", () => {
  const cases: [string, string[], string[]][] = [
    ["a declared hook is managed", ["services-staging-tooltool/api-replicate"], []],
    ["an undeclared hook under the prefix is unmanaged", ["services-staging-tooltool/api-old"], ["services-staging-tooltool/api-old"]],
    ["hooks outside the prefix belong to others", ["services-production-tooltool/api", "services-stagingx-a", "other"], []],
    ["a longer prefix of another branch is that branch's", ["services-staging-foo-tooltool/api"], []],
    ["results are sorted", ["services-staging-b", "services-staging-a"], ["services-staging-a", "services-staging-b"]],
  ];
  for (const [behaviour, listed, expected] of cases) {
    it(behaviour, () => assert.deepStrictEqual(unmanagedHookIds(listed, OWNED), expected));
  }

  it("takes the declared ids from the stack and the other prefixes from the branches with a stack file", () => {
    const hook = { owner: "a@example.com", command: ["flask"], deadline: "4 hours", maxRunTime: 60 };
    const config = parseStackConfig("staging", "Pulumi.staging.yaml", { taskcluster: { rootUrl: "https://tc.example.com" }, projects: { "tooltool/api": { hooks: [{ ...hook, suffix: "-replicate" }] } } });
    assert.deepStrictEqual(ownedHooks(config, ["production", "staging", "staging-foo"]), { ...OWNED, otherPrefixes: ["services-production-", "services-staging-foo-"] });
  });

  it("warns naming the hook, the prefix, the stack file and what to do", () => {
    assert.equal(unmanagedHookWarning("project-releng", "services-staging-old", "services-staging-", "Pulumi.staging.yaml", false),
      "Hook=project-releng/services-staging-old is under this stack's prefix `services-staging-` but not declared in Pulumi.staging.yaml: declare it, delete it, or set `pruneUnmanagedHooks: true` to remove it on `pulumi up`.");
    assert.equal(unmanagedHookWarning("project-releng", "services-staging-old", "services-staging-", "Pulumi.staging.yaml", true),
      "Hook=project-releng/services-staging-old is under this stack's prefix `services-staging-` but not declared in Pulumi.staging.yaml: it is removed on `pulumi up` (`pruneUnmanagedHooks: true`).");
  });
});

describe("listing and pruning against the local Taskcluster", () => {
  let tc: LocalTaskcluster;
  let restoreEnv: () => void;
  before(async () => {
    tc = await startTaskcluster({ clients: { deployer: { accessToken: "t", scopes: ["hooks:list-hooks:*", "hooks:modify-hook:project-releng/services-staging-*"] } } });
  });
  after(() => tc.close());
  beforeEach(() => {
    restoreEnv = withEnv({ TASKCLUSTER_ROOT_URL: tc.rootUrl, TASKCLUSTER_CLIENT_ID: "deployer", TASKCLUSTER_ACCESS_TOKEN: "t", TASKCLUSTER_PROXY_URL: undefined });
    for (const hook of tc.hooks.list()) tc.hooks.delete(hook.hookGroupId, hook.hookId);
  });
  afterEach(() => restoreEnv());

  it("lists a group in one request whatever the number of hooks, and an empty group as none", async () => {
    for (let i = 0; i < 40; i++) tc.hooks.put({ hookGroupId: "project-releng", hookId: `services-staging-h${String(i).padStart(2, "0")}` });
    const before = tc.requests();
    const ids = await listHookIds("project-releng");
    assert.equal(ids.length, 40);
    assert.equal(tc.requests() - before, 1);
    assert.deepStrictEqual(await listHookIds("project-empty"), []);
  });

  it("removes the listed hooks on create and update, tolerating ones already gone, and nothing else", async () => {
    for (const hookId of ["services-staging-old", "services-staging-older", "services-staging-kept"]) tc.hooks.put({ hookGroupId: "project-releng", hookId });
    await unmanagedHooksProvider.create!({ hookGroupId: "project-releng", hookIds: ["services-staging-old", "services-staging-gone"] });
    await unmanagedHooksProvider.update!("project-releng/unmanaged", { hookGroupId: "project-releng", hookIds: [] }, { hookGroupId: "project-releng", hookIds: ["services-staging-older"] });
    assert.deepStrictEqual(tc.hooks.list().map((hook) => hook.hookId), ["services-staging-kept"]);
  });

  it("plans a change only when there is something to remove, without a request", async () => {
    const before = tc.requests();
    const olds = { hookGroupId: "project-releng", hookIds: ["services-staging-old"] };
    assert.deepStrictEqual(await unmanagedHooksProvider.diff!("id", olds, { hookGroupId: "project-releng", hookIds: [] }), { changes: false, replaces: [] });
    assert.deepStrictEqual(await unmanagedHooksProvider.diff!("id", olds, olds), { changes: true, replaces: [] });
    assert.equal(tc.requests(), before);
  });
});
