/*
 * Pulse messages preflight fires a hook with when the stack file gives none: for the Queue's task
 * exchanges, a message with the body the Queue publishes (`status`, `runId`, `task.tags`, worker
 * ids), so a template reading `payload.status.taskId` renders as it will in production; for any
 * other exchange an empty body, so a template reading a key the message may lack fails in preflight.
 */

const QUEUE_EXCHANGE = /^exchange\/taskcluster-queue\/v1\/([a-z-]+)$/;

/** Run state each Queue task exchange reports, and whether its message names the worker. */
const TASK_EXCHANGES: Record<string, { state: string; worker: boolean; run: boolean }> = {
  "task-defined": { state: "unscheduled", worker: false, run: false },
  "task-pending": { state: "pending", worker: false, run: true },
  "task-running": { state: "running", worker: true, run: true },
  "artifact-created": { state: "running", worker: true, run: true },
  "task-completed": { state: "completed", worker: true, run: true },
  "task-failed": { state: "failed", worker: true, run: true },
  "task-exception": { state: "exception", worker: true, run: true },
};

/** A sample message as the hooks service's Pulse listener receives it. */
export interface PulseMessage {
  payload: Record<string, unknown>;
  routingKey?: string;
  routes?: string[];
}

/** The message preflight uses for `exchange` when the stack file has no sample for it. */
export function defaultPulseMessage(exchange: string, now: Date): PulseMessage {
  const name = QUEUE_EXCHANGE.exec(exchange)?.[1];
  const kind = name !== undefined && Object.hasOwn(TASK_EXCHANGES, name) ? TASK_EXCHANGES[name] : undefined;
  if (kind === undefined) return { payload: {} };
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toJSON();
  const worker = { workerGroup: "us-east-1", workerId: "i-0123456789abcdef0" };
  const run = {
    runId: 0,
    state: kind.state,
    reasonCreated: "scheduled",
    scheduled: at(-1),
    ...(kind.worker ? { ...worker, started: at(-1), takenUntil: at(0.5) } : {}),
    ...(["completed", "failed", "exception"].includes(kind.state) ? { reasonResolved: kind.state, resolved: at(0) } : {}),
  };
  const status = {
    taskId: "V2SHYGeUQ0OU2VPKNJ5kNA",
    provisionerId: "proj-example",
    workerType: "ci",
    taskQueueId: "proj-example/ci",
    schedulerId: "taskcluster-github",
    projectId: "none",
    taskGroupId: "V2SHYGeUQ0OU2VPKNJ5kNA",
    deadline: at(23),
    expires: at(24 * 365),
    retriesLeft: 5,
    state: kind.state,
    runs: kind.run ? [run] : [],
  };
  return {
    payload: {
      version: 1,
      status,
      ...(kind.run ? { runId: 0 } : {}),
      ...(kind.worker ? worker : {}),
      task: { tags: {} },
      ...(name === "artifact-created" ? { artifact: { storageType: "s3", name: "public/logs/live.log", expires: at(24 * 30), contentType: "text/plain" } } : {}),
    },
  };
}

/**
 * AMQP topic matching, as Pulse applies a binding's routingKeyPattern: words split on `.`, `*` is
 * one word, `#` is zero or more words.
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  const match = (p: string[], k: string[]): boolean => {
    if (p.length === 0) return k.length === 0;
    if (p[0] === "#") return match(p.slice(1), k) || (k.length > 0 && match(p, k.slice(1)));
    return k.length > 0 && (p[0] === "*" || p[0] === k[0]) && match(p.slice(1), k.slice(1));
  };
  return match(pattern.split("."), routingKey.split("."));
}

/** True when a message reaches a binding: by its routing key, or by a CC'd route (`route.<route>`). */
export function messageMatchesBinding(pattern: string, message: PulseMessage): boolean {
  const keys = [...(message.routingKey === undefined ? [] : [message.routingKey]), ...(message.routes ?? []).map((r) => `route.${r}`)];
  return keys.some((k) => topicMatches(pattern, k));
}
