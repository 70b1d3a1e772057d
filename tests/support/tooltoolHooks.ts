/*
 * The catalogue's tooltool/api hooks on staging as the builder must produce them, written out by
 * hand (the expected value of builder and program tests, never computed by the code under test).
 */

/** One of them. */
export interface TooltoolHookCase {
  hookId: string;
  schedule: string;
  command: string[];
  owner: string;
  image: string;
}

const SECRET = "repo:github.com/mozilla-releng/services:branch:staging";

/** The full create-hook-request body of a staging tooltool/api hook. */
export function expectedTooltoolHook({ hookId, schedule, command, owner, image }: TooltoolHookCase): Record<string, unknown> {
  const metadata = { name: hookId, description: "Task of tooltool/api on branch staging, deployed by releng-infra.", owner };
  return {
    metadata: { ...metadata, emailOnError: true },
    schedule: [schedule],
    bindings: [],
    triggerSchema: { type: "object", additionalProperties: true },
    task: {
      provisionerId: "aws-provisioner-v1",
      workerType: "releng-svc",
      schedulerId: "-",
      priority: "lowest",
      retries: 5,
      created: { $fromNow: "0 seconds" },
      deadline: { $fromNow: "4 hours" },
      expires: { $fromNow: "1 month" },
      scopes: [`secrets:get:${SECRET}`, "queue:create-task:aws-provisioner-v1/releng-svc"],
      routes: [],
      payload: { image, command, maxRunTime: 14400, env: { TASKCLUSTER_SECRET: SECRET }, features: { taskclusterProxy: true } },
      metadata: { ...metadata, source: "https://github.com/mozilla-releng/services" },
    },
  };
}
