import * as assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { herokuApi } from "../../components/heroku/api";
import { appProvider, type AppInputs } from "../../components/heroku/app";
import { configVarsProvider, type ConfigVarsInputs } from "../../components/heroku/configVars";
import { releaseProvider, type ReleaseInputs } from "../../components/heroku/release";
import { startHeroku } from "../support/heroku/engine";
import type { HerokuServer } from "../support/heroku/server";

const APP = "releng-staging-mapper";
const create = (name = APP) => appProvider.create({ name, region: "us", stack: "container" } as AppInputs);

describe("Heroku errors and retries", () => {
  let heroku: HerokuServer;
  before(async () => {
    heroku = await startHeroku();
  });
  beforeEach(() => {
    heroku.world.apps.clear();
    heroku.reset();
    process.env.HEROKU_API_KEY = heroku.token;
  });
  after(() => heroku.stop());

  it("waits as long as a 429's Retry-After says, then completes", async () => {
    heroku.inject({ status: 429, times: 1, route: "POST /apps", retryAfter: "1" });
    const started = Date.now();
    const { outs } = await create();
    assert.ok(Date.now() - started >= 950, `retried after ${Date.now() - started} ms, before Retry-After`);
    assert.equal(outs?.name, APP);
    assert.deepEqual(heroku.requests.map((r) => [r.route, r.status]), [["POST /apps", 429], ["POST /apps", 201]]);
  });

  it("retries a 503 with backoff and completes", async () => {
    heroku.inject({ status: 503, times: 1 });
    await create();
    assert.deepEqual(heroku.requests.map((r) => r.status), [503, 201]);
  });

  it("gives up after five attempts when Heroku keeps failing, naming app, operation and status", async () => {
    heroku.inject({ status: 500, times: 10, retryAfter: "0" });
    await assert.rejects(create(), {
      name: "HerokuError",
      message: "Heroku app `releng-staging-mapper`: create failed with 500 internal_server_error: Internal server error.",
    });
    assert.equal(heroku.requests.length, 5);
  });

  it("fails at once on a wrong token, saying where the token comes from", async () => {
    process.env.HEROKU_API_KEY = "not-the-token";
    await assert.rejects(create(), {
      name: "HerokuError",
      id: "unauthorized",
      status: 401,
      app: APP,
      operation: "create",
      message: "Heroku app `releng-staging-mapper`: create failed with 401 unauthorized: Invalid credentials provided. (check HEROKU_API_KEY, or HEROKU_PASSWORD in the branch secret)",
    });
    assert.equal(heroku.requests.length, 1);
  });

  it("fails at once when the name is taken", async () => {
    heroku.world.addApp(APP);
    await assert.rejects(create(), {
      name: "HerokuError",
      id: "invalid_params",
      status: 422,
      message: "Heroku app `releng-staging-mapper`: create failed with 422 invalid_params: Name is already taken",
    });
    assert.equal(heroku.requests.length, 1);
  });

  it("refuses a bad name or a foreign image in check, before any request", async () => {
    const app = await appProvider.check!({} as AppInputs, { name: "Releng_Mapper", region: "mars" } as AppInputs);
    assert.deepEqual(app.failures, [
      { property: "name", reason: "`Releng_Mapper` is not a Heroku app name: 3-30 lowercase letters, digits or dashes, starting with a letter" },
      { property: "region", reason: "`mars` is not a Heroku region: use `us` or `eu`" },
    ]);
    const image = `registry.heroku.com/releng-staging-tokens/web@sha256:${"a".repeat(64)}`;
    const release = await releaseProvider.check!({} as ReleaseInputs, { app: APP, processType: "web", image });
    assert.deepEqual(release.failures, [
      { property: "image", reason: `\`${image}\` is in the registry of app \`releng-staging-tokens\`, not \`${APP}\`: Heroku releases only images pushed to the app's own registry` },
    ]);
    const tag = await releaseProvider.check!({} as ReleaseInputs, { app: APP, processType: "web", image: "mozillareleng/services:latest" });
    assert.deepEqual(tag.failures, [{ property: "image", reason: "`mozillareleng/services:latest` is not an image of a Heroku app pinned by digest: `registry.heroku.com/<app>/<process type>@sha256:<64 hex digits>`" }]);
    assert.deepEqual(heroku.requests, []);
  });

  it("refuses config vars holding offline-synth placeholders or deploy credentials, before any request", async () => {
    const checked = await configVarsProvider.check!({} as ConfigVarsInputs, { app: APP, vars: { SENTRY_DSN: "[placeholder:SENTRY_DSN]", HEROKU_PASSWORD: "x", A: "1" } });
    assert.deepEqual(checked.failures, [
      { property: "vars.SENTRY_DSN", reason: "holds an offline-synth placeholder, not the branch secret's value: deploy with access to the branch secret" },
      { property: "vars.HEROKU_PASSWORD", reason: "`HEROKU_PASSWORD` is a deploy credential and must never reach an app's config vars" },
    ]);
    assert.deepEqual(heroku.requests, []);
  });

  it("is answered with Heroku's error when a Docker release lacks the docker-releases Accept variant", async () => {
    heroku.world.addApp(APP);
    await assert.rejects(
      herokuApi(heroku.token, { app: APP, operation: "release web", method: "PATCH", path: `/apps/${APP}/formation`, body: { updates: [{ type: "web", docker_image: `sha256:${"b".repeat(64)}` }] } }),
      { message: "Heroku app `releng-staging-mapper`: release web failed with 422 invalid_params: Invalid params: docker_image is not a valid parameter. Use Accept: application/vnd.heroku+json; version=3.docker-releases to release Docker images." },
    );
  });
});
