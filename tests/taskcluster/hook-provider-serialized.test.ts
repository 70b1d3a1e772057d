import * as assert from "node:assert/strict";
import Module from "node:module";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { HookSchema, parseStackConfig } from "../../config";
import { buildHook } from "../../components/taskcluster/hookDefinition";
import type { HookInputs } from "../../components/taskcluster/hookModel";
import { startTaskcluster, type LocalTaskcluster } from "../support/taskcluster";
import { withEnv } from "../support/env";

const SENTINELS = { TASKCLUSTER_ROOT_URL: "https://sentinel-root-url.invalid", TASKCLUSTER_CLIENT_ID: "sentinel-client-id", TASKCLUSTER_ACCESS_TOKEN: "sentinel-access-token", TASKCLUSTER_PROXY_URL: "http://sentinel-proxy-url.invalid" };

/** Loads a serialized provider the way Pulumi's dynamic provider host does (require-from-string, from the program's folder). */
function loadSerialized(text: string): pulumi.dynamic.ResourceProvider<HookInputs, HookInputs> {
  type Compilable = Module & { _compile(code: string, filename: string): void; paths: string[] };
  const filename = path.join(process.cwd(), "__provider.js");
  const mod = new Module(filename) as Compilable;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(process.cwd());
  mod._compile(text, filename);
  return (mod.exports as { handler(): pulumi.dynamic.ResourceProvider<HookInputs, HookInputs> }).handler();
}

describe("the serialized hook provider", () => {
  let tc: LocalTaskcluster;
  let text: string;
  before(async () => {
    tc = await startTaskcluster({ clients: { deployer: { accessToken: "deployer-token", scopes: ["hooks:*", "assume:hook-id:*"] } } });
    const restore = withEnv(SENTINELS);
    try {
      // Loaded with the sentinels set, so a module-level read of the environment would capture them.
      const { hookProvider } = await import("../../components/taskcluster/hookProvider");
      // As pulumi.dynamic.Resource serializes its provider into the state (`__provider`).
      text = (await pulumi.runtime.serializeFunction(() => hookProvider, { allowSecrets: true })).text;
    } finally {
      restore();
    }
  });
  after(() => tc.close());

  it("captures none of the credentials in the environment at serialization time", () => {
    for (const [name, sentinel] of Object.entries(SENTINELS)) {
      assert.equal(text.includes(sentinel), false, `${name} leaked into the serialized provider`);
    }
  });

  it("checks a hook when deserialized, preflight included, as the engine calls it at preview", async () => {
    const provider = loadSerialized(text);
    const branch = parseStackConfig("staging", "Pulumi.staging.yaml", { taskcluster: { rootUrl: "https://tc.example.com" }, projects: {} });
    const config = HookSchema.parse({ owner: "releng@mozilla.com", schedule: ["0 * * * *"], command: ["flask", "replicate"], deadline: "4 hours", maxRunTime: 14400 });
    const { hookGroupId, hookId, hook } = buildHook("tooltool/api", config, branch, `repo@sha256:${"a".repeat(64)}`);
    const inputs = { hookGroupId, hookId, hook } as unknown as HookInputs;
    assert.deepStrictEqual((await provider.check!(inputs, inputs)).failures, []);
    const late = { ...inputs, hook: { ...inputs.hook, task: { ...(inputs.hook.task as object), deadline: { $fromNow: "6 days" } } } };
    const { failures } = await provider.check!(inputs, late);
    assert.match(failures![0]!.reason, /^Hook `project-releng\/services-staging-tooltool\/api` fails preflight \(2 problems\):\n  - \[schedule\] task\.deadline: /);
  });

  it("runs when deserialized, with the credentials of the environment at call time", async () => {
    const provider = loadSerialized(text);
    const restore = withEnv({ TASKCLUSTER_ROOT_URL: tc.rootUrl, TASKCLUSTER_CLIENT_ID: "deployer", TASKCLUSTER_ACCESS_TOKEN: "deployer-token", TASKCLUSTER_PROXY_URL: undefined });
    try {
      const hook = { metadata: { name: "n", description: "d", owner: "releng@mozilla.com", emailOnError: true }, schedule: [], bindings: [], triggerSchema: {}, task: {} };
      const created = await provider.create!({ hookGroupId: "project-releng", hookId: "services-staging-x", hook });
      assert.equal(created.id, "project-releng/services-staging-x");
      assert.equal(tc.hooks.get("project-releng", "services-staging-x")?.metadata.owner, "releng@mozilla.com");
    } finally {
      restore();
    }
  });
});
