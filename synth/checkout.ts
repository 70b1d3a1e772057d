import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/*
 * The program as it is at another git ref, checked out into a temporary worktree that shares this
 * checkout's node_modules (so the base is evaluated with today's dependencies: a pull request that
 * upgrades a package previews its effect only on the change side).
 */

export interface Checkout {
  /** The folder holding the program at that ref (the repository root, or the same sub-folder). */
  root: string;
  /** The full commit id the ref resolved to. */
  commit: string;
  /** Removes the worktree; safe to call twice. */
  remove(): void;
}

/** Checks `ref` out beside `root` (a folder of a git work tree). Throws naming the ref if unknown. */
export function checkOut(root: string, ref: string): Checkout {
  const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  let commit: string;
  try {
    commit = git("rev-parse", "--verify", "--quiet", `${ref}^{commit}`);
  } catch {
    throw new Error(`--base \`${ref}\` is not a commit of the repository at ${root} (fetch it first, e.g. \`git fetch origin ${ref}\`)`);
  }
  const prefix = git("rev-parse", "--show-prefix");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "releng-infra-base-"));
  const tree = path.join(tmp, "tree");
  git("worktree", "add", "--detach", "--quiet", tree, commit);
  const base = path.join(tree, prefix);
  const modules = path.join(root, "node_modules");
  const link = path.join(base, "node_modules");
  const linked = fs.existsSync(modules) && !fs.existsSync(link);
  if (linked) fs.symlinkSync(fs.realpathSync(modules), link, "dir");
  let removed = false;
  return {
    root: base,
    commit,
    remove() {
      if (removed) return;
      removed = true;
      // Unlink first, so nothing below can ever walk into the shared node_modules.
      if (linked) fs.unlinkSync(link);
      try {
        git("worktree", "remove", "--force", tree);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
        git("worktree", "prune");
      }
    },
  };
}

/** Branches with a `Pulumi.<branch>.yaml` in `dir`, sorted. */
export function stacksIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1] ?? [])
    .sort();
}
