import * as assert from "node:assert/strict";
import * as net from "node:net";
import { before, describe, it } from "node:test";
import { slug } from "../../config";
import { loadStack, type StackUnderTest } from "../support/stack";
import { expectedTooltoolHook } from "../support/tooltoolHooks";

describe("the staging stack's hooks under mocks", () => {
  let stack: StackUnderTest;
  let connections = 0;
  before(async () => {
    // Offline synth, with credentials in the environment all the same: count every socket opened.
    const env = { RELENG_INFRA_SYNTH: "1", TASKCLUSTER_ROOT_URL: "https://taskcluster.invalid", TASKCLUSTER_CLIENT_ID: "someone", TASKCLUSTER_ACCESS_TOKEN: "token" };
    const connect = net.Socket.prototype.connect;
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      connections++;
      return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    } as typeof connect;
    try {
      stack = await loadStack("staging", { env });
    } finally {
      net.Socket.prototype.connect = connect;
    }
  });

  it("groups tooltool/api's hooks under one ProjectHooks component", () => {
    const component = stack.get("releng-infra:taskcluster:ProjectHooks", "tooltool-api");
    assert.deepStrictEqual(stack.childrenOf(component).map((r) => `${r.type} ${r.name}`), [
      "pulumi-nodejs:dynamic/taskcluster:Hook tooltool-api-replicate",
      "pulumi-nodejs:dynamic/taskcluster:Hook tooltool-api-check_pending_uploads",
    ]);
  });

  it("runs the project's Docker Hub image, pinned by digest, the one the stack outputs", () => {
    const images = stack.outputs.hookImages as Record<string, string>;
    assert.deepStrictEqual(Object.keys(images).sort(), ["codecoverage/bot", "staticanalysis/bot", "tooltool/api"]);
    for (const hook of stack.ofType("pulumi-nodejs:dynamic/taskcluster:Hook")) {
      const project = Object.keys(images).find((id) => hook.parent === `releng-infra:taskcluster:ProjectHooks::${slug(id)}`)!;
      assert.match(images[project]!, /^mozillareleng\/services@sha256:[0-9a-f]{64}$/);
      assert.equal(((hook.inputs.hook as { task: { payload: { image: string } } }).task.payload.image), images[project], hook.name);
    }
    assert.notEqual(images["tooltool/api"], images["codecoverage/bot"], "each project runs its own image");
  });

  it("declares each hook with its group, id and the catalogue's task template", () => {
    const image = (stack.outputs.hookImages as Record<string, string>)["tooltool/api"]!;
    const cases: [string, string, string, string[]][] = [
      ["tooltool-api-replicate", "services-staging-tooltool/api-replicate", "0 * * * *", ["flask", "replicate"]],
      ["tooltool-api-check_pending_uploads", "services-staging-tooltool/api-check_pending_uploads", "*/10 * * * *", ["flask", "check-pending-uploads"]],
    ];
    for (const [name, hookId, schedule, command] of cases) {
      const { __provider, ...inputs } = stack.get("pulumi-nodejs:dynamic/taskcluster:Hook", name).inputs;
      assert.equal(typeof __provider, "string");
      const hook = expectedTooltoolHook({ hookId, schedule, command, owner: "release+tooltool@mozilla.com", image });
      const preflight = { branchSecret: "repo:github.com/mozilla-releng/services:branch:staging", samplePayload: {}, samplePulseMessages: {} };
      const rootUrl = "https://firefox-ci-tc.services.mozilla.com";
      assert.deepStrictEqual(inputs, { hookGroupId: "project-releng", hookId, hook, preflight, rootUrl }, name);
    }
  });

  it("outputs the hook ids, and makes no hook for projects without hooks", () => {
    assert.deepStrictEqual(stack.outputs.hookIds, [
      "services-staging-codecoverage/bot",
      "services-staging-staticanalysis/bot",
      "services-staging-tooltool/api-replicate",
      "services-staging-tooltool/api-check_pending_uploads",
    ]);
    assert.deepStrictEqual(stack.ofType("releng-infra:taskcluster:ProjectHooks").map((r) => r.name), ["codecoverage-bot", "staticanalysis-bot", "tooltool-api"]);
  });

  it("makes no network call and no pruning resource in offline synth: the unmanaged-hook listing is skipped", () => {
    assert.equal(connections, 0);
    assert.deepStrictEqual(stack.ofType("pulumi-nodejs:dynamic/taskcluster:UnmanagedHooks"), []);
  });
});
