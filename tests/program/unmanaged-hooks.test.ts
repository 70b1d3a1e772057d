import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import { loadStack, stackFolder, type StackUnderTest } from "../support/stack";
import { startTaskcluster, type LocalTaskcluster } from "../support/taskcluster";

// A branch `testing` that prunes, with one declared hook; `testing-foo` has a stack file too.
const STACK_FILE = [
  "config:",
  "  releng-infra:taskcluster:",
  "    rootUrl: https://tc.example.com",
  "    pruneUnmanagedHooks: true",
  "  releng-infra:projects:",
  "    tooltool/api:",
  "      hooks:",
  "        - suffix: -replicate",
  "          owner: release+tooltool@mozilla.com",
  "          schedule: ['0 * * * *']",
  "          command: [flask, replicate]",
  "          deadline: 4 hours",
  "          maxRunTime: 14400",
  "",
].join("\n");

describe("a preview of a branch with hooks left in its group", () => {
  let tc: LocalTaskcluster;
  let stack: StackUnderTest;
  const warnings: string[] = [];
  before(async () => {
    const secret = "repo:github.com/mozilla-releng/services:branch:testing";
    tc = await startTaskcluster({
      clients: { deployer: { accessToken: "t", scopes: ["hooks:list-hooks:project-releng", `secrets:get:${secret}`] } },
      // The deploy credentials the program reads for image pushes.
      secrets: { [secret]: { secret: { common: { HEROKU_PASSWORD: "h", DOCKER_USERNAME: "u", DOCKER_PASSWORD: "p" } } } },
    });
    const seeded = [
      "services-testing-tooltool/api-replicate", // declared
      ...Array.from({ length: 30 }, (_, i) => `services-testing-old-${String(i).padStart(2, "0")}`), // left behind
      "services-testing-foo-tooltool/api-replicate", // branch testing-foo's
      "services-production-tooltool/api-replicate",
    ];
    for (const hookId of seeded) tc.hooks.put({ hookGroupId: "project-releng", hookId });
    tc.hooks.put({ hookGroupId: "project-other", hookId: "services-testing-elsewhere" });

    const dir = stackFolder("testing", STACK_FILE);
    fs.writeFileSync(path.join(dir, "Pulumi.testing-foo.yaml"), "config: {}\n");

    const warn = console.warn;
    console.warn = (message: string) => void warnings.push(message);
    try {
      stack = await loadStack("testing", { dir, env: { TASKCLUSTER_ROOT_URL: tc.rootUrl, TASKCLUSTER_CLIENT_ID: "deployer", TASKCLUSTER_ACCESS_TOKEN: "t" } });
    } finally {
      console.warn = warn;
    }
  });
  after(() => tc.close());

  it("lists the hook group in a single request, whatever the number of hooks", () => {
    assert.equal(tc.requests("listHooks"), 1);
    // The only other request of the run: the branch secret.
    assert.deepStrictEqual([tc.requests(), tc.requests("secrets.get")], [2, 1]);
  });

  it("warns about each undeclared hook under the branch's prefix, and no other", () => {
    const expected = Array.from({ length: 30 }, (_, i) =>
      `warning: [runtime] Hook=project-releng/services-testing-old-${String(i).padStart(2, "0")} is under this stack's prefix \`services-testing-\` but not declared in Pulumi.testing.yaml: it is removed on \`pulumi up\` (\`pruneUnmanagedHooks: true\`).`);
    assert.deepStrictEqual(warnings, expected);
  });

  it("registers the pruning resource with exactly those hooks, leaving the removal to up", () => {
    const { __provider, ...inputs } = stack.get("pulumi-nodejs:dynamic/taskcluster:UnmanagedHooks", "unmanaged-hooks").inputs;
    assert.equal(typeof __provider, "string");
    assert.deepStrictEqual(inputs, {
      hookGroupId: "project-releng",
      hookIds: Array.from({ length: 30 }, (_, i) => `services-testing-old-${String(i).padStart(2, "0")}`),
      rootUrl: "https://tc.example.com",
    });
    assert.equal(tc.hooks.list("project-releng").length, 33);
  });
});
