import { herokuApiUrl } from "./env";
import { isRetryable, MAX_ATTEMPTS, retryDelayMs } from "./retry";

/*
 * The one way the providers talk to Heroku: send a request with the token, retry what may pass
 * (429, 5xx, honouring Retry-After, bounded), and turn any other failure into a HerokuError that
 * names the app, the operation, the status and Heroku's error id. Platform API errors are
 * `{id, message}`; registry errors are `{errors: [{code, message}]}`; both are understood.
 */

const API_VERSION = "application/vnd.heroku+json; version=3";

/** A failed Heroku request. Carries no credential: only what Heroku answered and what we asked. */
export class HerokuError extends Error {
  override name = "HerokuError";
  constructor(
    /** Heroku's error id (`unauthorized`, `invalid_params`, `not_found`, `rate_limit`, ...). */
    readonly id: string,
    readonly status: number,
    readonly app: string,
    /** What was being done, e.g. `create app`. */
    readonly operation: string,
    readonly herokuMessage: string,
  ) {
    super(`Heroku app \`${app}\`: ${operation} failed with ${status} ${id}: ${herokuMessage}${hint(status)}`);
  }
}

function hint(status: number): string {
  if (status === 401) return " (check HEROKU_API_KEY, or HEROKU_PASSWORD in the branch secret)";
  if (status === 403) return " (the token's account lacks access to this app or team)";
  return "";
}

/** True when `err` is Heroku saying the thing is not there. */
export function isNotFound(err: unknown): boolean {
  return err instanceof HerokuError && err.status === 404;
}

/** One Platform API request. */
export interface HerokuCall {
  /** The app concerned, for messages. */
  app: string;
  /** What is being done, for messages: `create app`, `set config vars`. */
  operation: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path below the API root, e.g. `/apps/releng-staging-tokens`. */
  path: string;
  body?: unknown;
  /** Accept header, for API variants such as `version=3.docker-releases`. Default: version 3. */
  accept?: string;
  /** Secret values the body carries (config vars), never to be shown in an error, even if Heroku quotes them. */
  redact?: readonly string[];
}

/** Sends a Platform API request and returns the decoded answer. */
export async function herokuApi<T>(token: string, call: HerokuCall): Promise<T> {
  const headers: Record<string, string> = { accept: call.accept ?? API_VERSION, authorization: `Bearer ${token}` };
  if (call.body !== undefined) headers["content-type"] = "application/json";
  const init: RequestInit = { method: call.method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body) };
  const res = await send(`${herokuApiUrl()}${call.path}`, init, call);
  try {
    return JSON.parse(await res.text()) as T;
  } catch {
    // JSON.parse's message quotes the text around the fault, and an answer may hold config var values.
    throw new HerokuError("invalid_json", res.status, call.app, call.operation, "the answer is not JSON (not shown: it may hold config var values)");
  }
}

/**
 * Shorter values are not redacted: a value such as `1` or `true` also occurs in ordinary words and
 * numbers, and blanking those would make messages misleading without hiding anything worth hiding.
 */
export const MIN_REDACTED_LENGTH = 8;

/**
 * `text` with every occurrence of each secret (of at least MIN_REDACTED_LENGTH characters), as it is
 * or JSON-escaped, replaced by `[redacted]`, longest first so a secret containing another is blanked whole.
 * e.g. `("bad value s3cr3t-value", ["s3cr3t-value", "1"])` → `"bad value [redacted]"`.
 */
export function redact(text: string, secrets: readonly string[]): string {
  // A server quoting the JSON body it was sent shows a value JSON-escaped.
  return [...new Set(secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))]
    .filter((s) => s.length >= MIN_REDACTED_LENGTH)
    .sort((a, b) => b.length - a.length)
    .reduce((t, s) => t.split(s).join("[redacted]"), text);
}

/** What a request carries that an error must never show: its credential in every form, and the caller's secret values. */
function requestSecrets(init: RequestInit, call: Pick<HerokuCall, "redact">): string[] {
  const authorization = new Headers(init.headers).get("authorization") ?? "";
  const credential = authorization.replace(/^\S+\s+/, "");
  const secrets = [authorization, credential, ...(call.redact ?? [])];
  if (/^basic\s/i.test(authorization)) {
    const decoded = Buffer.from(credential, "base64").toString("utf8");
    secrets.push(decoded, decoded.slice(decoded.indexOf(":") + 1));
  }
  return secrets;
}

/** Sends a request with retries; returns the successful response, or throws a HerokuError. */
export async function send(url: string, init: RequestInit, call: Pick<HerokuCall, "app" | "operation" | "redact">): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(60_000) });
    if (res.ok) return res;
    if (!isRetryable(res.status) || attempt >= MAX_ATTEMPTS) throw await errorOf(res, call, requestSecrets(init, call));
    await res.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempt, res.headers.get("retry-after"))));
  }
}

/** Heroku's answer as a HerokuError; whatever it quotes of the request's secrets is redacted before anything is kept. */
async function errorOf(res: Response, call: Pick<HerokuCall, "app" | "operation">, secrets: readonly string[]): Promise<HerokuError> {
  const text = await res.text();
  let id = `http_${res.status}`;
  // Redacted before the cut, so no secret is kept in part.
  let message = redact(text, secrets).slice(0, 200) || res.statusText;
  try {
    const body = JSON.parse(text) as { id?: string; message?: string; errors?: Array<{ code?: string; message?: string }> };
    const first = body.errors?.[0];
    id = body.id ?? first?.code ?? id;
    message = body.message ?? first?.message ?? message;
  } catch {
    // Not JSON (a proxy's HTML page): keep the start of the text.
  }
  // Redacted after decoding too: a quoted value may be JSON-escaped in the raw text.
  return new HerokuError(redact(id, secrets), res.status, call.app, call.operation, redact(message, secrets));
}
