import type { ClientOptions } from "taskcluster-client";

/*
 * How the program reaches Taskcluster, from the environment of the process that runs it: a developer
 * or CI job with client credentials, or a task whose taskcluster-proxy adds the task's credentials.
 * Pure, so every combination is a table test; the environment is read by the caller at call time.
 */

/** Where and how requests go. */
export interface TaskclusterAccess {
  /** The deployment: `TASKCLUSTER_ROOT_URL`, else the stack file's `taskcluster.rootUrl`. */
  rootUrl: string;
  /** `credentials`: signed with the client's Hawk credentials; `proxy`: sent to the task's proxy. */
  via: "credentials" | "proxy";
  /** The client id, or the proxy URL, for messages (never the access token). */
  who: string;
  /** Options for a taskcluster-client service class. */
  options: ClientOptions;
}

/** Missing variables, when the environment has no usable credentials. */
export interface NoAccess {
  rootUrl: string;
  /** What to set, e.g. `["TASKCLUSTER_ACCESS_TOKEN"]`. */
  missing: string[];
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Explicit client credentials win; without any, `TASKCLUSTER_PROXY_URL` (set inside a task with the
 * taskclusterProxy feature) is used; half a pair of credentials is an error rather than a silent
 * fall-back to the proxy, since it is almost always a typo.
 * e.g. `{TASKCLUSTER_CLIENT_ID: "a", TASKCLUSTER_ACCESS_TOKEN: "t"}` → `{via: "credentials", who: "a"}`.
 */
export function taskclusterAccess(env: Env, configRootUrl: string): TaskclusterAccess | NoAccess {
  const rootUrl = trimSlash(nonEmpty(env.TASKCLUSTER_ROOT_URL) ?? configRootUrl);
  const clientId = nonEmpty(env.TASKCLUSTER_CLIENT_ID);
  const accessToken = nonEmpty(env.TASKCLUSTER_ACCESS_TOKEN);
  const proxy = nonEmpty(env.TASKCLUSTER_PROXY_URL);
  if (clientId !== undefined && accessToken !== undefined) {
    const certificate = nonEmpty(env.TASKCLUSTER_CERTIFICATE);
    return {
      rootUrl,
      via: "credentials",
      who: clientId,
      options: { rootUrl, credentials: certificate === undefined ? { clientId, accessToken } : { clientId, accessToken, certificate } },
    };
  }
  if (clientId === undefined && accessToken === undefined && proxy !== undefined) {
    const proxyUrl = trimSlash(proxy);
    // The proxy signs requests itself; a client with no credentials sends them unsigned.
    return { rootUrl, via: "proxy", who: proxyUrl, options: { rootUrl: proxyUrl, credentials: {} } };
  }
  const missing = [clientId === undefined ? "TASKCLUSTER_CLIENT_ID" : undefined, accessToken === undefined ? "TASKCLUSTER_ACCESS_TOKEN" : undefined];
  return { rootUrl, missing: missing.filter((m): m is string => m !== undefined) };
}

/** Narrows the result of `taskclusterAccess`. */
export function hasAccess(a: TaskclusterAccess | NoAccess): a is TaskclusterAccess {
  return "via" in a;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
