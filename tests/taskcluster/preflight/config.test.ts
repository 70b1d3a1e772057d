import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseStackConfig } from "../../../config/stack";

describe("preflight samples in the stack file", () => {
  const withSample = (sample: Record<string, unknown>) => () =>
    parseStackConfig("staging", "Pulumi.staging.yaml", {
      taskcluster: { rootUrl: "https://tc.example.com" },
      projects: {
        "staticanalysis/bot": {
          hooks: [
            {
              owner: "babadie@mozilla.com",
              command: ["/bin/static-analysis-bot"],
              maxRunTime: 7200,
              deadline: "2 hours",
              bindings: [{ exchange: "exchange/taskcluster-queue/v1/task-completed", routingKeyPattern: "route.project.relman.codereview.v1.try_ending" }],
              samplePulseMessages: { "exchange/taskcluster-queue/v1/task-completed": sample },
            },
          ],
        },
      },
    });

  it("take a Pulse message as the hooks service receives it", () => {
    const config = withSample({ payload: { runId: 0 }, routes: ["project.relman.codereview.v1.try_ending"] })();
    assert.deepStrictEqual(config.projects[0]!.hooks[0]!.samplePulseMessages, {
      "exchange/taskcluster-queue/v1/task-completed": { payload: { runId: 0 }, routes: ["project.relman.codereview.v1.try_ending"] },
    });
  });

  it("refuse a bare message body, naming the project and the field", () => {
    assert.throws(withSample({ status: {} }), {
      name: "ConfigError",
      message: [
        "Stack `staging` (Pulumi.staging.yaml) has 2 configuration errors:",
        "  - project `staticanalysis/bot`, field `hooks.0.samplePulseMessages.exchange/taskcluster-queue/v1/task-completed.payload`: is required (record)",
        "  - project `staticanalysis/bot`, field `hooks.0.samplePulseMessages.exchange/taskcluster-queue/v1/task-completed.status`: is not a known setting (check its spelling and indentation)",
      ].join("\n"),
    });
  });
});
