import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadStack, stackFolder, type StackUnderTest } from "../support/stack";

const REF = `mozillareleng/services@sha256:${"e".repeat(64)}`;

describe("a project deploying an existing image", () => {
  let stack: StackUnderTest;
  before(async () => {
    const dir = stackFolder(
      "testing",
      [
        "config:",
        "  releng-infra:taskcluster:",
        "    rootUrl: https://tc.example.com",
        "  releng-infra:projects:",
        "    mapper/api:",
        `      image: {ref: "${REF}"}`,
        "      heroku: {app: releng-testing-mapper}",
        "      hooks:",
        "        - {owner: a@example.com, command: [flask, sync], maxRunTime: 600, deadline: 1 hour}",
        "",
      ].join("\n"),
    );
    stack = await loadStack("testing", { dir });
  });

  it("builds nothing, copies the image into the app's registry, and gives hooks the reference as it is", () => {
    assert.deepEqual(stack.ofType("docker:index/image:Image"), []);
    assert.deepEqual(stack.get("docker:index/remoteImage:RemoteImage", "mapper-api-source").inputs.name, REF);
    const push = stack.get("docker:index/registryImage:RegistryImage", "mapper-api-heroku-web");
    assert.deepEqual([push.inputs.name, push.inputs.triggers, push.dependsOn], [`registry.heroku.com/releng-testing-mapper/web:testing-${"e".repeat(12)}`, { source: REF }, ["pulumi-nodejs:dynamic/heroku:App::mapper-api"]]);
    const release = stack.get("pulumi-nodejs:dynamic/heroku:Release", "mapper-api-web");
    assert.match(String(release.inputs.image), /^registry\.heroku\.com\/releng-testing-mapper\/web@sha256:[0-9a-f]{64}$/);
    assert.deepEqual(stack.outputs.hookImages, { "mapper/api": REF });
  });
});
