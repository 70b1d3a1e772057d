/*
 * The Heroku API token, found when a provider method runs and passed down as a local value: it is
 * never a resource input and never held in a module variable, so it cannot reach state or a
 * serialized provider. `HEROKU_API_KEY` wins (a developer's or CI's own token); otherwise the
 * provider reads `common.HEROKU_PASSWORD` from the branch secret with the Taskcluster credentials
 * of its environment (`TASKCLUSTER_ROOT_URL`, `TASKCLUSTER_CLIENT_ID`, `TASKCLUSTER_ACCESS_TOKEN`,
 * or `TASKCLUSTER_PROXY_URL` inside a task).
 */
import { hasAccess, taskclusterAccess } from "../taskcluster/access";

/** Thrown when no token can be found; names where it was looked for, never a value. */
export class HerokuTokenError extends Error {
  override name = "HerokuTokenError";
}

/** The Heroku API token for a call; `secretName` is the branch secret holding `HEROKU_PASSWORD`. */
export async function herokuToken(secretName: string | undefined): Promise<string> {
  const fromEnv = process.env.HEROKU_API_KEY;
  if (fromEnv) return fromEnv;
  if (secretName === undefined) {
    throw new HerokuTokenError("No Heroku API token: set HEROKU_API_KEY, or give the resource the branch secret (`tokenSecret`) holding HEROKU_PASSWORD.");
  }
  // Required here, as hookApi.ts does, so the serialized provider requires the package when it runs;
  // the package is ESM and, through require(esm), its service classes are on the default export.
  const taskcluster = (require("taskcluster-client") as typeof import("taskcluster-client")).default;
  const access = taskclusterAccess(process.env, "");
  if (!hasAccess(access) || access.options.rootUrl === "") {
    throw new HerokuTokenError(`No Heroku API token: HEROKU_API_KEY is not set, and reading secret \`${secretName}\` needs TASKCLUSTER_ROOT_URL (with TASKCLUSTER_CLIENT_ID and TASKCLUSTER_ACCESS_TOKEN) or TASKCLUSTER_PROXY_URL.`);
  }
  let secret: Record<string, unknown>;
  try {
    secret = (await new taskcluster.Secrets({ ...access.options, retries: 2 }).get(secretName)).secret;
  } catch (err) {
    const e = err as import("taskcluster-client").TaskclusterError;
    throw new HerokuTokenError(`No Heroku API token: reading secret \`${secretName}\` failed: ${e.statusCode ?? ""} ${e.code ?? e.name}`.replace(/  +/g, " "));
  }
  const common = secret.common as Record<string, unknown> | undefined;
  const token = common?.HEROKU_PASSWORD;
  if (typeof token !== "string" || token === "") {
    throw new HerokuTokenError(`No Heroku API token: HEROKU_API_KEY is not set and secret \`${secretName}\` has no \`common.HEROKU_PASSWORD\`.`);
  }
  return token;
}
