import { execFile } from "node:child_process";
import * as fs from "node:fs";
import { randomBytes } from "node:crypto";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { branchSecretName, DEPLOY_CREDENTIAL_KEYS } from "../../config/names";
import { sentinelSecret } from "./sentinels";
import { startTaskcluster, type LocalTaskcluster } from "./taskcluster";

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

/** The local Taskcluster serving a branch secret of sentinels, with sentinel credentials. */
export interface SentinelServer {
  tc: LocalTaskcluster;
  /** Every sentinel value: the secret's values and the credentials in `env`. */
  sentinels: string[];
  /** Environment pointing Taskcluster, Heroku, AWS and Docker clients at sentinels. */
  env: Record<string, string>;
}

const CLIENT_ID = "project/releng/synth-test";

/**
 * Serves branch `stack`'s secret with a sentinel for every key its stack file declares under a
 * `secrets` list (plus the deploy credentials), to a client whose token is a sentinel too. In synth
 * mode nothing may ask for it; if something did, its sentinels would show up in the output.
 */
export async function startSentinelServer(stack: string, stackFile: string): Promise<SentinelServer> {
  const keys = new Set(DEPLOY_CREDENTIAL_KEYS);
  collectSecretKeys(parseYaml(fs.readFileSync(stackFile, "utf8")), keys);
  const { secret, sentinels } = sentinelSecret({ common: [...keys] });
  const credentials = {
    TASKCLUSTER_CLIENT_ID: CLIENT_ID,
    TASKCLUSTER_ACCESS_TOKEN: `SENTINEL-access-token-${randomBytes(6).toString("hex")}`,
    HEROKU_API_KEY: `SENTINEL-heroku-api-key-${randomBytes(6).toString("hex")}`,
    AWS_ACCESS_KEY_ID: `SENTINEL-aws-key-id-${randomBytes(6).toString("hex")}`,
    AWS_SECRET_ACCESS_KEY: `SENTINEL-aws-secret-${randomBytes(6).toString("hex")}`,
  };
  const tc = await startTaskcluster({
    clients: { [CLIENT_ID]: { accessToken: credentials.TASKCLUSTER_ACCESS_TOKEN, scopes: [`secrets:get:${branchSecretName(stack)}`] } },
    secrets: { [branchSecretName(stack)]: { secret } },
  });
  return {
    tc,
    sentinels: [...Object.values(sentinels), ...Object.values(credentials).filter((v) => v !== CLIENT_ID)],
    env: { ...credentials, TASKCLUSTER_ROOT_URL: tc.rootUrl, RELENG_INFRA_SYNTH: "1" },
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

/** The string leaves of `inputs`, split by whether they sit below a secret path (dotted, as evaluate.ts records them). */
export function stringLeaves(inputs: Record<string, unknown>, secretPaths: string[]): { secret: string[]; plain: string[] } {
  const out = { secret: [] as string[], plain: [] as string[] };
  const walk = (value: unknown, at: string, inSecret: boolean) => {
    const secret = inSecret || secretPaths.includes(at);
    if (typeof value === "string") (secret ? out.secret : out.plain).push(value);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}.${i}`, secret));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, at === "" ? k : `${at}.${k}`, secret);
  };
  walk(inputs, "", false);
  return out;
}
