import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadStack, type StackUnderTest } from "../support/stack";

describe("Heroku on the production stack under mocks", () => {
  let stack: StackUnderTest;
  before(async () => {
    stack = await loadStack("production");
  });

  it("protects the app and its domains, and reads the token from the production branch secret", () => {
    const protectedOnes = stack.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/heroku:") && r.protect).map((r) => r.key);
    // Every app and domain of production (the back ends the front ends require included), nothing else.
    const apps: [string, string][] = [
      ["mapper-api", "mapper.mozilla-releng.net"],
      ["notification-identity", "identity.notification.mozilla-releng.net"],
      ["notification-policy", "policy.notification.mozilla-releng.net"],
      ["tokens-api", "tokens.mozilla-releng.net"],
      ["tooltool-api", "tooltool.mozilla-releng.net"],
      ["treestatus-api", "treestatus.mozilla-releng.net"],
    ];
    assert.deepEqual(protectedOnes.sort(), [
      ...apps.map(([app]) => `pulumi-nodejs:dynamic/heroku:App::${app}`),
      ...apps.map(([app, domain]) => `pulumi-nodejs:dynamic/heroku:Domain::${app}-${domain}`),
    ]);
    for (const r of stack.resources.filter((x) => x.type.startsWith("pulumi-nodejs:dynamic/heroku:"))) {
      assert.equal(r.inputs.tokenSecret, "repo:github.com/mozilla-releng/services:branch:production", r.key);
    }
  });
});
