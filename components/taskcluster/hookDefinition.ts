import type * as pulumi from "@pulumi/pulumi";
import type { HookConfig, StackConfig } from "../../config";
import { hookId as makeHookId } from "../../config/names";

/*
 * The successor of the Nix `mkTaskclusterHook`: a project's hook config, the branch's Taskcluster
 * settings and the project's image become the body of Hooks.createHook / updateHook
 * (`create-hook-request`), whose `task` is a JSON-e template the service renders at each fire.
 */

/** The body of createHook / updateHook, with exactly the API's fields. */
export interface HookRequest {
  metadata: { name: string; description: string; owner: string; emailOnError: boolean };
  schedule: string[];
  bindings: { exchange: string; routingKeyPattern: string }[];
  triggerSchema: Record<string, unknown>;
  task: Record<string, unknown>;
}

/** What a hook takes from its branch: `StackConfig` fields, so the program passes its config. */
export type HookBranch = Pick<StackConfig, "branch" | "repository"> & {
  taskcluster: Pick<StackConfig["taskcluster"], "hookGroupId" | "hookPrefix" | "secret" | "hookDefaults" | "rootUrl">;
};

/** A hook to create: where it lives and its definition. */
export interface BuiltHook {
  hookGroupId: string;
  hookId: string;
  hook: HookRequest;
}

/** Replaces `{secret}` and `{branch}`, the placeholders a stack file may use in commands and env. */
export function fillPlaceholders(text: string, branch: HookBranch): string {
  return text.replaceAll("{secret}", branch.taskcluster.secret).replaceAll("{branch}", branch.branch);
}

function mapValues<T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, f(value)]));
}

/** Keeps the first of equal items: the API requires unique schedules, bindings, scopes and routes. */
function unique<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * The hook of `project` described by `hook`, running `image`. Its task reads the branch secret
 * through the taskcluster-proxy, so `secrets:get:<branch secret>` is always a task scope; a cache
 * brings its `docker-worker:cache:<name>` scope. With `mergePayloadIntoEnv`, the trigger payload
 * is merged over `env` when the hook is triggered by API; a Pulse message's body is not a
 * trigger payload (its `status` is an object), as release-services' own template had it. `image` is placed
 * as given, so an Output stays an Output.
 *
 *   buildHook("tooltool/api", {suffix: "-replicate", ...}, staging, "repo@sha256:…").hookId
 *     → "services-staging-tooltool/api-replicate"
 */
export function buildHook(project: string, hook: HookConfig, branch: HookBranch, image: pulumi.Input<string>): BuiltHook {
  const tc = branch.taskcluster;
  const hookId = makeHookId(tc.hookPrefix, project, hook.suffix);
  const defaults = tc.hookDefaults;
  const metadata = {
    name: hook.name ?? hookId,
    description: hook.description ?? `Task of ${project} on branch ${branch.branch}, deployed by releng-infra.`,
    owner: hook.owner,
  };
  const env = mapValues(hook.env, (value) => fillPlaceholders(value, branch));
  const cacheName = hook.cache && fillPlaceholders(hook.cache.name, branch);
  const payload: Record<string, unknown> = {
    image,
    command: hook.command.map((part) => fillPlaceholders(part, branch)),
    maxRunTime: hook.maxRunTime,
    env: hook.mergePayloadIntoEnv ? { $merge: [env, { $if: "firedBy == 'triggerHook'", then: { $eval: "payload" }, else: {} }] } : env,
    ...(hook.cache && { cache: { [cacheName!]: hook.cache.path } }),
    ...(Object.keys(hook.artifacts).length > 0 && { artifacts: mapValues(hook.artifacts, ({ path, type }) => ({ type, path })) }),
    features: { taskclusterProxy: true },
  };
  const queue = hook.taskQueueId
    ? { taskQueueId: hook.taskQueueId }
    : { provisionerId: hook.provisionerId ?? defaults.provisionerId, workerType: hook.workerType ?? defaults.workerType };
  const task = {
    ...queue,
    schedulerId: "-",
    priority: hook.priority ?? defaults.priority,
    retries: hook.retries ?? defaults.retries,
    created: { $fromNow: "0 seconds" },
    deadline: { $fromNow: hook.deadline },
    expires: { $fromNow: hook.expires ?? defaults.expires },
    scopes: unique([`secrets:get:${tc.secret}`, ...(cacheName ? [`docker-worker:cache:${cacheName}`] : []), ...hook.scopes]),
    routes: unique(hook.routes),
    payload,
    metadata: { ...metadata, source: branch.repository },
  };
  return {
    hookGroupId: tc.hookGroupId,
    hookId,
    hook: {
      metadata: { ...metadata, emailOnError: hook.emailOnError },
      schedule: unique(hook.schedule),
      bindings: unique(hook.bindings.map(({ exchange, routingKeyPattern }) => ({ exchange, routingKeyPattern }))),
      triggerSchema: hook.triggerSchema,
      task,
    },
  };
}
