import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";
import { buildPaths, gitCommit, herokuRepository, imageTag, pinned } from "../../components/docker";

describe("image names", () => {
  it("builds from src/<project> unless the stack file says otherwise", () => {
    assert.deepEqual(buildPaths("tooltool/api", undefined), { context: "src/tooltool/api", dockerfile: "src/tooltool/api/Dockerfile" });
    assert.deepEqual(buildPaths("tooltool/api", { context: "src", args: {} }), { context: "src", dockerfile: "src/Dockerfile" });
    assert.deepEqual(buildPaths("tooltool/api", { context: "src", dockerfile: "docker/tooltool.Dockerfile", args: {} }), { context: "src", dockerfile: "docker/tooltool.Dockerfile" });
  });

  it("tags with branch and short commit, prefixed by the project in a shared repository", () => {
    const commit = "0123456789abcdef0123456789abcdef01234567";
    assert.deepEqual(
      [imageTag("staging", commit), imageTag("staging", commit, "tooltool/api"), imageTag("feature/x", commit, "mapper/api"), imageTag("a".repeat(200), commit).length],
      ["staging-0123456789ab", "tooltool-api-staging-0123456789ab", "mapper-api-feature-x-0123456789ab", 128],
    );
  });

  it("names Heroku repositories per process type and pins references by digest", () => {
    const digest = `sha256:${"d".repeat(64)}`;
    assert.equal(herokuRepository("releng-staging-tooltool", "worker"), "registry.heroku.com/releng-staging-tooltool/worker");
    assert.equal(pinned("mozillareleng/services", digest), `mozillareleng/services@${digest}`);
    assert.equal(pinned("mozillareleng/services", `mozillareleng/services@${digest}`), `mozillareleng/services@${digest}`);
  });

  it("takes the commit from GIT_COMMIT, else from git, and says how to fix it otherwise", () => {
    const sha = "89abcdef0123456789abcdef0123456789abcdef";
    assert.equal(gitCommit("/nonexistent", { GIT_COMMIT: sha }), sha);
    assert.match(gitCommit(process.cwd(), {}), /^[0-9a-f]{40}$/);
    assert.throws(() => gitCommit("/nonexistent", { GIT_COMMIT: "main" }), { name: "CommitError", message: "Cannot tag images: GIT_COMMIT gave `main`, which is not a git commit id." });
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), "releng-infra-nogit-"));
    assert.throws(() => gitCommit(empty, {}), { message: `Cannot tag images: set GIT_COMMIT, or run in a git checkout (\`git rev-parse HEAD\` failed in ${empty}).` });
  });
});
