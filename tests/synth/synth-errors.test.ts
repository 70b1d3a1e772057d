import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { describe, it } from "node:test";
import { evaluateStack } from "../../synth/evaluate";
import { stackFolder } from "../support/stack";
import { runTool } from "../support/synth";

const MESSAGE = [
  "Stack `broken` (Pulumi.broken.yaml) has 2 configuration errors:",
  "  - field `taskcluster.hookGroupID`: is not a known setting (check its spelling and indentation)",
  "  - project `tokens/api`, field `heroku.app`: must be 3-30 lowercase letters, digits or dashes, starting with a letter",
].join("\n");

describe("npm run synth on a broken stack file", () => {
  it("exits 1 printing the program's ConfigError message, and nothing else", async () => {
    const dir = stackFolder(
      "broken",
      [
        "config:",
        "  releng-infra:taskcluster:",
        "    rootUrl: https://tc.example.com",
        "    hookGroupID: typo",
        "  releng-infra:aws:",
        "    zones:",
        "      broken.mozilla-releng.net: {}",
        "  releng-infra:projects:",
        "    tokens/api:",
        "      heroku:",
        "        app: Releng_Broken_Tokens",
        "",
      ].join("\n"),
    );
    const result = await runTool("synth", ["--stack", "broken", "--dir", dir]);
    assert.deepEqual(result, { code: 1, stdout: "", stderr: `${MESSAGE}\n` });
    // The same message as the program itself throws (the first and only stack of this process).
    await assert.rejects(evaluateStack("broken", { dir }), { name: "ConfigError", message: MESSAGE });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("exits 2 with the usage when --stack is missing or an option is unknown", async () => {
    const usage = "usage: npm run synth -- --stack <branch> [--json] [--dir <folder holding Pulumi.<branch>.yaml>]\n";
    const [missing, unknown] = await Promise.all([runTool("synth", ["--json"]), runTool("synth", ["--stack", "staging", "--jsn"])]);
    assert.deepEqual(missing, { code: 2, stdout: "", stderr: `--stack is required\n${usage}` });
    assert.equal(unknown.code, 2);
    assert.ok(unknown.stderr.startsWith("Unknown option '--jsn'"), unknown.stderr);
    assert.ok(unknown.stderr.endsWith(usage));
  });
});
