/**
 * A local Taskcluster-compatible server for tests: the Hooks routes releng-infra uses and the
 * Secrets `get` route, on 127.0.0.1 at a random port, usable as `rootUrl` by taskcluster-client.
 *
 *   const tc = await startTaskcluster({
 *     clients: { "project/releng": { accessToken: "tok", scopes: ["hooks:*", "assume:hook-id:*"] } },
 *     secrets: { "project/releng/staging": { secret: { K: "v" } } },   // optional
 *     proxyClientId: "task-client",  // optional: unsigned requests act as this client (taskcluster-proxy)
 *   });
 *   tc.rootUrl                        // http://127.0.0.1:<port>, no trailing slash
 *   tc.requests("createHook")         // requests that reached a route (any outcome); no name: all routes
 *   tc.failNext("hook", 2)            // the next 2 requests to `hook` answer 500 InternalServerError
 *   tc.failNext("removeHook", 1, "ResourceNotFound")  // ... or another Taskcluster error code
 *   tc.delay("listHooks", 50)         // every request to `listHooks` waits 50 ms first (0 clears)
 *   tc.hooks.put({hookGroupId, hookId, ...}) / .get(g, h) / .edit(g, h, fn) / .delete(g, h) / .list(g?)
 *   tc.secrets.set(name, value, expires?) / .get(name) / .delete(name)
 *   await tc.close()
 *
 * Route names are the API methods' (`createHook`, `get`); `hooks.ping`/`secrets.get` also work.
 * Per request, as taskcluster-lib-api: url parameters checked (400 InvalidRequestArguments), then for
 * methods whose reference has scopes the Hawk signature (401 AuthenticationFailed) and the scope
 * expression from the real API reference (403 InsufficientScopes, naming the missing scopes), then
 * the JSON body (400 MalformedPayload) against the real input schema with defaults applied (400
 * InputValidationError), then the method (404 ResourceNotFound, 409 RequestConflict, 400
 * InputError). Methods without scopes (ping) take no credentials. Unknown paths answer 404.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate, type ClientEntry } from "./auth";
import { ErrorReply, errorReply, type ErrorCode } from "./errors";
import { HANDLERS } from "./handlers";
import { loadSchema, validate } from "./jsonSchema";
import { matchRoute, ROUTES, type RouteEntry } from "./reference";
import { renderScopes, satisfies, unsatisfied } from "./scopes";
import { HookStore, SecretStore, type SecretValue } from "./state";

export { hookDefinition, type HookDefinition, type SecretValue } from "./state";
export type { ClientEntry } from "./auth";

export interface TaskclusterOptions {
  /** Clients by clientId; requests signed by anyone else fail with 401. */
  clients?: Record<string, ClientEntry>;
  /** Secrets by name; `expires` defaults to a year from now. */
  secrets?: Record<string, Partial<SecretValue> & Pick<SecretValue, "secret">>;
  /** When set, unsigned requests act as this client, as through the taskcluster-proxy in a task. */
  proxyClientId?: string;
}

export interface LocalTaskcluster {
  rootUrl: string;
  hooks: HookStore;
  secrets: SecretStore;
  requests(route?: string): number;
  failNext(route: string, count: number, code?: ErrorCode): void;
  delay(route: string, ms: number): void;
  close(): Promise<void>;
}

// Taskcluster's url parameter patterns for the Hooks service (length limits raised to 1000 in 2020).
const PARAM_PATTERNS: Record<string, RegExp> = {
  hookGroupId: /^[a-zA-Z0-9-_]{1,1000}$/,
  hookId: /^[a-zA-Z0-9-_/]{1,1000}$/,
};

/** The route key for a name given by a test: `hooks.createHook`, or a method name served once. */
function routeKey(route: string): string {
  if (route.includes(".")) return route;
  const served = ROUTES.filter((entry) => entry.name === route && HANDLERS[entry.key]);
  if (served.length !== 1) throw new Error(`local Taskcluster: route name ${route} matches ${served.length} served routes`);
  return served[0]!.key;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Starts the server; see the header comment for the API. */
export async function startTaskcluster(options: TaskclusterOptions = {}): Promise<LocalTaskcluster> {
  const clients = options.clients ?? {};
  const hooks = new HookStore();
  const secrets = new SecretStore();
  for (const [name, value] of Object.entries(options.secrets ?? {})) secrets.set(name, value.secret, value.expires);
  const counts = new Map<string, number>();
  const failures = new Map<string, { count: number; code: ErrorCode }>();
  const delays = new Map<string, number>();

  async function answer(entry: RouteEntry, params: Record<string, string>, req: http.IncomingMessage, text: string): Promise<unknown> {
    const pending = failures.get(entry.key);
    if (pending && pending.count > 0) {
      pending.count--;
      throw new ErrorReply(pending.code, pending.code === "InternalServerError"
        ? "Internal Server Error, incidentId 00000000-0000-0000-0000-000000000000 (injected by the test)."
        : `${pending.code} injected by the test`);
    }
    for (const [name, value] of Object.entries(params)) {
      const pattern = PARAM_PATTERNS[name];
      if (pattern && !pattern.test(value)) {
        throw new ErrorReply("InvalidRequestArguments", `Invalid URL patterns:\n  * ${name}: ${JSON.stringify(value)} does not match ${pattern}`);
      }
    }
    if (entry.scopes !== null) {
      const caller = await authenticate(req, clients, options.proxyClientId);
      const required = renderScopes(entry.scopes, params);
      if (!satisfies(caller.scopes, required)) {
        const missing = unsatisfied(caller.scopes, required)!;
        throw new ErrorReply("InsufficientScopes", [
          `Client ID ${caller.clientId ?? "(anonymous)"} does not have sufficient scopes and is missing the following scopes:`,
          "", "```", typeof missing === "string" ? missing : JSON.stringify(missing, null, 2), "```", "",
          "This request requires the client to satisfy the following scope expression:",
          "", "```", JSON.stringify(required, null, 2), "```",
        ].join("\n"));
      }
    }
    let body: Record<string, unknown> = {};
    if (entry.input) {
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch (err) {
        throw new ErrorReply("MalformedPayload", `Failed to parse JSON payload: ${(err as Error).message}`);
      }
      const errors = validate(loadSchema(entry.input), body);
      if (errors.length > 0) {
        throw new ErrorReply("InputValidationError", [
          "Schema Validation Failed!",
          `Rejecting Schema: ${rootUrl}/schemas/${entry.service}/v1/${entry.input}#`,
          "Errors:",
          ...errors.map((error) => `  * data${error.startsWith("/ ") ? error.slice(1) : error}`),
        ].join("\n"));
      }
    }
    const handler = HANDLERS[entry.key];
    if (!handler) throw new ErrorReply("InternalServerError", `${entry.key} is not implemented by the local Taskcluster test server`);
    return handler({ params, body, hooks, secrets });
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      const pathname = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
      const route = matchRoute(req.method ?? "GET", pathname);
      if (!route) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: "ResourceNotFound", message: `no route for ${req.method} ${pathname}`, requestInfo: {} }));
        return;
      }
      const { entry, params } = route;
      counts.set(entry.key, (counts.get(entry.key) ?? 0) + 1);
      const wait = delays.get(entry.key) ?? 0;
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      let status = 200;
      let payload: unknown;
      try {
        payload = await answer(entry, params, req, text);
      } catch (err) {
        const reply = err instanceof ErrorReply ? err : new ErrorReply("InternalServerError", `Internal Server Error: ${String(err)}`);
        let parsed: unknown = text;
        try { parsed = text ? JSON.parse(text) : {}; } catch { /* keep the raw text */ }
        ({ status, body: payload } = errorReply(reply, { method: entry.name, params, payload: parsed }));
        if (reply.code === "AuthenticationFailed") res.setHeader("www-authenticate", "hawk");
      }
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(payload));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const rootUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    rootUrl,
    hooks,
    secrets,
    requests: (route) => (route === undefined ? [...counts.values()].reduce((a, b) => a + b, 0) : counts.get(routeKey(route)) ?? 0),
    failNext: (route, count, code = "InternalServerError") => void failures.set(routeKey(route), { count, code }),
    delay: (route, ms) => void delays.set(routeKey(route), ms),
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    }),
  };
}
