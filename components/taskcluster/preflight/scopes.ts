import { isObject } from "./jsonSchema";
import { child } from "./paths";
import { isDockerWorkerPayload, PRIORITIES } from "./taskSchema";
import type { Finding } from "./types";

/*
 * Scopes a fired hook's task needs. The hooks service calls createTask with authorizedScopes
 * `assume:hook-id:<group>/<id>`, so the hook's role must grant what the Queue asks of the creator
 * (services/queue createTask: every task scope, `queue:route:<route>` per route,
 * `queue:create-task:project:<projectId>`, `queue:scheduler-id:<schedulerId>`, and
 * `queue:create-task:<priority>:<provisionerId>/<workerType>` for the task's priority or a higher one).
 * The task itself must hold the scopes of what it uses: the branch secret, docker-worker caches.
 */

/** Taskcluster scope satisfaction: an exact match, or a granted scope ending in `*` that prefixes it. */
export function satisfies(granted: readonly string[], scope: string): boolean {
  return granted.some((g) => g === scope || (g.endsWith("*") && scope.startsWith(g.slice(0, -1))));
}

/** What the role `assume:hook-id:<hookGroupId>/<hookId>` must grant for the Queue to accept `task`. */
export function roleScopeFindings(task: Record<string, unknown>, roleScopes: readonly string[], role: string): Finding[] {
  const lacks = (path: string, scopes: string[]): Finding[] =>
    scopes.some((s) => satisfies(roleScopes, s))
      ? []
      : [{ path, message: `needs \`${scopes[0]}\`${scopes.length > 1 ? " (or the same for a higher priority)" : ""}, which the hook's role \`${role}\` does not grant` }];
  const strings = (v: unknown) => (Array.isArray(v) ? v : []).map((x, i) => [x, i] as const).filter((e): e is readonly [string, number] => typeof e[0] === "string");
  const queue = typeof task.taskQueueId === "string" ? task.taskQueueId : `${task.provisionerId}/${task.workerType}`;
  const priority = typeof task.priority === "string" && (PRIORITIES as readonly string[]).includes(task.priority) ? task.priority : "lowest";
  const allowed = PRIORITIES.slice(0, PRIORITIES.indexOf(priority as (typeof PRIORITIES)[number]) + 1).reverse();
  return [
    ...strings(task.scopes).flatMap(([s, i]) => lacks(child("task.scopes", i), [s])),
    ...strings(task.routes).flatMap(([r, i]) => lacks(child("task.routes", i), [`queue:route:${r}`])),
    ...lacks("task.projectId", [`queue:create-task:project:${typeof task.projectId === "string" ? task.projectId : "none"}`]),
    ...lacks("task.schedulerId", [`queue:scheduler-id:${typeof task.schedulerId === "string" ? task.schedulerId : "-"}`]),
    ...lacks("task.priority", allowed.map((p) => `queue:create-task:${p}:${queue}`)),
  ];
}

/** Scopes the task's own `scopes` must hold for what its payload uses. */
export function taskScopeFindings(task: Record<string, unknown>, branchSecret: string | undefined): Finding[] {
  const held = (Array.isArray(task.scopes) ? task.scopes : []).filter((s): s is string => typeof s === "string");
  const payload = isObject(task.payload) ? task.payload : {};
  const docker = isDockerWorkerPayload(payload);
  const out: Finding[] = [];
  const reader = branchSecret === undefined ? undefined : findString(payload, branchSecret, "task.payload");
  if (branchSecret !== undefined && reader !== undefined) {
    if (!satisfies(held, `secrets:get:${branchSecret}`)) {
      out.push({ path: "task.scopes", message: `lacks \`secrets:get:${branchSecret}\`, but the task reads that secret (${reader})` });
    }
    const features = isObject(payload.features) ? payload.features : {};
    if (docker && features.taskclusterProxy !== true) {
      out.push({ path: "task.payload.features.taskclusterProxy", message: `must be true: the task reads the branch secret (${reader}) through the Taskcluster proxy` });
    }
  }
  if (docker && isObject(payload.cache)) {
    for (const name of Object.keys(payload.cache)) {
      if (!satisfies(held, `docker-worker:cache:${name}`)) {
        out.push({ path: child("task.payload.cache", name), message: `needs \`docker-worker:cache:${name}\` in the task's scopes; docker-worker refuses to mount the cache without it` });
      }
    }
  }
  return out;
}

/** Path of the first string under `value` that contains `needle`. */
function findString(value: unknown, needle: string, at: string): string | undefined {
  if (typeof value === "string") return value.includes(needle) ? at : undefined;
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : isObject(value) ? Object.entries(value) : [];
  for (const [key, v] of entries) {
    const found = findString(v, needle, child(at, key));
    if (found !== undefined) return found;
  }
  return undefined;
}
