import type { MissingKey } from "./secretValues";

/*
 * Every way reading the branch secret can fail, as one sentence each that says what to do. Messages
 * carry names (stack, secret, client, project, key, URL) and what the server said about scopes or
 * status, never a value of the secret or a credential.
 */

/** Reading or using the branch secret failed; raised before any resource is registered. */
export class SecretsError extends Error {
  constructor(
    readonly stackName: string,
    readonly secretName: string,
    message: string,
  ) {
    super(`Stack \`${stackName}\`: ${message}`);
    this.name = "SecretsError";
  }
}

/** Where the secret was read from, for messages. */
export interface SecretSource {
  stack: string;
  /** The stack file, e.g. `Pulumi.staging.yaml`. */
  file: string;
  secret: string;
  /** The deployment's root URL. */
  rootUrl: string;
  /** `client \`x\`` or `the task's proxy at http://taskcluster`. */
  caller: string;
  /** How the caller got its scopes: its own client, or the task the proxy acts for. */
  via: "credentials" | "proxy";
}

/** The scope Taskcluster requires to read a secret. */
export function readScope(secret: string): string {
  return `secrets:get:${secret}`;
}

/** The Taskcluster UI page of a secret. */
export function secretPage(rootUrl: string, secret: string): string {
  return `${rootUrl}/secrets/${encodeURIComponent(secret)}`;
}

export function noCredentials(s: Omit<SecretSource, "caller" | "via">, missing: string[]): SecretsError {
  return new SecretsError(
    s.stack,
    s.secret,
    `no Taskcluster credentials in the environment to read secret \`${s.secret}\` from ${s.rootUrl}: ` +
      `set ${missing.join(" and ")} (a client with the scope \`${readScope(s.secret)}\`), or run inside a task with TASKCLUSTER_PROXY_URL. ` +
      `TASKCLUSTER_ROOT_URL, when set, replaces \`taskcluster.rootUrl\` of ${s.file}.`,
  );
}

export function notFound(s: SecretSource): SecretsError {
  return new SecretsError(
    s.stack,
    s.secret,
    `Taskcluster secret \`${s.secret}\` does not exist on ${s.rootUrl}: create it (${secretPage(s.rootUrl, s.secret)}), ` +
      `or set \`taskcluster.secret\` in ${s.file}; reading it needs the scope \`${readScope(s.secret)}\`.`,
  );
}

export function expired(s: SecretSource): SecretsError {
  return new SecretsError(
    s.stack,
    s.secret,
    `Taskcluster secret \`${s.secret}\` on ${s.rootUrl} has expired (ResourceExpired): renew it with a later expiry (${secretPage(s.rootUrl, s.secret)}).`,
  );
}

export function forbidden(s: SecretSource, serverMessage: string): SecretsError {
  return new SecretsError(
    s.stack,
    s.secret,
    `${s.caller} may not read Taskcluster secret \`${s.secret}\` on ${s.rootUrl}: it is missing the scope ` +
      `\`${missingScope(serverMessage) ?? readScope(s.secret)}\` (InsufficientScopes); ${s.via === "proxy" ? "add it to the task's scopes" : "grant it to that client or its role"}.`,
  );
}

export function unauthenticated(s: SecretSource, serverMessage: string): SecretsError {
  return new SecretsError(
    s.stack,
    s.secret,
    `Taskcluster at ${s.rootUrl} rejected the credentials of ${s.caller} (AuthenticationFailed: ${firstLine(serverMessage)}); ` +
      `check TASKCLUSTER_CLIENT_ID, TASKCLUSTER_ACCESS_TOKEN and, for temporary credentials, TASKCLUSTER_CERTIFICATE.`,
  );
}

export function unreachable(s: SecretSource, tried: string): SecretsError {
  return new SecretsError(
    s.stack,
    s.secret,
    `could not reach Taskcluster at ${s.rootUrl} to read secret \`${s.secret}\`: ${tried}. ` +
      `Check the network and the root URL (TASKCLUSTER_ROOT_URL, else \`taskcluster.rootUrl\` of ${s.file}).`,
  );
}

export function refused(s: SecretSource, status: number, code: string, serverMessage: string): SecretsError {
  return new SecretsError(s.stack, s.secret, `Taskcluster at ${s.rootUrl} refused to read secret \`${s.secret}\`: ${status} ${code}: ${firstLine(serverMessage)}.`);
}

export function badShape(s: SecretSource, problems: string[]): SecretsError {
  return new SecretsError(
    s.stack,
    s.secret,
    `Taskcluster secret \`${s.secret}\` cannot be used: ${problems.join("; ")}. Fix it at ${secretPage(s.rootUrl, s.secret)}.`,
  );
}

export function missingKeysError(s: SecretSource, missing: MissingKey[]): SecretsError {
  const lines = missing.map((m) => `  - project \`${m.project}\`: \`${m.key}\` (${m.field})`);
  return new SecretsError(
    s.stack,
    s.secret,
    `Taskcluster secret \`${s.secret}\` lacks ${missing.length === 1 ? "a key" : `${missing.length} keys`} that ${s.file} declares:\n${lines.join("\n")}\n` +
      `Add each to the secret's \`common\` section or to the project's own section (${secretPage(s.rootUrl, s.secret)}).`,
  );
}

/**
 * The unsatisfied scope expression of an InsufficientScopes message, which Taskcluster renders as
 * "...is missing the following scopes:\n\n```\n<expression>\n```" (libraries/api, middleware/auth).
 */
export function missingScope(serverMessage: string): string | undefined {
  const m = /missing the following scopes:\s*(?:```\s*([\s\S]*?)\s*```|(\S[^\n]*))/.exec(serverMessage);
  const scope = (m?.[1] ?? m?.[2])?.trim();
  if (scope === undefined || scope === "") return undefined;
  try {
    // Expressions other than a single scope come as indented JSON; one line reads better in a sentence.
    return JSON.stringify(JSON.parse(scope));
  } catch {
    return scope;
  }
}

/** Taskcluster appends request details after a `---` line; the first line is the reason. */
function firstLine(message: string): string {
  return message.split("\n").map((l) => l.trim()).find((l) => l !== "") ?? "(no message)";
}
