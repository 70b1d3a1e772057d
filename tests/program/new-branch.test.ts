import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadStack, stackFolder } from "../support/stack";

describe("a new branch", () => {
  it("deploys as soon as its Pulumi.<branch>.yaml exists, with names derived from the branch", async () => {
    const dir = stackFolder(
      "testing",
      [
        "config:",
        "  releng-infra:taskcluster:",
        "    rootUrl: https://tc.example.com",
        "  releng-infra:aws:",
        "    zones:",
        "      testing.mozilla-releng.net: {}",
        "  releng-infra:projects:",
        "    mapper/api:",
        "      heroku:",
        "        app: releng-testing-mapper",
        "        domains: [mapper.testing.mozilla-releng.net]",
        "",
      ].join("\n"),
    );
    const stack = await loadStack("testing", { dir });
    assert.equal(stack.outputs.branch, "testing");
    assert.deepEqual(stack.outputs.projects, ["mapper/api"]);
  });
});
