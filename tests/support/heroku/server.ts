import { randomBytes } from "node:crypto";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { platformRoutes } from "./platform";
import { registryRoutes } from "./registry";
import { HerokuWorld } from "./world";

/*
 * A local stand-in for the Heroku Platform API (api.heroku.com) and the Heroku container registry
 * (registry.heroku.com), on 127.0.0.1 and a random port. It checks what the real services check
 * (Bearer token, the docker-releases Accept variant, JSON bodies, names) and answers with their
 * status codes and error bodies `{id, message}`. Both services share one port: the registry lives
 * under `/v2/`, which the Platform API never uses.
 */

/** A route handler's answer. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a handler gets: path parameters, the decoded JSON body and the request headers. */
export interface Request {
  params: Record<string, string>;
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

export interface Route {
  method: string;
  /** A path template such as `/apps/{app}/config-vars`; also the key of `counts()`. */
  template: string;
  /** Which credential the route takes: the API's Bearer token or the registry's Basic `_:<token>`. */
  auth: "bearer" | "basic";
  handle(req: Request, world: HerokuWorld): Reply;
}

/** One request as the server saw it; the Authorization header is never kept. */
export interface LoggedRequest {
  method: string;
  route: string;
  path: string;
  body: unknown;
  accept?: string;
  status: number;
}

/** A failure to answer instead of running the route, `times` times. */
export interface Injection {
  status: number;
  times: number;
  /** Only for requests to this `METHOD /template`. Default: any request. */
  route?: string;
  /** Value of the Retry-After header (seconds). Default: none. */
  retryAfter?: string;
}

export interface ServerOptions {
  /** Requests allowed before every further one is answered 429, as when an account's tokens run out. */
  rateLimit?: number;
  /** Teams that exist (apps may be created in them). */
  teams?: string[];
}

export class HerokuServer {
  readonly token = `test-${randomBytes(16).toString("hex")}`;
  readonly world: HerokuWorld;
  readonly requests: LoggedRequest[] = [];
  private readonly injections: Injection[] = [];
  private readonly routes: Route[] = [...platformRoutes, ...registryRoutes];
  private remaining: number;
  private server?: http.Server;
  url = "";

  constructor(options: ServerOptions = {}) {
    this.world = new HerokuWorld(options.teams ?? []);
    this.remaining = options.rateLimit ?? Number.POSITIVE_INFINITY;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Answer the next matching requests with a failure. */
  inject(injection: Injection): void {
    this.injections.push({ ...injection });
  }

  /** Requests per `METHOD /template`, e.g. `{"PATCH /apps/{app}/config-vars": 1}`. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.requests) out[r.route] = (out[r.route] ?? 0) + 1;
    return out;
  }

  /** Requests that change something (anything but GET). */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.method !== "GET");
  }

  clearLog(): void {
    this.requests.length = 0;
  }

  /** Forget requests and pending injections, as between tests. */
  reset(): void {
    this.clearLog();
    this.injections.length = 0;
  }

  private async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const found = this.match(req.method ?? "GET", path);
    const route = found ? `${found.route.method} ${found.route.template}` : `${req.method} ${path}`;
    let body: unknown;
    let reply: Reply;
    try {
      body = raw === "" ? undefined : JSON.parse(raw);
      reply = this.answer(req, route, found, body);
    } catch {
      reply = { status: 400, body: { id: "bad_request", message: "Request body is not valid JSON." } };
    }
    this.requests.push({ method: req.method ?? "GET", route, path, body, accept: req.headers.accept, status: reply.status });
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
  }

  private answer(req: http.IncomingMessage, route: string, found: { route: Route; params: Record<string, string> } | undefined, body: unknown): Reply {
    if (found === undefined) return { status: 404, body: { id: "not_found", message: "The requested API endpoint was not found. Are you using the right HTTP verb (i.e. `GET` vs. `POST`), and did you specify your API version in the `Accept` header?" } };
    if (!this.authorized(req, found.route.auth)) {
      return found.route.auth === "bearer"
        ? { status: 401, body: { id: "unauthorized", message: "Invalid credentials provided." } }
        : { status: 401, body: { errors: [{ code: "UNAUTHORIZED", message: "authentication required" }] }, headers: { "www-authenticate": 'Basic realm="registry.heroku.com"' } };
    }
    const injected = this.injections.find((i) => i.times > 0 && (i.route === undefined || i.route === route));
    if (injected) {
      injected.times--;
      return {
        status: injected.status,
        body: injected.status === 429 ? { id: "rate_limit", message: "Your account reached the API rate limit\nPlease wait a few minutes before making new requests" } : { id: "internal_server_error", message: "Internal server error." },
        headers: injected.retryAfter === undefined ? {} : { "retry-after": injected.retryAfter },
      };
    }
    if (found.route.auth === "bearer") {
      if (this.remaining <= 0) return { status: 429, body: { id: "rate_limit", message: "Your account reached the API rate limit\nPlease wait a few minutes before making new requests" }, headers: { "ratelimit-remaining": "0" } };
      this.remaining--;
    }
    return found.route.handle({ params: found.params, body, headers: req.headers }, this.world);
  }

  private authorized(req: http.IncomingMessage, auth: Route["auth"]): boolean {
    const header = req.headers.authorization ?? "";
    if (auth === "bearer") return header === `Bearer ${this.token}`;
    const basic = /^Basic (.+)$/.exec(header)?.[1];
    // The registry takes any user name with the API token as password (`docker login --username=_`).
    return basic !== undefined && Buffer.from(basic, "base64").toString().split(":").slice(1).join(":") === this.token;
  }

  private match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const names: string[] = [];
      const pattern = route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      });
      const m = new RegExp(`^${pattern}$`).exec(path);
      if (m) return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
    }
    return undefined;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString()));
  });
}
