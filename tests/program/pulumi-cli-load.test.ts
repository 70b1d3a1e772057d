import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, it } from "node:test";

describe("the program as the Pulumi CLI loads it", () => {
  it("type-checks and loads under the CLI's ts-node, exporting the function the CLI calls", () => {
    // No Pulumi CLI here: this is its language host's loading step, with its ts-node and our tsconfig.
    const result = spawnSync(process.execPath, ["tests/support/load-like-pulumi.cjs", "."], { encoding: "utf8" });
    assert.deepStrictEqual([result.status, result.stdout, result.stderr], [0, "function\n", ""]);
  });
});
