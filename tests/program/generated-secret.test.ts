import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import { promisify } from "node:util";
import { describe, it } from "node:test";
import { stackFolder, type RecordedResource } from "../support/stack";

/** The staging stack file with tooltool/api's SECRET_KEY_BASE64 keeper set to `keeper`, in a folder of its own. */
function stackDir(keeper: string): string {
  const file = fs.readFileSync("Pulumi.staging.yaml", "utf8");
  const rotated = file.replace(/(tooltool\/api:[\s\S]*?SECRET_KEY_BASE64: \{[^}]*keeper: )"1"/, `$1"${keeper}"`);
  assert.ok(keeper === "1" || rotated !== file, "the staging stack file must declare SECRET_KEY_BASE64 with keeper \"1\"");
  return stackFolder("staging", rotated);
}

/** SECRET_KEY_BASE64 of tooltool/api's config vars, and whether it was secret, from a run in its own process. */
async function generated(dir: string): Promise<{ value: string; secret: boolean }> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "tests/support/heroku/evaluate-child.ts", dir, "staging", "pulumi-nodejs:dynamic/heroku:ConfigVars"], { encoding: "utf8" });
  const vars = (JSON.parse(stdout) as RecordedResource[]).find((r) => r.name === "tooltool-api-config")!;
  return { value: (vars.inputs.vars as Record<string, string>).SECRET_KEY_BASE64!, secret: vars.secretPaths.includes("vars") };
}

describe("a generated config var", () => {
  it("is the same on a second run, changes when its keeper changes, and is secret", async () => {
    const [first, second, rotated] = await Promise.all([generated(stackDir("1")), generated(stackDir("1")), generated(stackDir("2"))]);
    assert.equal(second.value, first.value);
    assert.notEqual(rotated.value, first.value);
    assert.equal(Buffer.from(rotated.value, "base64").length, 64);
    assert.deepEqual([first.secret, second.secret, rotated.secret], [true, true, true]);
  });
});
