import taskcluster, { type TaskclusterError } from "taskcluster-client";
import type { TaskclusterAccess } from "./access";
import { expired, forbidden, notFound, refused, unauthenticated, unreachable, type SecretsError, type SecretSource } from "./secretErrors";

/*
 * One Secrets `get`, with taskcluster-client's own retries (network errors and 5xx), its failures
 * turned into SecretsErrors. The client's error objects carry the request options (credentials
 * included), so nothing of them is kept but status, code and the server's message.
 */

/** taskcluster-client's defaults, spelt out because the "unreachable" message counts the attempts. */
export const REQUEST_POLICY = { retries: 5, delayFactor: 100, maxDelay: 30_000, timeout: 30_000 } as const;

/** The secret's value as the service returns it (not yet checked). */
export async function getSecret(access: TaskclusterAccess, source: SecretSource): Promise<unknown> {
  const secrets = new taskcluster.Secrets({ ...REQUEST_POLICY, ...access.options });
  const url = secrets.buildUrl(secrets.get, source.secret);
  try {
    return (await secrets.get(source.secret)).secret;
  } catch (err) {
    throw failureError(err, source, `GET ${url}${access.via === "proxy" ? " (through the task's proxy)" : ""}`, REQUEST_POLICY.retries + 1);
  }
}

/**
 * The SecretsError for a failed `get`: by HTTP status when the service answered, else (connection
 * refused, DNS, timeout) unreachable with the last network error code.
 * e.g. `{statusCode: 404, code: "ResourceNotFound"}` → "Taskcluster secret `x` does not exist on ...".
 */
export function failureError(err: unknown, source: SecretSource, request: string, attempts: number): SecretsError {
  const e = (err ?? {}) as TaskclusterError;
  const status = typeof e.statusCode === "number" ? e.statusCode : undefined;
  const code = typeof e.code === "string" ? e.code : "UnknownError";
  const message = typeof e.body?.message === "string" ? e.body.message : "";
  if (status === undefined) return unreachable(source, `${request} failed ${attempts} times (last error: ${code})`);
  if (status >= 500) return unreachable(source, `${request} answered ${status} ${code} ${attempts} times`);
  if (status === 404) return notFound(source);
  if (status === 410) return expired(source);
  if (status === 403) return forbidden(source, message);
  if (status === 401) return unauthenticated(source, message);
  return refused(source, status, code, message);
}
