import { after, before, describe, it } from "node:test";
import { assertFailedBeforeAnyResource, runProgram, secretsFixture, stackDir, type ProgramRun, type SecretsFixture } from "../support/secretsStack";

describe("a branch whose secret does not exist", () => {
  let fixture: SecretsFixture;
  let run: ProgramRun;
  before(async () => {
    fixture = await secretsFixture("nosecret");
    fixture.tc.secrets.delete(fixture.secretName);
    run = await runProgram(fixture, stackDir("nosecret"));
  });
  after(() => fixture.tc.close());

  it("fails naming the secret, the root URL and the scope needed, before any resource", () => {
    const name = fixture.secretName;
    assertFailedBeforeAnyResource(
      run,
      fixture,
      `Stack \`nosecret\`: Taskcluster secret \`${name}\` does not exist on ${fixture.tc.rootUrl}: create it (${fixture.tc.rootUrl}/secrets/${encodeURIComponent(name)}), ` +
        `or set \`taskcluster.secret\` in Pulumi.nosecret.yaml; reading it needs the scope \`secrets:get:${name}\`.`,
    );
  });
});
