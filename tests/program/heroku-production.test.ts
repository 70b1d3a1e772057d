import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadStack, type StackUnderTest } from "../support/stack";
import { parseStackConfig, projectConfig, slug } from "../../config";
import { readStackFileConfig } from "../../synth/evaluate";

describe("Heroku on the production stack under mocks", () => {
  let stack: StackUnderTest;
  before(async () => {
    stack = await loadStack("production");
  });

  it("protects the app and its domains, and reads the token from the production branch secret", () => {
    const protectedOnes = stack.resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/heroku:") && r.protect).map((r) => r.key);
    // Every app and domain of production, nothing else (not config vars, not releases).
    const config = parseStackConfig("production", "Pulumi.production.yaml", projectConfig(readStackFileConfig(".", "production")));
    const apps = config.projects.filter((p) => p.heroku).map((p) => ({ name: slug(p.id), domains: p.heroku!.domains }));
    assert.ok(apps.length >= 9, "production runs the catalogue's nine Heroku projects");
    assert.deepEqual(protectedOnes.sort(), [
      ...apps.map(({ name }) => `pulumi-nodejs:dynamic/heroku:App::${name}`),
      ...apps.flatMap(({ name, domains }) => domains.map((domain) => `pulumi-nodejs:dynamic/heroku:Domain::${name}-${domain}`)),
    ].sort());
    for (const r of stack.resources.filter((x) => x.type.startsWith("pulumi-nodejs:dynamic/heroku:"))) {
      assert.equal(r.inputs.tokenSecret, "repo:github.com/mozilla-releng/services:branch:production", r.key);
    }
  });
});
