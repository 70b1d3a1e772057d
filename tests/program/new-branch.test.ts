import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { loadStack } from "../support/stack";

describe("a new branch", () => {
  it("deploys as soon as its Pulumi.<branch>.yaml exists, with names derived from the branch", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "releng-infra-testing-"));
    fs.copyFileSync("Pulumi.yaml", path.join(dir, "Pulumi.yaml"));
    fs.writeFileSync(
      path.join(dir, "Pulumi.testing.yaml"),
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
