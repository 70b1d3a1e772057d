import type { PreflightInputs } from "../../../components/taskcluster/preflight";

/*
 * Real catalogue hooks of the staging branch (../shared/catalogue.md), as Hooks API
 * create-hook-request bodies built on the catalogue's common task template. The static-analysis
 * env follows release-services' own template: the trigger payload is merged into env only when
 * fired by triggerHook, and a Pulse message contributes the Try task's ids (as strings).
 */

export const BRANCH_SECRET = "repo:github.com/mozilla-releng/services:branch:staging";
export const HOOK_GROUP = "project-releng";
/** When every test fires its hooks. */
export const NOW = new Date("2019-06-03T04:00:00.000Z");
const IMAGE = `mozillareleng/services@sha256:${"4f".repeat(32)}`;

export interface CatalogueHook {
  hookId: string;
  hook: Record<string, unknown>;
  inputs: PreflightInputs;
}

interface TemplateArgs {
  name: string;
  description: string;
  owner: string;
  schedule?: string[];
  bindings?: { exchange: string; routingKeyPattern: string }[];
  workerType: string;
  deadline: string;
  maxRunTime: number;
  command: string[];
  env: unknown;
  scopes: string[];
  cache?: Record<string, string>;
  artifacts?: Record<string, unknown>;
}

/** The common task template of the catalogue, as a hook body. */
function hookBody(a: TemplateArgs): Record<string, unknown> {
  return {
    metadata: { name: a.name, description: a.description, owner: a.owner, emailOnError: true },
    schedule: a.schedule ?? [],
    bindings: a.bindings ?? [],
    task: {
      provisionerId: "aws-provisioner-v1",
      workerType: a.workerType,
      schedulerId: "-",
      // 2019's `normal`; today's Queue maps it to `lowest`, which needs no extra scope.
      priority: "lowest",
      retries: 5,
      created: { $fromNow: "0 seconds" },
      deadline: { $fromNow: a.deadline },
      expires: { $fromNow: "1 month" },
      scopes: [`secrets:get:${BRANCH_SECRET}`, ...a.scopes],
      routes: [],
      payload: {
        image: IMAGE,
        command: a.command,
        maxRunTime: a.maxRunTime,
        env: a.env,
        features: { taskclusterProxy: true },
        ...(a.cache ? { cache: a.cache } : {}),
        ...(a.artifacts ? { artifacts: a.artifacts } : {}),
      },
      metadata: { name: a.name, description: a.description, owner: a.owner, source: "https://github.com/mozilla-releng/services" },
    },
    triggerSchema: { type: "object", additionalProperties: true },
  };
}

/** Scopes of `assume:hook-id:project-releng/services-staging-*`, as the hooks' roles grant them. */
export const ROLE_SCOPES = [
  "queue:create-task:lowest:aws-provisioner-v1/releng-svc*",
  "queue:create-task:project:none",
  "queue:scheduler-id:-",
  `secrets:get:${BRANCH_SECRET}`,
  "docker-worker:cache:services-staging-*",
  "queue:create-task:aws-provisioner-v1/releng-svc",
];

const inputs: PreflightInputs = { branchSecret: BRANCH_SECRET, roleScopes: ROLE_SCOPES };

export const staticAnalysisBot: CatalogueHook = {
  hookId: "services-staging-staticanalysis/bot",
  inputs,
  hook: hookBody({
    name: "Static analysis automated tests",
    description: "Static analysis of Try pushes, on branch staging",
    owner: "babadie@mozilla.com",
    bindings: [{ exchange: "exchange/taskcluster-queue/v1/task-completed", routingKeyPattern: "route.project.relman.codereview.v1.try_ending" }],
    workerType: "releng-svc",
    deadline: "2 hours",
    maxRunTime: 7200,
    command: ["/bin/static-analysis-bot", "--taskcluster-secret", BRANCH_SECRET],
    env: {
      $merge: [
        { APP_CHANNEL: "staging" },
        { $if: "firedBy == 'triggerHook'", then: { $eval: "payload" }, else: {} },
        {
          $if: "firedBy == 'pulseMessage'",
          then: { TRY_TASK_ID: { $eval: "payload.status.taskId" }, TRY_TASK_GROUP_ID: { $eval: "payload.status.taskGroupId" }, TRY_RUN_ID: "${payload.runId}" },
          else: {},
        },
      ],
    },
    scopes: ["docker-worker:cache:services-staging-static-analysis-bot"],
    cache: { "services-staging-static-analysis-bot": "/cache" },
    artifacts: { "public/results": { path: "/tmp/results", type: "directory" } },
  }),
};

export const codeCoverageBot: CatalogueHook = {
  hookId: "services-staging-codecoverage/bot",
  inputs,
  hook: hookBody({
    name: "Code coverage bot",
    description: "Daily code coverage aggregation, on branch staging",
    owner: "mcastelluccio@mozilla.com",
    schedule: ["0 0 0 * * *"],
    workerType: "releng-svc-memory",
    deadline: "4 hours",
    maxRunTime: 14400,
    command: ["/bin/code-coverage-bot", "--taskcluster-secret", BRANCH_SECRET, "--cache-root", "/cache"],
    env: { APP_CHANNEL: "staging" },
    scopes: ["docker-worker:cache:services-staging-code-coverage-bot"],
    cache: { "services-staging-code-coverage-bot": "/cache" },
  }),
};

export const tooltoolReplicate: CatalogueHook = {
  hookId: "services-staging-tooltool/api-replicate",
  inputs,
  hook: hookBody({
    name: "Tooltool replicate",
    description: "Replicates tooltool uploads across S3 regions, on branch staging",
    // The catalogue names no owner for tooltool's hooks; its team list stands in.
    owner: "release-services@mozilla.com",
    schedule: ["0 * * * *"],
    workerType: "releng-svc",
    deadline: "4 hours",
    maxRunTime: 14400,
    command: ["flask", "replicate"],
    env: { TASKCLUSTER_SECRET: BRANCH_SECRET, APP_CHANNEL: "staging" },
    scopes: ["queue:create-task:aws-provisioner-v1/releng-svc"],
  }),
};

export const CATALOGUE_HOOKS: readonly CatalogueHook[] = [staticAnalysisBot, codeCoverageBot, tooltoolReplicate];

/** A deep copy of `hook` changed by `edit`, so each case starts from the real definition. */
export function edited(hook: CatalogueHook, edit: (body: Record<string, any>) => void): Record<string, unknown> {
  const copy = structuredClone(hook.hook);
  edit(copy);
  return copy;
}
