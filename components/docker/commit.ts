import { execFileSync } from "node:child_process";

/**
 * The monorepo commit an image is built from, for its tags: `GIT_COMMIT` when set (CI knows what
 * it checked out), else `git rev-parse HEAD` in `dir`, the program's folder at the monorepo root.
 */
export function gitCommit(dir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.GIT_COMMIT?.trim();
  if (fromEnv) return checked(fromEnv, "GIT_COMMIT");
  try {
    return checked(execFileSync("git", ["rev-parse", "HEAD"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim(), "`git rev-parse HEAD`");
  } catch (err) {
    if (err instanceof CommitError) throw err;
    throw new CommitError(`Cannot tag images: set GIT_COMMIT, or run in a git checkout (\`git rev-parse HEAD\` failed in ${dir}).`);
  }
}

export class CommitError extends Error {
  override name = "CommitError";
}

function checked(commit: string, source: string): string {
  if (!/^[0-9a-f]{7,64}$/.test(commit)) throw new CommitError(`Cannot tag images: ${source} gave \`${commit}\`, which is not a git commit id.`);
  return commit;
}
