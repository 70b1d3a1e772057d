import { execFile } from "node:child_process";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { parseOptions, runCli } from "./cli";
import { synthesize } from "./synth";

/*
 * npm run bench:synth -- [--stack staging] [--runs 7]
 *
 * What an offline synth of one stack costs next to an empty Pulumi program under the same mock
 * runtime: each run is a fresh process (as `npm run synth` is), alternating real and empty; it
 * reports the median wall time of the process and of the evaluation inside it. A benchmark, not a
 * test: figures depend on the machine; the README records one.
 */

const ROOT = path.resolve(__dirname, "..");
const EMPTY = path.join(__dirname, "bench", "empty-program.ts");

type Kind = "real" | "empty";

/** In a child: synthesize once as `npm run synth` does; print the milliseconds it took. */
async function child(kind: Kind, stack: string): Promise<void> {
  const start = performance.now();
  const doc = await synthesize(stack, kind === "empty" ? { program: EMPTY } : {});
  JSON.stringify(doc);
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, resources: doc.resources.length }));
}

function once(kind: Kind, stack: string): Promise<{ wall: number; inside: number; resources: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", __filename, "--child", kind, "--stack", stack], { cwd: ROOT }, (err, stdout, stderr) => {
      if (err !== null) return reject(new Error(`${kind} run failed: ${stderr}`));
      const { ms, resources } = JSON.parse(stdout) as { ms: number; resources: number };
      resolve({ wall: performance.now() - start, inside: ms, resources });
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const USAGE = "usage: npm run bench:synth -- [--stack staging] [--runs 7]";

async function main(argv: string[]): Promise<void> {
  const values = parseOptions(argv, { stack: { type: "string" }, runs: { type: "string" }, child: { type: "string" } });
  const stack = values.stack ?? "staging";
  if (values.child !== undefined) return child(values.child as Kind, stack);
  const runs = Number(values.runs ?? "7");
  const results: Record<Kind, { wall: number; inside: number; resources: number }[]> = { real: [], empty: [] };
  await once("real", stack); // warms tsx's compile cache, so no run pays for it
  for (let i = 0; i < runs; i++) {
    // One at a time, alternating, so both see the same machine load.
    for (const kind of (i % 2 === 0 ? ["real", "empty"] : ["empty", "real"]) as Kind[]) results[kind].push(await once(kind, stack));
  }
  const row = (kind: Kind) => {
    const r = results[kind];
    return `| ${kind === "real" ? `synth of \`${stack}\`` : "empty program"} | ${r[0]!.resources} | ${median(r.map((x) => x.wall)).toFixed(0)} ms | ${median(r.map((x) => x.inside)).toFixed(0)} ms |`;
  };
  const ratio = (f: (x: { wall: number; inside: number }) => number) => (median(results.real.map(f)) / median(results.empty.map(f))).toFixed(2);
  process.stdout.write(
    [
      `Median of ${runs} runs each, one process per run (node ${process.version}):`,
      "",
      "| | resources | process wall time | evaluation in process |",
      "|---|---|---|---|",
      row("real"),
      row("empty"),
      `| ratio | | ${ratio((x) => x.wall)}x | ${ratio((x) => x.inside)}x |`,
      "",
    ].join("\n"),
  );
}

runCli(module, USAGE, main);
