import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseStackConfig, type StackConfig } from "../../config/stack";
import { buildHook, type BuiltHook } from "../../components/taskcluster/hookDefinition";
import { expectedTooltoolHook } from "../support/tooltoolHooks";

const IMAGE = `mozillareleng/services@sha256:${"a".repeat(64)}`;

/** A branch whose only project declares `hooks`, through the real config parser (defaults included). */
function branch(stack: string, project: string, hooks: unknown[], taskcluster: Record<string, unknown> = {}): StackConfig {
  return parseStackConfig(stack, `Pulumi.${stack}.yaml`, {
    taskcluster: { rootUrl: "https://tc.example.com", ...taskcluster },
    projects: { [project]: { hooks } },
  });
}

function build(stack: string, project: string, hook: Record<string, unknown>, taskcluster?: Record<string, unknown>): BuiltHook {
  const config = branch(stack, project, [hook], taskcluster);
  return buildHook(project, config.projects[0]!.hooks[0]!, config, IMAGE);
}

const TOOLTOOL = { owner: "releng@mozilla.com", env: { TASKCLUSTER_SECRET: "{secret}" }, deadline: "4 hours", maxRunTime: 14400, scopes: ["queue:create-task:aws-provisioner-v1/releng-svc"] };

describe("buildHook, on the catalogue's hooks", () => {
  const tooltool: [string, string, string, string[]][] = [
    ["-replicate", "0 * * * *", "hourly", ["flask", "replicate"]],
    ["-check_pending_uploads", "*/10 * * * *", "every ten minutes", ["flask", "check-pending-uploads"]],
  ];
  for (const [suffix, schedule, when, command] of tooltool) {
    it(`tooltool/api ${suffix}: ${when}, the branch secret in env and as a scope`, () => {
      const hookId = `services-staging-tooltool/api${suffix}`;
      assert.deepStrictEqual(build("staging", "tooltool/api", { ...TOOLTOOL, suffix, schedule: [schedule], command }), {
        hookGroupId: "project-releng",
        hookId,
        hook: expectedTooltoolHook({ hookId, schedule, command, owner: TOOLTOOL.owner, image: IMAGE }),
      });
    });
  }

  it("staticanalysis/bot on production: Pulse binding, cache and its scope, artifacts, payload merged into env", () => {
    const built = build("production", "staticanalysis/bot", {
      owner: "babadie@mozilla.com",
      bindings: [{ exchange: "exchange/taskcluster-queue/v1/task-completed", routingKeyPattern: "route.project.relman.codereview.v1.try_ending" }],
      command: ["/bin/static-analysis-bot", "--taskcluster-secret", "{secret}"],
      env: { APP_CHANNEL: "{branch}" },
      mergePayloadIntoEnv: true,
      cache: { name: "services-{branch}-static-analysis-bot", path: "/cache" },
      artifacts: { "public/results": { path: "/tmp/results" } },
      workerType: "releng-svc-prod",
      deadline: "2 hours",
      maxRunTime: 7200,
    });
    const secret = "repo:github.com/mozilla-releng/services:branch:production";
    assert.equal(built.hookId, "services-production-staticanalysis/bot");
    assert.deepStrictEqual(built.hook.bindings, [{ exchange: "exchange/taskcluster-queue/v1/task-completed", routingKeyPattern: "route.project.relman.codereview.v1.try_ending" }]);
    assert.deepStrictEqual(built.hook.schedule, []);
    assert.equal(built.hook.task.workerType, "releng-svc-prod");
    assert.deepStrictEqual(built.hook.task.scopes, [`secrets:get:${secret}`, "docker-worker:cache:services-production-static-analysis-bot"]);
    assert.deepStrictEqual(built.hook.task.payload, {
      image: IMAGE,
      command: ["/bin/static-analysis-bot", "--taskcluster-secret", secret],
      maxRunTime: 7200,
      env: { $merge: [{ APP_CHANNEL: "production" }, { $if: "firedBy == 'triggerHook'", then: { $eval: "payload" }, else: {} }] },
      cache: { "services-production-static-analysis-bot": "/cache" },
      artifacts: { "public/results": { type: "directory", path: "/tmp/results" } },
      features: { taskclusterProxy: true },
    });
  });

  it("codecoverage/bot: six-field daily schedule, its own worker type, an explicit name and description", () => {
    const built = build("staging", "codecoverage/bot", {
      owner: "mcastelluccio@mozilla.com",
      name: "Code coverage bot",
      description: "Aggregates coverage of mozilla-central",
      schedule: ["0 0 0 * * *"],
      command: ["/bin/code-coverage-bot", "--taskcluster-secret", "{secret}", "--cache-root", "/cache"],
      cache: { name: "services-{branch}-code-coverage-bot", path: "/cache" },
      workerType: "releng-svc-memory",
      deadline: "4 hours",
      maxRunTime: 14400,
      emailOnError: false,
    });
    assert.deepStrictEqual(built.hook.metadata, { name: "Code coverage bot", description: "Aggregates coverage of mozilla-central", owner: "mcastelluccio@mozilla.com", emailOnError: false });
    assert.deepStrictEqual(built.hook.task.metadata, { name: "Code coverage bot", description: "Aggregates coverage of mozilla-central", owner: "mcastelluccio@mozilla.com", source: "https://github.com/mozilla-releng/services" });
    assert.equal(built.hook.task.workerType, "releng-svc-memory");
    assert.deepStrictEqual(built.hook.schedule, ["0 0 0 * * *"]);
  });
});

describe("buildHook, branch settings", () => {
  it("takes group, prefix, secret and task defaults from the branch, and a task queue instead of the pair", () => {
    const built = build("staging", "tooltool/api", { ...TOOLTOOL, command: ["flask"], taskQueueId: "proj-releng/linux", priority: "high", retries: 0, expires: "1 year", routes: ["index.a", "index.a"] }, {
      hookGroupId: "project-test",
      hookPrefix: "test-",
      secret: "project/releng/test",
      hookDefaults: { expires: "2 weeks" },
    });
    assert.deepStrictEqual([built.hookGroupId, built.hookId], ["project-test", "test-tooltool/api"]);
    const { taskQueueId, provisionerId, workerType, priority, retries, expires, routes, scopes } = built.hook.task;
    assert.deepStrictEqual(
      { taskQueueId, provisionerId, workerType, priority, retries, expires, routes, scopes },
      { taskQueueId: "proj-releng/linux", provisionerId: undefined, workerType: undefined, priority: "high", retries: 0, expires: { $fromNow: "1 year" }, routes: ["index.a"], scopes: ["secrets:get:project/releng/test", "queue:create-task:aws-provisioner-v1/releng-svc"] },
    );
  });

  it("gives every hook of a branch a distinct id", () => {
    const config = branch("staging", "tooltool/api", [
      { ...TOOLTOOL, suffix: "-replicate", command: ["a"] },
      { ...TOOLTOOL, suffix: "-check_pending_uploads", command: ["b"] },
      { ...TOOLTOOL, command: ["c"] },
    ]);
    const ids = config.projects[0]!.hooks.map((hook) => buildHook("tooltool/api", hook, config, IMAGE).hookId);
    assert.deepStrictEqual(ids, config.projects[0]!.hookIds);
    assert.equal(new Set(ids).size, 3);
  });
});
