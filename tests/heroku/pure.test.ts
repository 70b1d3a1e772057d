import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { appCreateRequest, appProvider, type AppOutputs } from "../../components/heroku/app";
import { configVarsPatch } from "../../components/heroku/configVars";
import { domainProvider, type DomainOutputs } from "../../components/heroku/domain";
import { parseHerokuImageRef } from "../../components/heroku/images";
import { formationUpdate } from "../../components/heroku/release";
import { isRetryable, retryDelayMs } from "../../components/heroku/retry";
import { wire } from "../support/heroku/engine";

const DIGEST = `sha256:${"c".repeat(64)}`;

describe("Heroku request bodies and decisions", () => {
  it("patches config vars with changed keys only, and null for dropped keys", () => {
    const cases: Array<[Record<string, string>, Record<string, string>, Record<string, string | null>]> = [
      // first deploy: everything declared
      [{}, { A: "1", B: "2" }, { A: "1", B: "2" }],
      // nothing changed: nothing to send
      [{ A: "1" }, { A: "1" }, {}],
      // one value changed
      [{ A: "1", B: "2" }, { A: "1", B: "3" }, { B: "3" }],
      // a key removed from the stack file, one added
      [{ A: "1", B: "2" }, { A: "1", C: "" }, { C: "", B: null }],
      // delete: every declared key unset
      [{ A: "1", B: "2" }, {}, { A: null, B: null }],
    ];
    for (const [olds, news, patch] of cases) assert.deepEqual(configVarsPatch(olds, news), patch, `${JSON.stringify(olds)} → ${JSON.stringify(news)}`);
  });

  it("retries 429 and 5xx only, waiting as Retry-After says or backing off exponentially", () => {
    assert.deepEqual([200, 401, 403, 404, 422, 429, 500, 503].map(isRetryable), [false, false, false, false, false, true, true, true]);
    const now = Date.parse("2024-01-01T00:00:00Z");
    assert.deepEqual(
      [
        retryDelayMs(1, null, now),
        retryDelayMs(3, null, now),
        retryDelayMs(20, null, now),
        retryDelayMs(1, "3", now),
        retryDelayMs(1, "0", now),
        retryDelayMs(1, "Mon, 01 Jan 2024 00:00:05 GMT", now),
        retryDelayMs(1, "86400", now),
        retryDelayMs(2, "soon", now),
      ],
      [500, 2000, 60_000, 3000, 0, 5000, 60_000, 1000],
    );
  });

  it("creates personal apps through /apps and team apps through /teams/apps, always on the container stack", () => {
    assert.deepEqual(appCreateRequest({ name: "releng-staging-tokens", region: "us", stack: "container" }), {
      path: "/apps",
      body: { name: "releng-staging-tokens", region: "us", stack: "container" },
    });
    assert.deepEqual(appCreateRequest({ name: "releng-staging-tokens", region: "eu", stack: "container", team: "mozilla" }), {
      path: "/teams/apps",
      body: { name: "releng-staging-tokens", region: "eu", stack: "container", team: "mozilla" },
    });
  });

  it("releases one process type with its command only when one is given", () => {
    const base = { app: "releng-staging-tooltool", image: `registry.heroku.com/releng-staging-tooltool/web@${DIGEST}` };
    assert.deepEqual(formationUpdate({ ...base, processType: "web" }, DIGEST), { updates: [{ type: "web", docker_image: DIGEST }] });
    assert.deepEqual(formationUpdate({ ...base, processType: "worker", command: "/bin/flask worker" }, DIGEST), {
      updates: [{ type: "worker", docker_image: DIGEST, command: "/bin/flask worker" }],
    });
  });

  it("reads Heroku image references pinned by digest, and says what is wrong with others", () => {
    assert.deepEqual(parseHerokuImageRef(`registry.heroku.com/releng-staging-tooltool/worker@${DIGEST}`), { app: "releng-staging-tooltool", repository: "worker", digest: DIGEST });
    assert.deepEqual(parseHerokuImageRef(`registry.heroku.com/releng-staging-tooltool/web:staging-abc123@${DIGEST}`), { app: "releng-staging-tooltool", repository: "web", digest: DIGEST });
    for (const bad of ["registry.heroku.com/releng-staging-tooltool/web:latest", `mozillareleng/services@${DIGEST}`, `registry.heroku.com/releng-staging-tooltool@${DIGEST}`]) {
      assert.equal(parseHerokuImageRef(bad), `\`${bad}\` is not an image of a Heroku app pinned by digest: \`registry.heroku.com/<app>/<process type>@sha256:<64 hex digits>\``);
    }
  });

  it("replaces an app on rename or region change, and moves a domain by deleting it first", async () => {
    const app: AppOutputs = { name: "releng-staging-tokens", region: "us", stack: "container", herokuId: "id", webUrl: "https://x.herokuapp.com/" };
    assert.deepEqual(await appProvider.diff!("id", app, { name: "releng-staging-tokens", region: "us", stack: "container" }), { changes: false, replaces: [], deleteBeforeReplace: false });
    assert.deepEqual(await appProvider.diff!("id", app, { name: "releng-staging-tokenz", region: "eu", stack: "container" }), { changes: true, replaces: ["name", "region"], deleteBeforeReplace: false });
    assert.deepEqual(await appProvider.diff!("id", app, { ...app, tokenSecret: "s" }), { changes: true, replaces: [], deleteBeforeReplace: false });
    // Heroku app names are global: a new region or team under the same name must free the name first.
    assert.deepEqual(await appProvider.diff!("id", app, { name: "releng-staging-tokens", region: "eu", stack: "container" }), { changes: true, replaces: ["region"], deleteBeforeReplace: true });
    assert.deepEqual(await appProvider.diff!("id", app, { name: "releng-staging-tokens", region: "us", team: "releng", stack: "container" }), { changes: true, replaces: ["team"], deleteBeforeReplace: true });
    // Only the token secret changes in place; dropping it leaves no undefined value for the engine.
    assert.deepEqual(wire((await appProvider.update!("id", { ...app, tokenSecret: "s" }, { name: app.name, region: "us", stack: "container" })).outs), app);
    assert.deepEqual(wire((await appProvider.update!("id", app, { name: app.name, region: "us", stack: "container", tokenSecret: "t" })).outs), { ...app, tokenSecret: "t" });
    const domain: DomainOutputs = { app: "a", hostname: "tokens.staging.mozilla-releng.net", cname: "x.herokudns.com" };
    assert.deepEqual(await domainProvider.diff!("id", domain, { app: "b", hostname: domain.hostname }), { changes: true, replaces: ["app"], deleteBeforeReplace: true });
  });
});
