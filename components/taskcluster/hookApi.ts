/*
 * The one door to the Hooks API for the provider and the unmanaged-hook listing: a
 * taskcluster-client Hooks client configured from the environment at call time, and errors that
 * name the operation, the hook, the HTTP status, Taskcluster's error code and the server's message.
 * 5xx answers and network errors are retried by taskcluster-client itself (exponential backoff);
 * 4xx answers are not.
 */
import type { Hooks, TaskclusterError } from "taskcluster-client";

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
 * A Hooks client from the environment, read now and never kept: inside a task,
 * `TASKCLUSTER_PROXY_URL` (the taskcluster-proxy signs requests) unless a client id is given;
 * otherwise `TASKCLUSTER_ROOT_URL` with `TASKCLUSTER_CLIENT_ID` / `TASKCLUSTER_ACCESS_TOKEN`
 * (and `TASKCLUSTER_CERTIFICATE` for temporary credentials).
 */
export async function hooksClient(): Promise<Hooks> {
  // Required here, not imported at module level, so a serialized provider requires the package when
  // it runs; require, not import(): tsx's ESM resolver would follow tsconfig `paths` to the typings.
  const taskcluster = (require("taskcluster-client") as typeof import("taskcluster-client")).default;
  const proxyUrl = process.env.TASKCLUSTER_PROXY_URL;
  const options = proxyUrl && !process.env.TASKCLUSTER_CLIENT_ID ? { rootUrl: proxyUrl } : taskcluster.fromEnvVars();
  if (!options.rootUrl) {
    throw new Error("Managing Taskcluster hooks needs TASKCLUSTER_ROOT_URL (with TASKCLUSTER_CLIENT_ID and TASKCLUSTER_ACCESS_TOKEN), or TASKCLUSTER_PROXY_URL inside a task");
  }
  return new taskcluster.Hooks({ ...options, retries: HOOKS_RETRIES });
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
export async function callHooks<T>(operation: string, target: string, call: (hooks: Hooks) => Promise<T>): Promise<T> {
  const hooks = await hooksClient();
  try {
    return await call(hooks);
  } catch (e) {
    const err = e as TaskclusterError;
    const status = err.statusCode === undefined ? "" : `${err.statusCode} ${err.code ?? "UnknownError"}: `;
    throw new HookApiError(`${operation} ${target} failed: ${status}${serverMessage(err)}`, err.statusCode, err.code);
  }
}

/** Removes a hook; one that is already gone counts as removed (the service answers 200 or 404). */
export async function removeHookIfPresent(hookGroupId: string, hookId: string): Promise<void> {
  try {
    await callHooks("removeHook", `Hook=${hookGroupId}/${hookId}`, (hooks) => hooks.removeHook(hookGroupId, hookId));
  } catch (err) {
    if (!(err instanceof HookApiError && err.statusCode === 404)) throw err;
  }
}
