import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO } from "./synth";

/*
 * A throw-away git repository holding a copy of this checkout (tracked and untracked, not ignored
 * files) and a link to its node_modules, committed once: the base that synth:diff tests change.
 */

export interface TempRepo {
  dir: string;
  git(...args: string[]): string;
  write(file: string, text: string): void;
  read(file: string): string;
  /** Deletes the copy (the node_modules link first, so nothing can reach the shared folder). */
  remove(): void;
}

export function copyOfThisRepo(): TempRepo {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "releng-infra-repo-"));
  const files = execFileSync("git", ["-C", REPO, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], { encoding: "utf8" }).split("\0").filter((f) => f !== "" && f !== "node_modules");
  for (const f of files) {
    if (!fs.existsSync(path.join(REPO, f))) continue;
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(path.join(REPO, f), path.join(dir, f));
  }
  fs.symlinkSync(fs.realpathSync(path.join(REPO, "node_modules")), path.join(dir, "node_modules"), "dir");
  const git = (...args: string[]) => execFileSync("git", ["-C", dir, "-c", "user.name=test", "-c", "user.email=test@releng-infra.invalid", ...args], { encoding: "utf8" }).trim();
  git("init", "-q", "-b", "main");
  // The link is a file to git, which `node_modules/` in .gitignore does not cover.
  fs.appendFileSync(path.join(dir, ".git", "info", "exclude"), "node_modules\n");
  git("add", "-A");
  git("commit", "-q", "-m", "base");
  return {
    dir,
    git,
    write: (file, text) => fs.writeFileSync(path.join(dir, file), text),
    read: (file) => fs.readFileSync(path.join(dir, file), "utf8"),
    remove: () => {
      fs.unlinkSync(path.join(dir, "node_modules"));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
