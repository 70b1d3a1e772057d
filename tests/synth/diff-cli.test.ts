import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { copyOfThisRepo, type TempRepo } from "../support/gitRepo";
import { runTool, type ToolResult } from "../support/synth";

describe("npm run synth:diff in a repository", () => {
  let repo: TempRepo;
  let result: ToolResult;
  let base: string;

  before(async () => {
    repo = copyOfThisRepo();
    base = repo.git("rev-parse", "HEAD");
    repo.write(
      "Pulumi.testing.yaml",
      ["config:", "  releng-infra:taskcluster:", "    rootUrl: https://tc.example.com", "  releng-infra:aws:", "    zones:", "      testing.mozilla-releng.net: {}", "  releng-infra:projects:", "    mapper/api:", "      heroku:", "        app: releng-testing-mapper", ""].join("\n"),
    );
    repo.git("add", "Pulumi.testing.yaml");
    repo.git("commit", "-q", "-m", "testing branch");
    // Uncommitted: the working tree is what is compared with the base.
    repo.write("Pulumi.production.yaml", `${repo.read("Pulumi.production.yaml")}  releng-infra:protekt: true\n`);
    result = await runTool("synth-diff", ["--base", "HEAD~1"], { cwd: repo.dir });
  });
  after(() => repo.remove());

  it("fails when a stack cannot be synthesized in the working tree, with the program's message", () => {
    assert.equal(result.code, 1, result.stderr);
    assert.ok(result.stdout.startsWith(`## Offline preview against \`HEAD~1 (${base.slice(0, 12)})\`\n`), result.stdout);
    assert.ok(result.stdout.includes("| `production` (not synthesized, see below) |  |  |  |  |\n"), result.stdout);
    assert.ok(
      result.stdout.includes(
        [
          "> **`production` could not be synthesized at the change:**",
          ">",
          "> ```",
          "> Stack `production` (Pulumi.production.yaml) has 1 configuration error:",
          ">   - field `protekt`: is not a known setting (check its spelling and indentation)",
          "> ```",
        ].join("\n"),
      ),
      result.stdout,
    );
  });

  it("shows a new stack file as a new stack whose resources are all added, and an untouched stack as unchanged across commits", () => {
    assert.match(result.stdout, /\n\| `testing` \(new\) \|  \|  \| \d+ \|  \|\n/);
    assert.ok(result.stdout.includes("### `testing`\n\nNew stack file: everything below is created.\n\n#### Added\n"), result.stdout);
    assert.ok(result.stdout.includes("\n- **`releng-infra-testing`** (`pulumi:pulumi:Stack`)\n"), result.stdout);
    assert.ok(result.stdout.includes("### `staging`\n\nNo changes.\n"), result.stdout);
  });

  it("leaves no worktree behind", () => {
    assert.deepEqual(repo.git("worktree", "list", "--porcelain").split("\n").filter((l) => l.startsWith("worktree ")), [`worktree ${repo.dir}`]);
  });

  it("refuses a base that is not a commit, before synthesizing anything", async () => {
    const bad = await runTool("synth-diff", ["--base", "no-such-ref"], { cwd: repo.dir });
    assert.deepEqual(bad, { code: 2, stdout: "", stderr: `--base \`no-such-ref\` is not a commit of the repository at ${repo.dir} (fetch it first, e.g. \`git fetch origin no-such-ref\`)\n` });
  });
});
