import { after, before, describe, it } from "node:test";
import { assertFailedBeforeAnyResource, runProgram, secretsFixture, stackDir, type ProgramRun, type SecretsFixture } from "../support/secretsStack";

describe("a client without the scope to read the branch secret", () => {
  let fixture: SecretsFixture;
  let run: ProgramRun;
  before(async () => {
    fixture = await secretsFixture("noscope", { scopes: ["secrets:get:repo:github.com/mozilla-releng/services:branch:production"] });
    run = await runProgram(fixture, stackDir("noscope"));
  });
  after(() => fixture.tc.close());

  it("fails with the scope the server says is missing, before any resource", () => {
    assertFailedBeforeAnyResource(
      run,
      fixture,
      `Stack \`noscope\`: client \`project/releng/deploy\` may not read Taskcluster secret \`${fixture.secretName}\` on ${fixture.tc.rootUrl}: ` +
        `it is missing the scope \`secrets:get:${fixture.secretName}\` (InsufficientScopes); grant it to that client or its role.`,
    );
  });
});
