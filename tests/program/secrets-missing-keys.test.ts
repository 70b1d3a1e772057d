import { after, before, describe, it } from "node:test";
import { assertFailedBeforeAnyResource, runProgram, secretsFixture, stackDir, type ProgramRun, type SecretsFixture } from "../support/secretsStack";

describe("a branch secret that lacks keys projects declare", () => {
  let fixture: SecretsFixture;
  let run: ProgramRun;
  before(async () => {
    fixture = await secretsFixture("nokeys");
    const { secret } = fixture.tc.secrets.get(fixture.secretName)!;
    const common = secret.common as Record<string, string>;
    const tokens = secret["tokens/api"] as Record<string, string>;
    delete common.SENTRY_DSN;
    delete common.PULSE_USER;
    delete tokens.AUTH_CLIENT_SECRET;
    fixture.tc.secrets.set(fixture.secretName, secret);
    run = await runProgram(fixture, stackDir("nokeys"));
  });
  after(() => fixture.tc.close());

  it("fails listing every missing key with its project and the field declaring it, before any resource", () => {
    assertFailedBeforeAnyResource(
      run,
      fixture,
      [
        `Stack \`nokeys\`: Taskcluster secret \`${fixture.secretName}\` lacks 5 keys that Pulumi.nokeys.yaml declares:`,
        "  - project `mapper/api`: `SENTRY_DSN` (herokuDefaults.secrets)",
        "  - project `mapper/api`: `PULSE_USER` (heroku.secrets)",
        "  - project `tokens/api`: `SENTRY_DSN` (herokuDefaults.secrets)",
        "  - project `tokens/api`: `AUTH_CLIENT_SECRET` (heroku.secrets)",
        "  - project `tooltool/api`: `SENTRY_DSN` (herokuDefaults.secrets)",
        `Add each to the secret's \`common\` section or to the project's own section (${fixture.tc.rootUrl}/secrets/${encodeURIComponent(fixture.secretName)}).`,
      ].join("\n"),
    );
  });
});
