// hawk ships no type declarations; these cover the server side the local Taskcluster test server uses.
declare module "hawk" {
  import type { IncomingMessage } from "node:http";
  export interface Credentials {
    id?: string;
    key: string;
    algorithm: "sha1" | "sha256";
  }
  export interface Artifacts {
    id: string;
    ts: string;
    nonce: string;
    ext?: string;
    mac: string;
    method: string;
    resource: string;
    host: string;
    port: number;
  }
  export interface AuthenticateResult {
    credentials: Credentials;
    artifacts: Artifacts;
  }
  export const server: {
    authenticate(
      req: IncomingMessage,
      credentialsFunc: (id: string) => Promise<Credentials | undefined>,
      options?: { timestampSkewSec?: number },
    ): Promise<AuthenticateResult>;
  };
  export const client: {
    header(
      uri: string,
      method: string,
      options: { credentials: Credentials; ext?: string; timestamp?: number },
    ): { header: string };
  };
}
