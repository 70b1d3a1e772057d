/*
 * What the Queue's createTask accepts (queue/v1/create-task-request + task + task-metadata, with the
 * Queue's constants) and what docker-worker accepts as a payload (docker-worker/v1/payload), as
 * JSON-schema subsets for ./jsonSchema. Rules that are not schema (times, task queue, scopes) live in
 * ./taskChecks and ./scopes.
 */

/** Task priorities, highest first; a scope for one priority also allows the lower ones. */
export const PRIORITIES = ["highest", "very-high", "high", "medium", "low", "very-low", "lowest"] as const;

export const PATTERNS = {
  provisionerId: "^[a-zA-Z0-9-_]{1,38}$",
  workerType: "^[a-z]([-a-z0-9]{0,36}[a-z0-9])?$",
  taskQueueId: "^[a-zA-Z0-9-_]{1,38}/[a-z]([-a-z0-9]{0,36}[a-z0-9])?$",
  identifier: "^([a-zA-Z0-9-_]*)$",
  projectId: "^([a-zA-Z0-9._/-]*)$",
  slugid: "^[A-Za-z0-9_-]{8}[Q-T][A-Za-z0-9_-][CGKOSWaeimquy26-][A-Za-z0-9_-]{10}[AQgw]$",
  scope: "^[\\x20-\\x7e]*$",
  source: "^(https?:\\/\\/|ssh:\\/\\/|git@)",
};

const dateTime = { type: "string", format: "date-time" };
const slugid = { type: "string", pattern: PATTERNS.slugid };

export const TASK_SCHEMA = {
  type: "object",
  additionalProperties: false,
  // `created` and `deadline` are required too: ./taskChecks reports them, with how hooks set them.
  required: ["payload", "metadata"],
  properties: {
    provisionerId: { type: "string", pattern: PATTERNS.provisionerId },
    workerType: { type: "string", pattern: PATTERNS.workerType },
    taskQueueId: { type: "string", pattern: PATTERNS.taskQueueId },
    schedulerId: { type: "string", minLength: 1, maxLength: 38, pattern: PATTERNS.identifier },
    projectId: { type: "string", minLength: 1, maxLength: 500, pattern: PATTERNS.projectId },
    taskGroupId: slugid,
    dependencies: { type: "array", items: slugid, maxItems: 10000, uniqueItems: true },
    requires: { type: "string", enum: ["all-completed", "all-resolved"] },
    routes: { type: "array", items: { type: "string", minLength: 1, maxLength: 249 }, maxItems: 64, uniqueItems: true },
    priority: { type: "string", enum: [...PRIORITIES] },
    retries: { type: "integer", minimum: 0, maximum: 49 },
    created: dateTime,
    deadline: dateTime,
    expires: dateTime,
    scopes: { type: "array", items: { type: "string", pattern: PATTERNS.scope } },
    payload: { type: "object" },
    metadata: {
      type: "object",
      additionalProperties: false,
      required: ["name", "description", "owner", "source"],
      properties: {
        name: { type: "string", maxLength: 255 },
        description: { type: "string", maxLength: 32768 },
        owner: { type: "string", maxLength: 255 },
        source: { type: "string", maxLength: 4096, pattern: PATTERNS.source },
      },
    },
    tags: { type: "object", additionalProperties: { type: "string", maxLength: 4096 } },
    extra: { type: "object" },
  },
};

const flag = { type: "boolean" };

/** docker-worker's payload; `command` is required here too, since a hook's task always names one. */
export const DOCKER_WORKER_PAYLOAD_SCHEMA = {
  type: "object",
  additionalProperties: false,
  required: ["image", "command", "maxRunTime"],
  properties: {
    log: { type: "string" },
    image: {
      anyOf: [
        { type: "string", minLength: 1 },
        { type: "object", required: ["type"], properties: { type: { enum: ["docker-image", "indexed-image", "task-image"] } } },
      ],
    },
    cache: { type: "object", additionalProperties: { type: "string" } },
    capabilities: {
      type: "object",
      additionalProperties: false,
      properties: { privileged: flag, disableSeccomp: flag, devices: { type: "object", additionalProperties: flag } },
    },
    command: { type: "array", items: { type: "string" } },
    env: { type: "object", additionalProperties: { type: "string" } },
    maxRunTime: { type: "integer", minimum: 1 },
    onExitStatus: {
      type: "object",
      additionalProperties: false,
      properties: { retry: { type: "array", items: { type: "integer" } }, purgeCaches: { type: "array", items: { type: "integer" } } },
    },
    artifacts: {
      type: "object",
      additionalProperties: {
        type: "object",
        additionalProperties: false,
        required: ["type", "path"],
        properties: { type: { type: "string", enum: ["file", "directory", "volume"] }, path: { type: "string" }, expires: dateTime },
      },
    },
    supersederUrl: { type: "string" },
    features: {
      type: "object",
      additionalProperties: false,
      properties: Object.fromEntries(
        ["localLiveLog", "bulkLog", "taskclusterProxy", "artifacts", "dind", "dockerSave", "interactive", "allowPtrace", "chainOfTrust"].map((f) => [f, flag]),
      ),
    },
  },
};

/**
 * True unless the payload is plainly generic-worker's (commands as arrays of arguments, `mounts`,
 * `osGroups`, artifacts as a list). releng-infra's hooks run on docker-worker pools.
 */
export function isDockerWorkerPayload(payload: Record<string, unknown>): boolean {
  const command = payload.command;
  const genericCommand = Array.isArray(command) && command.length > 0 && command.every(Array.isArray);
  return !genericCommand && !("mounts" in payload) && !("osGroups" in payload) && !Array.isArray(payload.artifacts);
}
