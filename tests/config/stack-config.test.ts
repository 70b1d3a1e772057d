import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseStackConfig } from "../../config";

/** A valid stack file's `releng-infra:` keys; tests spread changes over it. */
function stackFile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    taskcluster: { rootUrl: "https://tc.example.com" },
    aws: { zones: { "staging.mozilla-releng.net": {} } },
    projects: {
      "tokens/api": { heroku: { app: "releng-staging-tokens", domains: ["tokens.staging.mozilla-releng.net"] } },
      "releng-frontend": {
        frontend: { bucket: "releng-staging-frontend", domains: ["staging.mozilla-releng.net"], requires: ["tokens/api"] },
      },
    },
    ...overrides,
  };
}

function problemsOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected the stack file to be rejected");
}

describe("stack config", () => {
  it("derives the branch secret, hook group and hook prefix from the stack name", () => {
    const config = parseStackConfig("staging", "Pulumi.staging.yaml", stackFile());
    assert.equal(config.branch, "staging");
    assert.equal(config.taskcluster.secret, "repo:github.com/mozilla-releng/services:branch:staging");
    assert.equal(config.taskcluster.hookGroupId, "project-releng");
    assert.equal(config.taskcluster.hookPrefix, "services-staging-");
    assert.equal(config.taskcluster.pruneUnmanagedHooks, false);
    assert.deepEqual(config.taskcluster.hookDefaults, { provisionerId: "aws-provisioner-v1", workerType: "releng-svc", priority: "lowest", retries: 5, expires: "1 month" });
  });

  it("sorts projects by id and gives each its public URL from its first domain", () => {
    const config = parseStackConfig("staging", "Pulumi.staging.yaml", stackFile());
    assert.deepEqual(
      config.projects.map((p) => [p.id, p.url]),
      [
        ["releng-frontend", "https://staging.mozilla-releng.net"],
        ["tokens/api", "https://tokens.staging.mozilla-releng.net"],
      ],
    );
  });

  it("fills Heroku defaults: one web dyno in the us region", () => {
    const tokens = parseStackConfig("staging", "Pulumi.staging.yaml", stackFile()).projects.find((p) => p.id === "tokens/api");
    assert.deepEqual(tokens?.heroku?.dynos, { web: {} });
    assert.equal(tokens?.heroku?.region, "us");
  });

  it("gives every app the branch-wide secret keys before its own, once each", () => {
    const raw = stackFile({ herokuDefaults: { secrets: ["SENTRY_DSN", "PAPERTRAIL_HOST"] } });
    const projects = raw.projects as Record<string, Record<string, Record<string, unknown>>>;
    projects["tokens/api"]!.heroku!.secrets = ["DATABASE_URL", "SENTRY_DSN"];
    const config = parseStackConfig("staging", "Pulumi.staging.yaml", raw);
    assert.deepEqual(config.projects.find((p) => p.id === "tokens/api")?.heroku?.secrets, ["SENTRY_DSN", "PAPERTRAIL_HOST", "DATABASE_URL"]);
    assert.equal(config.projects.find((p) => p.id === "releng-frontend")?.heroku, undefined);
  });

  it("makes hook ids from prefix, project id and suffix, keeping the slash", () => {
    const config = parseStackConfig(
      "staging",
      "Pulumi.staging.yaml",
      stackFile({
        projects: {
          "tooltool/api": {
            hooks: [
              { suffix: "-replicate", owner: "a@example.com", command: ["flask", "replicate"], maxRunTime: 14400, deadline: "4 hours" },
              { suffix: "-check_pending_uploads", owner: "a@example.com", command: ["flask", "check-pending-uploads"], maxRunTime: 14400, deadline: "4 hours" },
            ],
          },
        },
      }),
    );
    assert.deepEqual(config.projects[0]?.hookIds, ["services-staging-tooltool/api-replicate", "services-staging-tooltool/api-check_pending_uploads"]);
  });

  it("reports every mistake of a file at once, each naming file, project and field", () => {
    const raw = stackFile();
    const projects = raw.projects as Record<string, Record<string, Record<string, unknown>>>;
    projects["tokens/api"]!.heroku!.app = "Releng_Staging_Tokens";
    projects["releng-frontend"]!.frontend!.bucket = "Bad..Bucket";
    projects["releng-frontend"]!.frontend!.requires = ["nope/api"];
    const err = problemsOf(() => parseStackConfig("staging", "Pulumi.staging.yaml", raw));
    // Schema errors are reported before cross-field ones, so fix the schema error and look again.
    assert.deepEqual(err.problems.map((p) => [p.project, p.field]), [["tokens/api", "heroku.app"]]);
    assert.match(err.message, /^Stack `staging` \(Pulumi\.staging\.yaml\) has 1 configuration error:/);

    projects["tokens/api"]!.heroku!.app = "releng-staging-tokens";
    projects["tokens/api"]!.heroku!.region = "mars";
    (raw.taskcluster as Record<string, unknown>).rootUrl = "not a url";
    (raw.taskcluster as Record<string, unknown>).hookGroupID = "typo";
    const three = problemsOf(() => parseStackConfig("staging", "Pulumi.staging.yaml", raw));
    assert.deepEqual(
      three.problems.map((p) => [p.project, p.field]).sort(),
      [
        [undefined, "taskcluster.hookGroupID"],
        [undefined, "taskcluster.rootUrl"],
        ["tokens/api", "heroku.region"],
      ].sort(),
    );
    assert.match(three.message, /has 3 configuration errors:/);
    assert.match(three.message, /project `tokens\/api`, field `heroku\.region`/);
    assert.match(three.message, /field `taskcluster\.hookGroupID`: is not a known setting/);
  });

  it("says which required field is missing", () => {
    const raw = stackFile({ projects: { "tooltool/api": { hooks: [{ owner: "a@example.com", command: ["flask", "replicate"], deadline: "4 hours" }] } } });
    const err = problemsOf(() => parseStackConfig("staging", "Pulumi.staging.yaml", raw));
    assert.deepEqual(err.problems, [{ project: "tooltool/api", field: "hooks.0.maxRunTime", message: "is required (number)" }]);
  });

  it("reports every cross-field mistake at once", () => {
    const raw = stackFile();
    const projects = raw.projects as Record<string, Record<string, Record<string, unknown>>>;
    projects["releng-frontend"]!.frontend!.bucket = "Bad..Bucket";
    projects["releng-frontend"]!.frontend!.requires = ["nope/api"];
    projects["tokens/api"]!.heroku!.domains = ["tokens.mozilla-releng.net"];
    const err = problemsOf(() => parseStackConfig("staging", "Pulumi.staging.yaml", raw));
    assert.deepEqual(err.problems, [
      {
        project: "releng-frontend",
        field: "frontend.bucket",
        message: "`Bad..Bucket` must be lowercase letters, digits, dots and dashes, starting and ending with a letter or digit",
      },
      { project: "releng-frontend", field: "frontend.requires.0", message: "`nope/api` is not a project of this branch" },
      { project: "tokens/api", field: "heroku.domains.0", message: "`tokens.mozilla-releng.net` is outside this branch's zones (staging.mozilla-releng.net)" },
    ]);
  });

  it("refuses deploy credentials as app config vars", () => {
    const raw = stackFile();
    const projects = raw.projects as Record<string, Record<string, Record<string, unknown>>>;
    projects["tokens/api"]!.heroku!.secrets = ["DATABASE_URL", "HEROKU_PASSWORD", "AWS_SECRET_ACCESS_KEY", "PULUMI_CONFIG_PASSPHRASE"];
    const err = problemsOf(() => parseStackConfig("staging", "Pulumi.staging.yaml", raw));
    assert.deepEqual(
      err.problems.map((p) => p.message),
      ["HEROKU_PASSWORD", "AWS_SECRET_ACCESS_KEY", "PULUMI_CONFIG_PASSPHRASE"].map((key) => `\`${key}\` is a deploy credential and must never reach an app's config vars`),
    );
  });

  it("refuses a front end that requires a project without a URL, and two projects on one domain", () => {
    const raw = stackFile();
    const projects = raw.projects as Record<string, Record<string, Record<string, unknown>>>;
    projects["tokens/api"]!.heroku!.domains = ["staging.mozilla-releng.net"];
    const err = problemsOf(() => parseStackConfig("staging", "Pulumi.staging.yaml", raw));
    assert.deepEqual(err.problems.map((p) => [p.project, p.field, p.message]), [
      ["tokens/api", "heroku.domains.0", "`staging.mozilla-releng.net` is also used by project `releng-frontend`"],
    ]);
    projects["tokens/api"]!.heroku!.domains = [];
    const noUrl = problemsOf(() => parseStackConfig("staging", "Pulumi.staging.yaml", raw));
    assert.deepEqual(noUrl.problems.map((p) => [p.project, p.field, p.message]), [
      ["releng-frontend", "frontend.requires.0", "`tokens/api` has no domain, so it has no URL to connect to"],
    ]);
  });
});
