import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { loadStackConfig } from "../../config";
import { isPlaceholder, loadBranchSecrets } from "../../components/taskcluster/secrets";
import { sentinelsIn } from "../support/sentinels";
import { runProgram, secretsFixture, stackDir, type ProgramRun, type SecretsFixture } from "../support/secretsStack";

describe("offline synth (RELENG_INFRA_SYNTH under the mock runtime)", () => {
  let fixture: SecretsFixture;
  let run: ProgramRun;
  before(async () => {
    fixture = await secretsFixture("synth");
    // Credentials and a reachable Taskcluster are there; synth must not use them.
    run = await runProgram(fixture, stackDir("synth"), { ...fixture.env, RELENG_INFRA_SYNTH: "1" });
  });
  after(() => fixture.tc.close());

  it("evaluates the program without any request to Taskcluster", () => {
    assert.equal(run.error, undefined);
    assert.deepEqual(run.stack!.outputs.projects, ["docs", "mapper/api", "tokens/api", "tooltool/api"]);
    assert.equal(fixture.tc.requests(), 0);
    assert.deepEqual(sentinelsIn(run.output, fixture.sentinels), []);
  });

  it("hands out placeholders that are still secret Outputs and that providers can recognise", async () => {
    const secrets = await loadBranchSecrets(loadStackConfig());
    const outputs = [...Object.values(secrets.forProject("tokens/api", ["DATABASE_URL", "SENTRY_DSN"])), secrets.deployCredential("HEROKU_PASSWORD")];
    const values = await Promise.all(outputs.map((o) => new Promise<string>((resolve) => o.apply(resolve))));
    assert.deepEqual(values, ["[placeholder:DATABASE_URL]", "[placeholder:SENTRY_DSN]", "[placeholder:HEROKU_PASSWORD]"]);
    assert.deepEqual(await Promise.all(outputs.map((o) => pulumi.isSecret(o))), [true, true, true]);
    assert.ok(values.every(isPlaceholder));
    assert.throws(() => secrets.forProject("tokens/api", ["DOCKER_PASSWORD"]), /deploy credentials reach registry logins and deploy tooling only/);
  });
});
