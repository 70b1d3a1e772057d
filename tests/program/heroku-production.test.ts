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
    assert.deepEqual(protectedOnes, ["pulumi-nodejs:dynamic/heroku:App::tokens-api", "pulumi-nodejs:dynamic/heroku:Domain::tokens-api-tokens.mozilla-releng.net"]);
    for (const r of stack.resources.filter((x) => x.type.startsWith("pulumi-nodejs:dynamic/heroku:"))) {
      assert.equal(r.inputs.tokenSecret, "repo:github.com/mozilla-releng/services:branch:production", r.key);
    }
  });
});
