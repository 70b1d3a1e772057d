import * as assert from "node:assert/strict";
import * as path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Evaluation } from "../../synth/evaluate";
import { SECRET, type SynthDocument } from "../../synth/present";
import { loadStack } from "./stack";
import { REPO, runTool, startSentinelServer, stringLeaves, type SentinelServer, type ToolResult } from "./synth";

/**
 * The checks `npm run synth` must pass for a real stack: it exits 0, prints every resource the mock
 * evaluation registers, and no secret: neither the values that are secret in an evaluation in this
 * process (the secrets loader's placeholders, generated secrets) nor the sentinels a local
 * Taskcluster would serve (nothing may even ask it). One stack per test file: the in-process
 * evaluation is global.
 */
export function describeSynthOf(stack: string): void {
  describe(`npm run synth -- --stack ${stack}`, () => {
    let server: SentinelServer;
    let evaluation: Evaluation;
    let table: ToolResult;
    let json: ToolResult;
    let secretValues: string[];

    before(async () => {
      server = await startSentinelServer(stack, path.join(REPO, `Pulumi.${stack}.yaml`));
      evaluation = (await loadStack(stack, { env: server.env })).evaluation;
      // Values found only under secret inputs: placeholders, generated secrets. (A secret object may
      // also hold plain values, e.g. APP_CHANNEL or a registry's host, printed elsewhere anyway.)
      const leaves = evaluation.resources.map((r) => stringLeaves(r.inputs, r.secretPaths));
      const plain = leaves.flatMap((l) => l.plain);
      secretValues = [...new Set(leaves.flatMap((l) => l.secret))].filter((v) => v.length >= 6 && !plain.some((p) => p.includes(v)));
      // With the providers' code, so the check for secrets covers it too (present.test.ts checks it
      // is left out by default).
      [table, json] = await Promise.all([
        runTool("synth", ["--stack", stack], { env: { ...process.env, ...server.env } }),
        runTool("synth", ["--stack", stack, "--json", "--keep-provider-code"], { env: { ...process.env, ...server.env } }),
      ]);
    });
    after(() => server.tc.close());

    it("exits 0 in each output mode", () => {
      assert.deepEqual([table.code, json.code], [0, 0], `${table.stderr}${json.stderr}`);
    });

    it("prints, as JSON, every resource the mock evaluation registers, with parent and protect", () => {
      const doc = JSON.parse(json.stdout) as SynthDocument;
      assert.deepEqual(Object.keys(doc), ["stack", "resources"]);
      assert.equal(doc.stack, stack);
      const shown = doc.resources.map((r) => [r.type, r.name, r.parent, r.protect]);
      const seen = evaluation.resources.map((r) => [r.type, r.name, r.parent ?? null, r.protect]);
      assert.deepEqual(shown, seen);
    });

    it("lists every resource in the table, one line each", () => {
      const lines = table.stdout.split("\n").map((l) => l.trim());
      const missing = evaluation.resources.map((r) => `${r.type}  ${r.name}`).filter((l) => !lines.includes(l) && !lines.includes(`${l}  [protected]`));
      assert.deepEqual(missing, []);
      assert.match(table.stdout, new RegExp(`^Stack \`${stack}\`: ${evaluation.resources.length} resources?, `));
    });

    it("shows every secret input as [secret], and no secret value anywhere", () => {
      const doc = JSON.parse(json.stdout) as SynthDocument;
      evaluation.resources.forEach((r, i) => {
        for (const p of r.secretPaths) {
          const shown = p.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], doc.resources[i]!.inputs);
          assert.equal(shown, SECRET, `${r.type}::${r.name} input ${p}`);
        }
      });
      for (const out of [table, json]) {
        assert.doesNotMatch(out.stdout, /\[placeholder:[A-Z0-9_]+\]/, "a placeholder was printed");
        for (const value of [...secretValues, ...server.sentinels]) {
          assert.ok(!out.stdout.includes(value) && !out.stderr.includes(value), `a secret value (${value.slice(0, 3)}…) was printed`);
        }
      }
    });

    it("asks nothing of Taskcluster in synth mode", () => {
      assert.equal(server.tc.requests(), 0);
    });
  });
}
