import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseStackConfig } from "../../config/stack";
import { cronProblem } from "../../components/taskcluster/cron";

describe("cronProblem", () => {
  // Schedules the Hooks service accepts: the catalogue's, and the service's own documented examples.
  for (const pattern of ["0 * * * *", "*/10 * * * *", "0 0 0 * * *", "*/15 * * * * *", "0 0 9,21 * * 1-5", "  0 3 * * 1  "]) {
    it(`accepts \`${pattern}\``, () => assert.equal(cronProblem(pattern), undefined));
  }

  // Field counts cron-parser would take but the documented form excludes.
  const cases: [string, string][] = [
    ["0 3 * *", "`0 3 * *` has 4 fields; a Taskcluster schedule has 5 (minute first), or 6 with seconds first"],
    ["@daily", "`@daily` has 1 field; a Taskcluster schedule has 5 (minute first), or 6 with seconds first"],
    ["0 0 0 * * * 2026", "`0 0 0 * * * 2026` has 7 fields; a Taskcluster schedule has 5 (minute first), or 6 with seconds first"],
    // Values cron-parser rejects, with its message.
    ["61 * * * *", "`61 * * * *` is not a valid cron pattern: Constraint error, got value 61 expected range 0-59"],
    ["0 0 25 * * *", "`0 0 25 * * *` is not a valid cron pattern: Constraint error, got value 25 expected range 0-23"],
    ["0 * * * mon-xyz", "`0 * * * mon-xyz` is not a valid cron pattern: Validation error, cannot resolve alias \"xyz\""],
  ];
  for (const [pattern, problem] of cases) {
    it(`rejects \`${pattern}\``, () => assert.equal(cronProblem(pattern), problem));
  }
});

describe("stack config with hook schedules", () => {
  it("fails early naming project and field `hooks.N.schedule.M` of each bad schedule", () => {
    const hook = { owner: "a@example.com", command: ["flask"], deadline: "4 hours", maxRunTime: 60 };
    const raw = {
      taskcluster: { rootUrl: "https://tc.example.com" },
      projects: { "tooltool/api": { hooks: [{ ...hook, schedule: ["0 * * * *"] }, { ...hook, suffix: "-b", schedule: ["0 * * * *", "0 24 * * *"] }] } },
    };
    try {
      parseStackConfig("staging", "Pulumi.staging.yaml", raw);
      assert.fail("expected a ConfigError");
    } catch (err) {
      assert.ok(err instanceof ConfigError);
      assert.equal(err.message, [
        "Stack `staging` (Pulumi.staging.yaml) has 1 configuration error:",
        "  - project `tooltool/api`, field `hooks.1.schedule.1`: `0 24 * * *` is not a valid cron pattern: Constraint error, got value 24 expected range 0-23",
      ].join("\n"));
    }
  });

  it("refuses a task queue given together with a provisioner or worker type", () => {
    const raw = {
      taskcluster: { rootUrl: "https://tc.example.com" },
      projects: { "tooltool/api": { hooks: [{ owner: "a@example.com", command: ["flask"], deadline: "4 hours", maxRunTime: 60, taskQueueId: "proj-releng/linux", workerType: "linux" }] } },
    };
    assert.throws(() => parseStackConfig("staging", "Pulumi.staging.yaml", raw), (err: ConfigError) => {
      assert.deepStrictEqual(err.problems, [{ project: "tooltool/api", field: "hooks.0.taskQueueId", message: "Only one of `taskQueueId` or `provisionerId`/`workerType` can be provided." }]);
      return true;
    });
  });
});
