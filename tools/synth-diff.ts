import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import * as os from "node:os";
import * as path from "node:path";
import { checkOut, stacksIn } from "../synth/checkout";
import { diffDocuments, type StackDiff } from "../synth/diff";
import { renderMarkdown, type SynthFailure } from "../synth/markdown";
import type { SynthDocument } from "../synth/present";
import { parseOptions, runCli } from "./cli";
import { FINGERPRINT_ENV } from "./synth";

/*
 * npm run synth:diff -- --base <git ref> [--json]
 *
 * Synthesizes every stack (a Pulumi.<branch>.yaml at either side) at the base ref and in the working
 * tree, each in a process of its own, and prints the differences as Markdown: the pull-request
 * comment. `--json` prints the structured differences instead (for tests and tools). Exits 1 when a
 * stack cannot be synthesized in the working tree; a base that cannot is reported, not fatal.
 */

const USAGE = "usage: npm run synth:diff -- --base <git ref> [--json]";
const ROOT = path.resolve(__dirname, "..");
const SYNTH = path.join(ROOT, "tools", "synth.ts");

interface Side {
  side: SynthFailure["side"];
  root: string;
}

async function main(argv: string[]): Promise<number> {
  const values = parseOptions(argv, { base: { type: "string" }, json: { type: "boolean" } }, ["base"]);
  const ref = values.base!;
  let checkout;
  try {
    checkout = checkOut(ROOT, ref);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  // Interrupted, it still removes the worktree it made.
  const interrupted = () => {
    checkout.remove();
    process.exit(130);
  };
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  try {
    const base: Side = { side: "base", root: checkout.root };
    const change: Side = { side: "change", root: ROOT };
    const stacks = [...new Set([...stacksIn(base.root), ...stacksIn(change.root)])].sort();
    // A key of this run only: secrets of both sides get comparable fingerprints, never shown.
    const key = randomBytes(32).toString("hex");
    // Images are tagged with the commit they are built from; both sides get the same one, or every
    // image would show as changed by the mere fact of a new commit.
    const env = { ...process.env, [FINGERPRINT_ENV]: key, GIT_COMMIT: process.env.GIT_COMMIT || headCommit() };
    const jobs = stacks.flatMap((stack) => [base, change].filter((s) => stacksIn(s.root).includes(stack)).map((s) => ({ stack, ...s })));
    const results = await pool(jobs, os.availableParallelism(), (job) => synth(job.stack, job.root, env));

    const failures: SynthFailure[] = [];
    const doc = (stack: string, side: Side) => {
      const i = jobs.findIndex((j) => j.stack === stack && j.side === side.side);
      if (i < 0) return undefined;
      const r = results[i]!;
      if ("error" in r) failures.push({ stack, side: side.side, message: r.error });
      return "error" in r ? undefined : r.doc;
    };
    const diffs: StackDiff[] = [];
    for (const stack of stacks) {
      const [b, c] = [doc(stack, base), doc(stack, change)];
      if (failures.some((f) => f.stack === stack)) continue;
      diffs.push(diffDocuments(b, c));
    }
    const label = `${ref} (${checkout.commit.slice(0, 12)})`;
    process.stdout.write(values.json ? `${JSON.stringify({ base: checkout.commit, diffs, failures }, null, 2)}\n` : renderMarkdown(label, diffs, failures));
    return failures.some((f) => f.side === "change") ? 1 : 0;
  } finally {
    checkout.remove();
  }
}

/** Runs the synth CLI for one stack of one checkout; the error text is the CLI's stderr. */
function synth(stack: string, root: string, env: NodeJS.ProcessEnv): Promise<{ doc: SynthDocument } | { error: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", SYNTH, "--stack", stack, "--json", "--root", root], { cwd: ROOT, env, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err === null) resolve({ doc: JSON.parse(stdout) as SynthDocument });
      else resolve({ error: stderr.trim() || err.message });
    });
  });
}

function headCommit(): string {
  return execFileSync("git", ["-C", ROOT, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
}

/** Maps `items` through `fn`, at most `limit` at a time, keeping the order. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

runCli(module, USAGE, main);
