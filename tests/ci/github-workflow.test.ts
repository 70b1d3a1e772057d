import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { parse as parseYaml } from "yaml";
import { REPO } from "../support/synth";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  environment?: string;
  strategy?: { matrix: Record<string, unknown[]> };
  concurrency?: { group: string; "cancel-in-progress": boolean };
  permissions?: Record<string, string>;
  steps: Step[];
}

const workflow = parseYaml(fs.readFileSync(path.join(REPO, ".github", "workflows", "infrastructure.yml"), "utf8")) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, Job> };
const runs = (job: Job) => job.steps.flatMap((s) => (s.run === undefined ? [] : s.run.trim().split("\n").map((l) => l.trim())));
const pulumiStep = (job: Job) => {
  const steps = job.steps.filter((s) => s.uses?.startsWith("pulumi/actions@"));
  assert.equal(steps.length, 1);
  return steps[0]!;
};

describe("the GitHub Actions workflow", () => {
  it("runs on pull requests and on pushes to staging and production only, reading the repository by default", () => {
    assert.deepEqual(workflow.on, { pull_request: null, push: { branches: ["staging", "production"] } });
    assert.deepEqual(workflow.permissions, { contents: "read" });
  });

  it("on a pull request: tests, then the offline preview against the base commit, commented on the pull request", () => {
    const job = workflow.jobs["offline-preview"]!;
    assert.equal(job.if, "github.event_name == 'pull_request'");
    const commands = runs(job);
    const order = ["npm ci --no-audit --no-fund", "npm test", "npm run --silent synth:diff -- --base ${{ github.event.pull_request.base.sha }} | tee synth-diff.md"].map((c) => commands.indexOf(c));
    assert.ok(order.every((i, n) => i >= 0 && (n === 0 || i > order[n - 1]!)), JSON.stringify(commands));
    assert.ok(commands.includes("set -o pipefail"), "a failing synth:diff fails the job despite tee");
    assert.ok(commands.some((c) => c.startsWith("gh pr comment ${{ github.event.pull_request.number }} --body-file synth-diff.md")));
  });

  it("on a pull request from this repository: pulumi preview of each stack, commented, with preview credentials only", () => {
    const job = workflow.jobs.preview!;
    assert.equal(job.if, "github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository");
    assert.deepEqual(job.strategy?.matrix, { stack: ["staging", "production"] });
    assert.equal(job.environment, "${{ matrix.stack }}-preview");
    const step = pulumiStep(job);
    assert.deepEqual([step.with?.command, step.with?.["stack-name"], step.with?.["comment-on-pr"], step.with?.diff], ["preview", "${{ matrix.stack }}", true, true]);
  });

  it("on a push to staging or production: tests, then pulumi up of that branch, with that branch's environment", () => {
    const job = workflow.jobs.deploy!;
    assert.equal(job.if, "github.event_name == 'push' && (github.ref_name == 'staging' || github.ref_name == 'production')");
    assert.equal(job.environment, "${{ github.ref_name }}");
    assert.deepEqual(job.concurrency, { group: "deploy-${{ github.ref_name }}", "cancel-in-progress": false });
    const step = pulumiStep(job);
    assert.deepEqual([step.with?.command, step.with?.["stack-name"]], ["up", "${{ github.ref_name }}"]);
    const testAt = job.steps.findIndex((s) => s.run === "npm test");
    assert.ok(testAt >= 0 && testAt < job.steps.indexOf(step), "tests run before the deploy");
  });

  it("gives deploy credentials to the deploy job only", () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const env = job.steps.flatMap((s) => Object.keys(s.env ?? {}));
      assert.equal(env.includes("HEROKU_API_KEY"), name === "deploy", name);
      if (name !== "deploy") assert.ok(job.environment === undefined || job.environment.endsWith("-preview"), name);
    }
  });
});

