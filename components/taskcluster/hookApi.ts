/*
 * The one door to the Hooks API for the provider and the unmanaged-hook listing: a
 * taskcluster-client Hooks client configured from the environment at call time, and errors that
 * name the operation, the hook, the HTTP status, Taskcluster's error code and the server's message.
 * 5xx answers and network errors are retried by taskcluster-client itself (exponential backoff);
 * 4xx answers are not.
 */
import type { Hooks, TaskclusterError } from "taskcluster-client";
import { hasAccess, taskclusterAccess } from "./access";

/** Retries of taskcluster-client for 5xx and network errors (its default backoff: 100 ms doubling, capped at 30 s). */
export const HOOKS_RETRIES = 5;

/** An API call that failed, keeping what callers branch on (404 gone, 409 exists). */
export class HookApiError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | undefined,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = "HookApiError";
  }
}

/**
 * A Hooks client from the environment, read now and never kept, as `taskclusterAccess` reads it
 * (access.ts): client credentials (`TASKCLUSTER_CLIENT_ID`, `TASKCLUSTER_ACCESS_TOKEN`, optional
 * `TASKCLUSTER_CERTIFICATE`) at `TASKCLUSTER_ROOT_URL`, else `TASKCLUSTER_PROXY_URL` inside a task.
 * `rootUrl` is the stack file's, used when `TASKCLUSTER_ROOT_URL` is unset; the provider, run by
 * the engine apart from the program, gets it as a plain input of each hook.
 */
export function hooksClient(rootUrl = ""): Hooks {
  // Required here, not imported at module level, so a serialized provider requires the package when
  // it runs; require, not import(): tsx's ESM resolver would follow tsconfig `paths` to the typings.
  const taskcluster = (require("taskcluster-client") as typeof import("taskcluster-client")).default;
  const access = taskclusterAccess(process.env, rootUrl);
  if (hasAccess(access) && access.options.rootUrl) return new taskcluster.Hooks({ ...access.options, retries: HOOKS_RETRIES });
  const needs = [...(access.rootUrl ? [] : ["TASKCLUSTER_ROOT_URL"]), ...(hasAccess(access) ? [] : access.missing)];
  throw new Error(`Managing Taskcluster hooks needs ${needs.join(", ")}, or TASKCLUSTER_PROXY_URL inside a task`);
}

/** Taskcluster messages end with a `---` trailer of request details; the part before it is the message. */
function serverMessage(err: TaskclusterError): string {
  return (err.body?.message ?? err.message).split("\n\n---\n")[0]!.trim();
}

/**
 * Runs one Hooks API call for `target` (`Hook=<group>/<id>`, or `HookGroup=<group>`), turning a
 * failure into a HookApiError such as
 * `removeHook Hook=project-releng/x failed: 403 InsufficientScopes: Client ID ... is missing ...`.
 */
export async function callHooks<T>(operation: string, target: string, call: (hooks: Hooks) => Promise<T>, rootUrl?: string): Promise<T> {
  const hooks = hooksClient(rootUrl);
  try {
    return await call(hooks);
  } catch (e) {
    const err = e as TaskclusterError;
    const status = err.statusCode === undefined ? "" : `${err.statusCode} ${err.code ?? "UnknownError"}: `;
    throw new HookApiError(`${operation} ${target} failed: ${status}${serverMessage(err)}`, err.statusCode, err.code);
  }
}

/** Removes a hook; one that is already gone counts as removed (the service answers 200 or 404). */
export async function removeHookIfPresent(hookGroupId: string, hookId: string, rootUrl?: string): Promise<void> {
  try {
    await callHooks("removeHook", `Hook=${hookGroupId}/${hookId}`, (hooks) => hooks.removeHook(hookGroupId, hookId), rootUrl);
  } catch (err) {
    if (!(err instanceof HookApiError && err.statusCode === 404)) throw err;
  }
}
