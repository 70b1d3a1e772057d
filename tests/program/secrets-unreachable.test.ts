import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { assertFailedBeforeAnyResource, runProgram, secretsFixture, stackDir, type ProgramRun, type SecretsFixture } from "../support/secretsStack";

describe("a Taskcluster that cannot be reached", () => {
  let fixture: SecretsFixture;
  let run: ProgramRun;
  before(async () => {
    fixture = await secretsFixture("offline");
    // Nothing listens on the port any more: every attempt is refused (and retried, as the client does).
    await fixture.tc.close();
    run = await runProgram(fixture, stackDir("offline"));
  });

  it("fails naming the root URL and what was tried, before any resource", () => {
    const url = `${fixture.tc.rootUrl}/api/secrets/v1/secret/${encodeURIComponent(fixture.secretName)}`;
    assertFailedBeforeAnyResource(
      run,
      fixture,
      `Stack \`offline\`: could not reach Taskcluster at ${fixture.tc.rootUrl} to read secret \`${fixture.secretName}\`: GET ${url} failed 6 times (last error: ECONNREFUSED). ` +
        "Check the network and the root URL (TASKCLUSTER_ROOT_URL, else `taskcluster.rootUrl` of Pulumi.offline.yaml).",
    );
    assert.match(fixture.tc.rootUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
