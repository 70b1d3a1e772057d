import * as assert from "node:assert/strict";
import { inspect } from "node:util";
import { after, before, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { isPlaceholder, loadBranchSecrets, type BranchSecrets } from "../../components/taskcluster/secrets";
import { sentinelsIn } from "../support/sentinels";
import { secretsFixture, stackConfig, type SecretsFixture } from "../support/secretsStack";
import { setProgramEnv } from "../support/stack";

/*
 * BranchSecrets against the local Taskcluster, outside any Pulumi runtime. Each test reads the secret
 * of a stack of its own: loadBranchSecrets reads a stack's secret once per process.
 */

async function value(o: pulumi.Output<string>): Promise<string> {
  return new Promise((resolve) => o.apply(resolve));
}

describe("BranchSecrets", () => {
  let fixture: SecretsFixture;
  let secrets: BranchSecrets;
  before(async () => {
    fixture = await secretsFixture("unit");
    setProgramEnv(fixture.env);
    secrets = await loadBranchSecrets(stackConfig("unit"));
  });
  after(() => fixture.tc.close());

  it("refuses to hand a deploy credential to a project, naming every one asked for", () => {
    assert.throws(() => secrets.forProject("tokens/api", ["DATABASE_URL", "HEROKU_PASSWORD", "DOCKER_PASSWORD"]), {
      name: "SecretsError",
      message: "Stack `unit`: project `tokens/api` asked for `HEROKU_PASSWORD`, `DOCKER_PASSWORD`: deploy credentials reach registry logins and deploy tooling only, never a project's resources",
    });
  });

  it("hands out deploy credentials only through deployCredential", () => {
    assert.throws(() => secrets.deployCredential("DATABASE_URL"), {
      message: "Stack `unit`: `DATABASE_URL` is not a deploy credential (HEROKU_USERNAME, HEROKU_PASSWORD, DOCKER_USERNAME, DOCKER_PASSWORD, DEPLOY_S3_ACCESS_KEY_ID, DEPLOY_S3_SECRET_ACCESS_KEY); a project reads its keys with forProject",
    });
  });

  it("fails for a project the stack does not have, and for a key nobody declared and the secret lacks", () => {
    assert.throws(() => secrets.forProject("notification/policy", ["UNDECLARED_KEY"]), {
      message: `Stack \`unit\`: \`notification/policy\` is not a project of this stack, so it has no view of secret \`${fixture.secretName}\``,
    });
    assert.throws(() => secrets.forProject("docs", ["AUTH_CLIENT_SECRET"]), {
      message: `Stack \`unit\`: Taskcluster secret \`${fixture.secretName}\` has no key \`AUTH_CLIENT_SECRET\` in \`common\` or section \`docs\`; declare the keys a project reads (\`heroku.secrets\`) so they are checked before anything is deployed`,
    });
  });

  it("keeps every value out of its printed, JSON and serialized forms", async () => {
    const captured = secrets;
    const serialized = await pulumi.runtime.serializeFunction(() => () => captured.forProject("tokens/api", ["DATABASE_URL"]));
    const texts = [inspect(secrets, { depth: 10, showHidden: true }), JSON.stringify(secrets), serialized.text];
    assert.deepEqual(texts.map((t) => sentinelsIn(t, fixture.sentinels)), [[], [], []]);
    // The object was captured, name and all: only its values stay out of reach.
    assert.ok(serialized.text.includes(fixture.secretName) && serialized.text.includes("forProject"));
  });
});

describe("loadBranchSecrets", () => {
  let fixture: SecretsFixture;
  before(async () => {
    fixture = await secretsFixture("proxied", { proxy: true });
  });
  after(() => fixture.tc.close());

  it("reads through the task's proxy when only TASKCLUSTER_PROXY_URL is set, and retries a 5xx", async () => {
    setProgramEnv({ TASKCLUSTER_PROXY_URL: fixture.tc.rootUrl });
    fixture.tc.failNext("get", 1);
    const secrets = await loadBranchSecrets(stackConfig("proxied"));
    assert.equal(await value(secrets.forProject("tooltool/api", ["S3_REGIONS_SECRET_ACCESS_KEY"]).S3_REGIONS_SECRET_ACCESS_KEY!), fixture.sentinels["tooltool/api:S3_REGIONS_SECRET_ACCESS_KEY"]);
    assert.equal(fixture.tc.requests("get"), 2);
  });

  it("passes values that are not strings as their JSON text", async () => {
    fixture.tc.secrets.set(fixture.secretName, { common: { SENTRY_DSN: 42, DATABASE_URL: { a: [1] } }, "mapper/api": { PULSE_USER: null }, "tokens/api": { AUTH_CLIENT_SECRET: true }, "tooltool/api": { S3_REGIONS_SECRET_ACCESS_KEY: "s" } });
    setProgramEnv({ TASKCLUSTER_PROXY_URL: fixture.tc.rootUrl });
    const config = stackConfig("json");
    const secrets = await loadBranchSecrets({ ...config, taskcluster: { ...config.taskcluster, secret: fixture.secretName } });
    const mapper = secrets.forProject("mapper/api", ["SENTRY_DSN", "DATABASE_URL", "PULSE_USER"]);
    assert.deepEqual(await Promise.all(Object.values(mapper).map(value)), ["42", '{"a":[1]}', "null"]);
  });

  it("refuses offline synth outside Pulumi's mock runtime, since placeholders must never be deployed", async () => {
    setProgramEnv({ RELENG_INFRA_SYNTH: "1", TASKCLUSTER_PROXY_URL: fixture.tc.rootUrl });
    const name = "repo:github.com/mozilla-releng/services:branch:engine";
    await assert.rejects(loadBranchSecrets(stackConfig("engine")), {
      name: "SecretsError",
      message: `Stack \`engine\`: RELENG_INFRA_SYNTH is set, but this is a real Pulumi deployment: offline synth hands out placeholders instead of the values of secret \`${name}\`, and those must never be deployed. Unset RELENG_INFRA_SYNTH (\`npm run synth\` sets it itself).`,
    });
  });

  it("tells a placeholder from a value", () => {
    assert.deepEqual([isPlaceholder("[placeholder:DATABASE_URL]"), isPlaceholder(fixture.sentinels["common:DATABASE_URL"])], [true, false]);
  });
});
