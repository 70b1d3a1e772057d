import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { loadStackConfig } from "../../config";
import { loadBranchSecrets } from "../../components/taskcluster/secrets";
import { assertSentinelsOnlyIn, sentinelsIn } from "../support/sentinels";
import { runProgram, secretsFixture, stackDir, type ProgramRun, type SecretsFixture } from "../support/secretsStack";

/** The value and secretness of an Output, as a resource would receive it. */
async function resolved(o: pulumi.Output<string>): Promise<{ value: string; secret: boolean }> {
  const value = await new Promise<string>((resolve) => o.apply(resolve));
  return { value, secret: await pulumi.isSecret(o) };
}

describe("the branch secret, read by the program from Taskcluster", () => {
  let fixture: SecretsFixture;
  let run: ProgramRun;
  before(async () => {
    fixture = await secretsFixture("secrets");
    run = await runProgram(fixture, stackDir("secrets"));
  });
  after(() => fixture.tc.close());

  it("is read with one Secrets get for the whole run, whatever the number of projects", () => {
    assert.equal(run.error, undefined);
    assert.deepEqual(run.stack!.outputs.projects, ["docs", "mapper/api", "tokens/api", "tooltool/api"]);
    assert.equal(fixture.tc.requests("get"), 1);
    // The run's only other request is the one listing of its hook group (unmanaged hooks).
    assert.deepEqual([fixture.tc.requests(), fixture.tc.requests("listHooks")], [2, 1]);
  });

  it("is read before the program registers any resource", () => {
    assert.deepEqual(run.registrations.filter((r) => r.getsBefore === 0), []);
  });

  it("never reaches the output of the run, a stack output, or an input that is not allowed one", () => {
    assert.deepEqual(sentinelsIn(run.output, fixture.sentinels), []);
    // Project keys reach only their app's config vars; deploy credentials only registry logins.
    const configVar = (project: string, sentinel: string) => ({ resource: `pulumi-nodejs:dynamic/heroku:ConfigVars::${project}-config`, path: `vars.${sentinel.split(":")[1]}`, sentinel });
    const login = (image: string, field: string, sentinel: string) => ({ resource: `docker:index/image:Image::${image}`, path: `registry.${field}`, sentinel });
    assertSentinelsOnlyIn(run.stack!, fixture.sentinels, [
      configVar("tokens-api", "tokens/api:DATABASE_URL"),
      configVar("tokens-api", "tokens/api:AUTH_CLIENT_SECRET"),
      configVar("tokens-api", "common:SENTRY_DSN"),
      configVar("mapper-api", "common:DATABASE_URL"),
      configVar("mapper-api", "common:PULSE_USER"),
      configVar("mapper-api", "common:SENTRY_DSN"),
      configVar("tooltool-api", "tooltool/api:S3_REGIONS_SECRET_ACCESS_KEY"),
      configVar("tooltool-api", "common:SENTRY_DSN"),
      login("tokens-api-heroku-web", "password", "common:HEROKU_PASSWORD"),
      login("mapper-api-heroku-web", "password", "common:HEROKU_PASSWORD"),
      login("tooltool-api-heroku-web", "password", "common:HEROKU_PASSWORD"),
      login("tooltool-api-hub", "username", "common:DOCKER_USERNAME"),
      login("tooltool-api-hub", "password", "common:DOCKER_PASSWORD"),
    ]);
  });

  it("hands a project the keys it names, common overlaid by its section, as secret Outputs", async () => {
    const secrets = await loadBranchSecrets(loadStackConfig());
    const s = fixture.sentinels;
    assert.equal(secrets.name, fixture.secretName);
    const tokens = secrets.forProject("tokens/api", ["DATABASE_URL", "SENTRY_DSN", "AUTH_CLIENT_SECRET"]);
    assert.deepEqual(Object.keys(tokens), ["DATABASE_URL", "SENTRY_DSN", "AUTH_CLIENT_SECRET"]);
    assert.deepEqual(
      await Promise.all(Object.values(tokens).map(resolved)),
      [s["tokens/api:DATABASE_URL"], s["common:SENTRY_DSN"], s["tokens/api:AUTH_CLIENT_SECRET"]].map((value) => ({ value, secret: true })),
    );
    assert.deepEqual(await resolved(secrets.forProject("mapper/api", ["DATABASE_URL"]).DATABASE_URL!), { value: s["common:DATABASE_URL"], secret: true });
    assert.deepEqual(await resolved(secrets.deployCredential("DOCKER_PASSWORD")), { value: s["common:DOCKER_PASSWORD"], secret: true });
    assert.equal(fixture.tc.requests("get"), 1, "a second loadBranchSecrets in the same run reads nothing");
  });
});
