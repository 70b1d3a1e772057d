import * as http from "node:http";
import type { AddressInfo } from "node:net";

/*
 * Just enough of the Taskcluster Secrets service for the providers' token lookup: `GET
 * /api/secrets/v1/secret/<name>`, Hawk-authenticated, answering Taskcluster's error bodies.
 */

// hawk ships no types; this is the one function used (types/ is shared with other concerns).
const hawk = require("hawk") as {
  server: { authenticate(req: http.IncomingMessage, credentials: (id: string) => { id: string; key: string; algorithm: string } | undefined): Promise<unknown> };
};

export interface SecretsServer {
  rootUrl: string;
  /** Names of the secrets read, in order. */
  reads: string[];
  stop(): Promise<void>;
}

export async function startSecrets(clientId: string, accessToken: string, secrets: Record<string, Record<string, unknown>>): Promise<SecretsServer> {
  const reads: string[] = [];
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    hawk.server
      .authenticate(req, (id: string) => (id === clientId ? { id, key: accessToken, algorithm: "sha256" } : undefined))
      .then(() => {
        const name = decodeURIComponent(/^\/api\/secrets\/v1\/secret\/(.+)$/.exec(req.url ?? "")?.[1] ?? "");
        reads.push(name);
        const secret = secrets[name];
        if (secret === undefined) return reply(404, { code: "ResourceNotFound", message: `Secret ${name} not found`, requestInfo: {} });
        reply(200, { secret, expires: "3000-01-01T00:00:00.000Z" });
      })
      .catch(() => reply(401, { code: "AuthenticationFailed", message: "Bad Hawk credentials", requestInfo: {} }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    rootUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reads,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
