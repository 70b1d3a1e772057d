import { isObject, validate } from "./jsonSchema";
import { child } from "./paths";
import { duration } from "./words";
import { DOCKER_WORKER_PAYLOAD_SCHEMA, isDockerWorkerPayload, TASK_SCHEMA } from "./taskSchema";
import type { Finding } from "./types";

/*
 * A rendered task checked as Queue.createTask checks it (services/queue/src/api.js: schema, then
 * task queue, then `patchAndValidateTaskDef`'s times) and, for docker-worker payloads, as the worker
 * validates its payload. `now` is when the hook fires; the Queue allows 15 minutes of clock drift.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const DRIFT = 15 * MINUTE;
const MAX_DEADLINE = 5 * DAY;

/**
 * What the Queue refuses before it looks at scopes: the schema (`created` and `deadline` aside, see
 * checkTimes), the task queue and scopes ending in `**`. A task that passes has a well-formed
 * `provisionerId`/`workerType`/`taskQueueId`, `routes` and `scopes` for the scope checks.
 */
export function inputFindings(task: Record<string, unknown>): Finding[] {
  return [
    ...validate(TASK_SCHEMA, task, "task"),
    ...checkTaskQueue(task),
    ...(Array.isArray(task.scopes) ? task.scopes : []).flatMap((s, i) =>
      typeof s === "string" && s.endsWith("**") ? [{ path: child("task.scopes", i), message: "must not end with `**`" }] : [],
    ),
  ];
}

/** The Queue's rules on times, and docker-worker's on its payload. */
export function timeAndPayloadFindings(task: Record<string, unknown>, now: Date): Finding[] {
  return [...checkTimes(task, now), ...(isObject(task.payload) && isDockerWorkerPayload(task.payload) ? checkDockerWorker(task.payload, task) : [])];
}

function checkTimes(task: Record<string, unknown>, now: Date): Finding[] {
  const out: Finding[] = [];
  for (const field of ["created", "deadline"]) {
    if (!(field in task)) {
      out.push({ path: `task.${field}`, message: "is required: set it with `{$fromNow: ...}` (the hooks service's fallback for a missing one is deprecated)" });
    }
  }
  const created = time(task.created);
  const deadline = time(task.deadline);
  if (created === undefined || deadline === undefined) return out;
  const fires = now.getTime();
  if (Math.abs(created - fires) > DRIFT) {
    out.push({ path: "task.created", message: `is ${duration(created - fires)} from when the hook fires; the Queue allows at most 15 minutes either way (use \`{$fromNow: '0 seconds'}\`)` });
  }
  if (deadline < created) out.push({ path: "task.deadline", message: "is before `created`" });
  else if (deadline < fires) out.push({ path: "task.deadline", message: "is in the past when the hook fires" });
  else if (deadline - fires > MAX_DEADLINE + DRIFT) {
    out.push({ path: "task.deadline", message: `is ${duration(deadline - fires)} after the hook fires; the Queue accepts at most 5 days` });
  }
  const expires = time(task.expires);
  if (expires !== undefined && expires < deadline) out.push({ path: "task.expires", message: "is before `deadline`; the Queue requires a task to expire no earlier than its deadline" });
  return out;
}

function checkTaskQueue(task: Record<string, unknown>): Finding[] {
  const { provisionerId, workerType, taskQueueId } = task;
  if (provisionerId !== undefined && workerType !== undefined && taskQueueId !== undefined && `${provisionerId}/${workerType}` !== taskQueueId) {
    return [{ path: "task.taskQueueId", message: "must equal `<provisionerId>/<workerType>` when all three are given" }];
  }
  if (taskQueueId === undefined && (provisionerId === undefined || workerType === undefined)) {
    return [{ path: "task.taskQueueId", message: "is missing: a task needs a task queue, `taskQueueId` or both `provisionerId` and `workerType`" }];
  }
  return [];
}

function checkDockerWorker(payload: Record<string, unknown>, task: Record<string, unknown>): Finding[] {
  const out = validate(DOCKER_WORKER_PAYLOAD_SCHEMA, payload, "task.payload");
  // The Queue refuses an artifact that outlives its task; an absent task `expires` is deadline + 1 year.
  const deadline = time(task.deadline);
  const taskExpires = time(task.expires) ?? (deadline === undefined ? undefined : deadline + 365 * DAY);
  if (isObject(payload.artifacts) && taskExpires !== undefined) {
    for (const [name, artifact] of Object.entries(payload.artifacts)) {
      const expires = isObject(artifact) ? time(artifact.expires) : undefined;
      if (expires !== undefined && expires > taskExpires) {
        out.push({ path: child(child("task.payload.artifacts", name), "expires"), message: "is after the task expires; an artifact must expire no later than its task" });
      }
    }
  }
  return out;
}

/** Milliseconds of a date-time string, or undefined (the schema check reports a bad one). */
function time(v: unknown): number | undefined {
  if (typeof v !== "string") return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}
