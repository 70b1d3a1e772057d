import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import jsone from "json-e";
import { parse as parseYaml } from "yaml";
import { REPO } from "../support/synth";

/*
 * .taskcluster.yml rendered as Taskcluster-GitHub renders it: the `tasks` template with JSON-e, in a
 * context of `tasks_for`, the GitHub webhook payload as `event`, `as_slugid` and the root URL.
 */

interface Task {
  taskQueueId: string;
  created: string;
  deadline: string;
  expires: string;
  scopes: string[];
  payload: { image: string; command: string[]; features?: Record<string, boolean>; env?: Record<string, string>; artifacts?: Record<string, { path: string }> };
  metadata: { name: string; description: string; owner: string; source: string };
}

const file = parseYaml(fs.readFileSync(path.join(REPO, ".taskcluster.yml"), "utf8")) as { version: number; policy: { pullRequests: string }; tasks: unknown };
const BASE = "b".repeat(40);
const HEAD = "a".repeat(40);
const CLONE = "https://github.com/mozilla-releng/services.git";

function render(tasksFor: string, event: Record<string, unknown>): Task[] {
  return jsone(file.tasks as Record<string, unknown>, { tasks_for: tasksFor, event, as_slugid: (label: string) => `slug-${label}`, taskcluster_root_url: "https://tc.example.com" }) as Task[];
}
const pullRequest = (action: string) =>
  render("github-pull-request", { action, pull_request: { number: 42, base: { sha: BASE, repo: { clone_url: CLONE } }, head: { sha: HEAD, repo: { clone_url: "https://github.com/someone/services.git" } }, user: { login: "contributor" } } });
const push = (ref: string) => render("github-push", { ref, after: HEAD, repository: { clone_url: CLONE }, pusher: { email: "releng@example.com" } });

/** The shell steps of a task's `bash -c` command, in order. */
function steps(task: Task): string[] {
  assert.deepEqual(task.payload.command.slice(0, 2), ["/bin/bash", "-c"]);
  return task.payload.command[2]!.split(/ && |; /).map((s) => s.trim());
}

describe(".taskcluster.yml", () => {
  it("is a version 1 file whose pull requests run for everyone (the pull-request task holds no scope)", () => {
    assert.equal(file.version, 1);
    assert.deepEqual(file.policy, { pullRequests: "public" });
  });

  it("on a pull request: one task with no scope that tests, then previews offline against the base commit", () => {
    const tasks = pullRequest("synchronize");
    assert.equal(tasks.length, 1);
    const [task] = tasks as [Task];
    assert.deepEqual(task.scopes, []);
    assert.deepEqual(steps(task), [
      "set -euo pipefail",
      `git clone --quiet ${CLONE} /tmp/src`,
      "cd /tmp/src",
      "git fetch --quiet origin refs/pull/42/head",
      `git checkout --quiet ${HEAD}`,
      "npm ci --no-audit --no-fund",
      "npm test",
      `npm run --silent synth:diff -- --base ${BASE} | tee /tmp/synth-diff.md`,
      "bash .ci/preview",
    ]);
    assert.equal(task.payload.artifacts?.["public/github/customCheckRunText.md"]?.path, "/tmp/synth-diff.md");
    assert.equal(task.metadata.owner, "contributor@users.noreply.github.com");
    assert.ok(task.created < task.deadline && task.deadline < task.expires);
  });

  it("creates nothing for other pull-request actions or for tags", () => {
    assert.deepEqual(pullRequest("closed"), []);
    assert.deepEqual(pullRequest("labeled"), []);
    assert.deepEqual(push("refs/tags/v1.0.0"), []);
  });

  for (const [branch, other] of [["staging", "production"], ["production", "staging"]] as const) {
    it(`on a push to ${branch}: tests, then pulumi up of ${branch} only, with ${branch}'s scopes only`, () => {
      const tasks = push(`refs/heads/${branch}`);
      assert.equal(tasks.length, 1);
      const [task] = tasks as [Task];
      assert.deepEqual(task.scopes, [
        `secrets:get:repo:github.com/mozilla-releng/services:branch:${branch}`,
        `hooks:modify-hook:project-releng/services-${branch}-*`,
        `assume:hook-id:project-releng/services-${branch}-*`,
      ]);
      assert.ok(!JSON.stringify(task).includes(other), `nothing of ${other} in the ${branch} deploy`);
      assert.deepEqual(steps(task).slice(-3), ["npm ci --no-audit --no-fund", "npm test", `bash .ci/deploy ${branch}`]);
      assert.deepEqual(task.payload.features, { taskclusterProxy: true });
      assert.deepEqual(task.payload.env, { BRANCH_SECRET: `repo:github.com/mozilla-releng/services:branch:${branch}` });
      assert.equal(task.metadata.owner, "releng@example.com");
    });
  }

  it("on a push to another branch: tests only, with no scope", () => {
    const tasks = push("refs/heads/main");
    assert.equal(tasks.length, 1);
    assert.deepEqual(tasks[0]!.scopes, []);
    assert.deepEqual(steps(tasks[0]!).slice(-2), ["npm ci --no-audit --no-fund", "npm test"]);
  });
});
