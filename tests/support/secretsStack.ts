import * as assert from "node:assert/strict";
import { stringify } from "yaml";
import { branchSecretName, parseStackConfig, type StackConfig } from "../../config";
import { mockState } from "../../synth/mocks";
import { captureOutput } from "./output";
import { sentinelSecret, sentinelsIn, type Sentinels } from "./sentinels";
import { loadStack, stackFolder, type StackUnderTest } from "./stack";
import { startTaskcluster, type LocalTaskcluster } from "./taskcluster";

/*
 * A branch with several projects reading the branch secret, served by a local Taskcluster with
 * sentinel values, and a way to run the real program against it and see what happened.
 */

/** The client the program signs with; its access token is a sentinel too (it must never be printed). */
export const CLIENT_ID = "project/releng/deploy";

/** Keys the fixture's projects declare, and the sections the secret holds them in. */
export const SECTIONS = {
  common: ["SENTRY_DSN", "DATABASE_URL", "PULSE_USER", "HEROKU_USERNAME", "HEROKU_PASSWORD", "DOCKER_USERNAME", "DOCKER_PASSWORD", "DEPLOY_S3_ACCESS_KEY_ID", "DEPLOY_S3_SECRET_ACCESS_KEY"],
  "tokens/api": ["DATABASE_URL", "AUTH_CLIENT_SECRET"],
  "tooltool/api": ["S3_REGIONS_SECRET_ACCESS_KEY"],
  "notification/policy": ["UNDECLARED_KEY"],
} as const;

/** The stack file of branch `stack`: three Heroku apps, a front end and a hook. */
export function stackFile(stack: string, rootUrl = "https://firefox-ci-tc.services.mozilla.com"): Record<string, unknown> {
  const zone = `${stack}.mozilla-releng.net`;
  return {
    config: {
      "releng-infra:taskcluster": { rootUrl },
      "releng-infra:aws": { zones: { [zone]: {} } },
      "releng-infra:herokuDefaults": { secrets: ["SENTRY_DSN"] },
      "releng-infra:projects": {
        "tokens/api": { heroku: { app: `releng-${stack}-tokens`, domains: [`tokens.${zone}`], secrets: ["DATABASE_URL", "AUTH_CLIENT_SECRET"] } },
        "mapper/api": { heroku: { app: `releng-${stack}-mapper`, secrets: ["DATABASE_URL", "PULSE_USER"] } },
        "tooltool/api": {
          heroku: { app: `releng-${stack}-tooltool`, secrets: ["S3_REGIONS_SECRET_ACCESS_KEY"] },
          hooks: [{ suffix: "-replicate", owner: "releng@mozilla.com", command: ["flask", "replicate"], env: { TASKCLUSTER_SECRET: "{secret}" }, schedule: ["0 * * * *"], maxRunTime: 14400, deadline: "4 hours" }],
        },
        docs: { frontend: { bucket: `releng-${stack}-docs`, domains: [`docs.${zone}`] } },
      },
    },
  };
}

/** The validated config of `stackFile(stack)`, as `loadStackConfig` would return it. */
export function stackConfig(stack: string, rootUrl?: string): StackConfig {
  const raw = stackFile(stack, rootUrl).config as Record<string, unknown>;
  return parseStackConfig(stack, `Pulumi.${stack}.yaml`, Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replace(/^releng-infra:/, ""), v])));
}

/** A folder holding Pulumi.yaml and the stack file, as the Pulumi CLI would run the program in. */
export function stackDir(stack: string, file: Record<string, unknown> = stackFile(stack)): string {
  return stackFolder(stack, stringify(file));
}

export interface SecretsFixture {
  stack: string;
  secretName: string;
  tc: LocalTaskcluster;
  /** Every value of the secret, and the client's access token (`client:accessToken`). */
  sentinels: Sentinels;
  /** The environment that points the program at the local Taskcluster with the client's credentials. */
  env: Record<string, string>;
}

export interface FixtureOptions {
  /** Scopes of the client. Default: `secrets:get:<the branch secret>`, and listing the hook group (every run lists it). */
  scopes?: string[];
  /** Let unsigned requests act as the client, as the taskcluster-proxy of a task does. Default: false. */
  proxy?: boolean;
}

/** Starts a local Taskcluster serving branch `stack`'s secret (sentinels) to a client. */
export async function secretsFixture(stack: string, options: FixtureOptions = {}): Promise<SecretsFixture> {
  const secretName = branchSecretName(stack);
  const { secret, sentinels } = sentinelSecret(SECTIONS);
  const accessToken = `SENTINEL-access-token-${sentinels["common:SENTRY_DSN"]!.slice(-12)}`;
  const scopes = options.scopes ?? [`secrets:get:${secretName}`, "hooks:list-hooks:project-releng"];
  const tc = await startTaskcluster({
    clients: { [CLIENT_ID]: { accessToken, scopes } },
    secrets: { [secretName]: { secret } },
    proxyClientId: options.proxy ? CLIENT_ID : undefined,
  });
  return {
    stack,
    secretName,
    tc,
    sentinels: { ...sentinels, "client:accessToken": accessToken },
    env: { TASKCLUSTER_ROOT_URL: tc.rootUrl, TASKCLUSTER_CLIENT_ID: CLIENT_ID, TASKCLUSTER_ACCESS_TOKEN: accessToken },
  };
}

/** One resource registration, with the number of Secrets `get` requests the server had seen by then. */
export interface Registration {
  key: string;
  getsBefore: number;
}

export interface ProgramRun {
  stack?: StackUnderTest;
  error?: unknown;
  /** Everything the run printed. */
  output: string;
  /** Registrations other than the stack itself, in order. */
  registrations: Registration[];
}

/** Runs the program for `fixture.stack` from `dir` with `env`, recording registrations and output. */
export async function runProgram(fixture: SecretsFixture, dir: string, env: Record<string, string | undefined> = fixture.env): Promise<ProgramRun> {
  const registrations: Registration[] = [];
  const { output, result, error } = await captureOutput(() =>
    loadStack(fixture.stack, {
      dir,
      env,
      mockState: (type, name, inputs) => {
        if (type !== "pulumi:pulumi:Stack") registrations.push({ key: `${type}::${name}`, getsBefore: fixture.tc.requests("get") });
        return mockState(type, name, inputs);
      },
    }),
  );
  return { stack: result, error, output, registrations };
}

/**
 * The run failed with exactly `message` (a SecretsError), registered no resource, and printed no
 * sentinel, in its output or in the error's message and stack.
 */
export function assertFailedBeforeAnyResource(run: ProgramRun, fixture: SecretsFixture, message: string): void {
  const error = run.error as Error | undefined;
  assert.ok(error instanceof Error, `the program should have failed; it returned outputs ${JSON.stringify(run.stack?.outputs)}`);
  assert.equal(error.message, message);
  assert.equal(error.name, "SecretsError");
  assert.deepEqual(run.registrations, []);
  assert.deepEqual(sentinelsIn(`${run.output}\n${error.stack}`, fixture.sentinels), []);
}
