import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { before, describe, it } from "node:test";
import { loadStack, type RecordedResource, type StackUnderTest } from "../support/stack";

const SECRET_KEYS = ["S3_REGIONS", "S3_REGIONS_ACCESS_KEY_ID", "S3_REGIONS_SECRET_ACCESS_KEY", "PULSE_USER", "PULSE_PASSWORD", "SENTRY_DSN", "PAPERTRAIL_HOST", "PAPERTRAIL_PORT"];

describe("tooltool/api on the staging stack under mocks", () => {
  let stack: StackUnderTest;
  let component: RecordedResource;
  const commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  before(async () => {
    stack = await loadStack("staging");
    component = stack.get("releng-infra:heroku:App", "tooltool-api");
  });

  it("releases one image to web and to worker, the worker with its command, after the config vars", () => {
    const releases = stack.childrenOf(component).filter((r) => r.type === "pulumi-nodejs:dynamic/heroku:Release");
    const digest = String(releases[0]?.inputs.image).split("@")[1];
    assert.match(digest ?? "", /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(
      releases.map((r) => [r.name, r.inputs.app, r.inputs.processType, r.inputs.image, r.inputs.command, r.dependsOn]),
      [
        ["tooltool-api-web", "releng-staging-tooltool", "web", `registry.heroku.com/releng-staging-tooltool/web@${digest}`, undefined, ["pulumi-nodejs:dynamic/heroku:ConfigVars::tooltool-api-config"]],
        ["tooltool-api-worker", "releng-staging-tooltool", "worker", `registry.heroku.com/releng-staging-tooltool/worker@${digest}`, "/bin/flask worker", ["pulumi-nodejs:dynamic/heroku:ConfigVars::tooltool-api-config"]],
      ],
    );
  });

  it("builds the image from src/tooltool/api for linux/amd64, tagged with branch and commit, pushed once per process type after the app exists", () => {
    const image = stack.get("releng-infra:docker:Image", "tooltool-api");
    // Not the Docker Hub push its hooks run (`tooltool-api-hub`): that one is no Heroku release.
    const builds = stack.childrenOf(image).filter((r) => r.type === "docker:index/image:Image" && r.name !== "tooltool-api-hub");
    assert.deepEqual(
      builds.map((b) => [b.name, b.inputs.imageName, b.inputs.build, b.inputs.buildOnPreview, b.inputs.registry, b.secretPaths, b.dependsOn]),
      ["web", "worker"].map((type) => [
        `tooltool-api-heroku-${type}`,
        `registry.heroku.com/releng-staging-tooltool/${type}:staging-${commit.slice(0, 12)}`,
        { context: "src/tooltool/api", dockerfile: "src/tooltool/api/Dockerfile", platform: "linux/amd64", args: {} },
        false,
        { server: "registry.heroku.com", username: "_", password: "[placeholder:HEROKU_PASSWORD]" },
        // Pulumi makes the whole object secret when a part of it is.
        ["registry"],
        ["pulumi-nodejs:dynamic/heroku:App::tooltool-api"],
      ]),
    );
  });

  it("sets APP_CHANNEL, the project's secret keys and a generated SECRET_KEY_BASE64, values secret, never a deploy credential", () => {
    const vars = stack.get("pulumi-nodejs:dynamic/heroku:ConfigVars", "tooltool-api-config");
    const values = vars.inputs.vars as Record<string, string>;
    assert.deepEqual(Object.keys(values).sort(), ["APP_CHANNEL", "SECRET_KEY_BASE64", ...SECRET_KEYS].sort());
    assert.equal(values.APP_CHANNEL, "staging");
    // Pulumi makes the whole map secret when one value is; state then holds none of them in clear.
    assert.deepEqual(vars.secretPaths, ["vars"]);
    assert.equal(vars.inputs.tokenSecret, "repo:github.com/mozilla-releng/services:branch:staging");
    assert.equal(vars.parent, component.key);
  });

  it("generates SECRET_KEY_BASE64 from 64 random bytes kept by the stack file's keeper", () => {
    const bytes = stack.get("random:index/randomBytes:RandomBytes", "tooltool-api-secret-key-base64");
    assert.deepEqual([bytes.inputs.length, bytes.inputs.keepers, bytes.parent], [64, { keeper: "1" }, component.key]);
    const value = (stack.get("pulumi-nodejs:dynamic/heroku:ConfigVars", "tooltool-api-config").inputs.vars as Record<string, string>).SECRET_KEY_BASE64!;
    assert.equal(Buffer.from(value, "base64").length, 64);
  });

  it("adds the custom domain and reports its DNS target, on an unprotected container app in the us", () => {
    const app = stack.get("pulumi-nodejs:dynamic/heroku:App", "tooltool-api");
    assert.deepEqual([app.inputs.name, app.inputs.region, app.inputs.team, app.protect], ["releng-staging-tooltool", "us", undefined, false]);
    const domain = stack.get("pulumi-nodejs:dynamic/heroku:Domain", "tooltool-api-tooltool.staging.mozilla-releng.net");
    assert.deepEqual([domain.inputs.app, domain.inputs.hostname, domain.protect], ["releng-staging-tooltool", "tooltool.staging.mozilla-releng.net", false]);
    const heroku = stack.outputs.heroku as Record<string, { dnsTargets: Record<string, string>; images: Record<string, string> }>;
    assert.match(heroku["tooltool/api"]!.dnsTargets["tooltool.staging.mozilla-releng.net"]!, /^[0-9a-f]{16}\.herokudns\.com$/);
    assert.deepEqual(Object.keys(heroku["tooltool/api"]!.images), ["web", "worker"]);
  });
});
