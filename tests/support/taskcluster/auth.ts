/**
 * Hawk authentication as the Taskcluster auth service does it for permanent clients: the
 * `Authorization: Hawk ...` header checked with npm `hawk` against a table of clients, and
 * `ext.authorizedScopes` honoured. A request without Authorization is anonymous (no scopes), unless
 * the server plays the taskcluster-proxy, which signs on a task's behalf: then it is that client.
 */
import type { IncomingMessage } from "node:http";
import * as hawk from "hawk";
import { ErrorReply } from "./errors";
import { satisfies } from "./scopes";

/** A client the server knows: its access token and the scopes it holds (trailing `*` allowed). */
export interface ClientEntry {
  accessToken: string;
  scopes: string[];
}

/** Who made a request and with which scopes. */
export interface Caller {
  clientId: string | undefined;
  scopes: string[];
}

/** Authenticates `req`; throws an AuthenticationFailed ErrorReply when the signature does not hold. */
export async function authenticate(
  req: IncomingMessage,
  clients: Record<string, ClientEntry>,
  proxyClientId: string | undefined,
): Promise<Caller> {
  if (!req.headers.authorization) {
    if (proxyClientId !== undefined) return { clientId: proxyClientId, scopes: clients[proxyClientId]?.scopes ?? [] };
    return { clientId: undefined, scopes: [] };
  }
  let result: hawk.AuthenticateResult;
  try {
    result = await hawk.server.authenticate(req, async (id: string) => {
      const client = Object.hasOwn(clients, id) ? clients[id] : undefined;
      return client ? { key: client.accessToken, algorithm: "sha256", id } : undefined;
    });
  } catch (err) {
    throw new ErrorReply("AuthenticationFailed", `Authentication failed: ${(err as Error).message}`);
  }
  const clientId = result.artifacts.id;
  const held = clients[clientId]!.scopes;
  const ext = parseExt(result.artifacts.ext);
  if (ext.certificate !== undefined) {
    throw new ErrorReply("AuthenticationFailed", "ext.certificate: temporary credentials are not supported by this test server");
  }
  if (ext.authorizedScopes === undefined) return { clientId, scopes: held };
  const authorized = ext.authorizedScopes;
  if (!authorized.every((scope) => satisfies(held, scope))) {
    throw new ErrorReply("AuthenticationFailed", "ext.authorizedScopes oversteps your scopes");
  }
  return { clientId, scopes: authorized };
}

function parseExt(ext: string | undefined): { certificate?: unknown; authorizedScopes?: string[] } {
  if (!ext) return {};
  try {
    return JSON.parse(Buffer.from(ext, "base64").toString("utf8")) as { certificate?: unknown; authorizedScopes?: string[] };
  } catch {
    throw new ErrorReply("AuthenticationFailed", "Failed to parse ext");
  }
}
