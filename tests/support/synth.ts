import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";

/*
 * Helpers for the tests of the synth tools, which run them as a user would: in a process of their
 * own (Pulumi's runtime is process-global), from the repository's package scripts.
 */

export const REPO = path.resolve(__dirname, "..", "..");

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tools/<tool>.ts` with `args` in `cwd` (default: this repository), never throwing. */
export function runTool(tool: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ToolResult> {
  const cwd = options.cwd ?? REPO;
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", path.join(cwd, "tools", `${tool}.ts`), ...args], { cwd, env: options.env ?? process.env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err === null ? 0 : typeof err.code === "number" ? err.code : 1, stdout, stderr });
    });
  });
}

/** A local Taskcluster stand-in that would hand out sentinel secret values, and counts requests. */
export interface SentinelServer {
  url: string;
  /** Every sentinel value, in the environment or in the served secret. */
  sentinels: string[];
  /** Environment pointing Taskcluster, Heroku, AWS and Docker clients at sentinels. */
  env: NodeJS.ProcessEnv;
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves, for any path, a branch secret whose keys are every key the stack files declare under a
 * `secrets` list (plus the deploy credentials), each with a sentinel value. In synth mode nothing
 * may ask for it; if something did, its sentinels would show up in the output.
 */
export async function startSentinelServer(stackFiles: string[]): Promise<SentinelServer> {
  const keys = new Set(["HEROKU_USERNAME", "HEROKU_PASSWORD", "DOCKER_USERNAME", "DOCKER_PASSWORD", "DEPLOY_S3_ACCESS_KEY_ID", "DEPLOY_S3_SECRET_ACCESS_KEY"]);
  for (const file of stackFiles) collectSecretKeys(parseYaml(fs.readFileSync(file, "utf8")), keys);
  const common = Object.fromEntries([...keys].map((k) => [k, `sentinel-secret-${k.toLowerCase()}-7f3a9c`]));
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ secret: { common }, expires: "3000-01-01T00:00:00.000Z" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credentials = {
    TASKCLUSTER_CLIENT_ID: "sentinel-client-id-7f3a9c",
    TASKCLUSTER_ACCESS_TOKEN: "sentinel-access-token-7f3a9c",
    HEROKU_API_KEY: "sentinel-heroku-api-key-7f3a9c",
    AWS_ACCESS_KEY_ID: "sentinel-aws-key-id-7f3a9c",
    AWS_SECRET_ACCESS_KEY: "sentinel-aws-secret-7f3a9c",
    DOCKER_PASSWORD: "sentinel-docker-password-7f3a9c",
  };
  return {
    url,
    sentinels: [...Object.values(common), ...Object.values(credentials)],
    env: { ...process.env, ...credentials, TASKCLUSTER_ROOT_URL: url, TASKCLUSTER_PROXY_URL: url },
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function collectSecretKeys(node: unknown, keys: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => collectSecretKeys(n, keys));
  else if (node !== null && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "secrets" && Array.isArray(v)) v.filter((x) => typeof x === "string").forEach((x) => keys.add(x));
      else collectSecretKeys(v, keys);
    }
  }
}

/** The string leaves of `inputs` below the given secret paths (dotted, as evaluate.ts records them). */
export function secretStrings(inputs: Record<string, unknown>, secretPaths: string[]): string[] {
  const out: string[] = [];
  const walk = (value: unknown, at: string, inSecret: boolean) => {
    const secret = inSecret || secretPaths.includes(at);
    if (typeof value === "string" && secret) out.push(value);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}.${i}`, secret));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, at === "" ? k : `${at}.${k}`, secret);
  };
  walk(inputs, "", false);
  return out;
}
