import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { assertFailedBeforeAnyResource, runProgram, secretsFixture, stackDir, type ProgramRun, type SecretsFixture } from "../support/secretsStack";

describe("an environment without Taskcluster credentials", () => {
  let fixture: SecretsFixture;
  let run: ProgramRun;
  before(async () => {
    fixture = await secretsFixture("nocreds");
    run = await runProgram(fixture, stackDir("nocreds"), { TASKCLUSTER_ROOT_URL: fixture.tc.rootUrl, TASKCLUSTER_ACCESS_TOKEN: "" });
  });
  after(() => fixture.tc.close());

  it("fails naming the variables to set, without a request, before any resource", () => {
    assertFailedBeforeAnyResource(
      run,
      fixture,
      `Stack \`nocreds\`: no Taskcluster credentials in the environment to read secret \`${fixture.secretName}\` from ${fixture.tc.rootUrl}: ` +
        `set TASKCLUSTER_CLIENT_ID and TASKCLUSTER_ACCESS_TOKEN (a client with the scope \`secrets:get:${fixture.secretName}\`), or run inside a task with TASKCLUSTER_PROXY_URL. ` +
        "TASKCLUSTER_ROOT_URL, when set, replaces `taskcluster.rootUrl` of Pulumi.nocreds.yaml.",
    );
    assert.equal(fixture.tc.requests(), 0);
  });
});
