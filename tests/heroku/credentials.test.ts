import * as assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, beforeEach, describe, it } from "node:test";
import * as pulumi from "@pulumi/pulumi";
import { appProvider, type AppInputs } from "../../components/heroku/app";
import { configVarsProvider } from "../../components/heroku/configVars";
import { domainProvider } from "../../components/heroku/domain";
import { releaseProvider, type ReleaseInputs } from "../../components/heroku/release";
import { imageId, startHeroku } from "../support/heroku/engine";
import { startTaskcluster, type LocalTaskcluster } from "../support/taskcluster";
import type { HerokuServer } from "../support/heroku/server";

const APP = "releng-staging-treestatus";
const SECRET = "repo:github.com/mozilla-releng/services:branch:staging";
const TC_ENV = ["TASKCLUSTER_ROOT_URL", "TASKCLUSTER_CLIENT_ID", "TASKCLUSTER_ACCESS_TOKEN", "TASKCLUSTER_PROXY_URL"];

describe("the Heroku API token", () => {
  let heroku: HerokuServer;
  let tc: LocalTaskcluster;
  const tcToken = randomBytes(16).toString("hex");
  before(async () => {
    heroku = await startHeroku();
    tc = await startTaskcluster({
      // The deploy client may read the branch secret and the one without a password, nothing else.
      clients: { "project/releng/deploy": { accessToken: tcToken, scopes: [`secrets:get:${SECRET}`, "secrets:get:no-password"] } },
      secrets: {
        [SECRET]: { secret: { common: { HEROKU_PASSWORD: heroku.token, DATABASE_URL: "postgres://x" }, "treestatus/api": {} } },
        "no-password": { secret: { common: {} } },
      },
    });
  });
  beforeEach(() => {
    heroku.world.apps.clear();
    heroku.reset();
    for (const name of TC_ENV) delete process.env[name];
    delete process.env.HEROKU_API_KEY;
  });
  after(async () => {
    await heroku.stop();
    await tc.close();
  });

  const useTaskcluster = () => {
    process.env.TASKCLUSTER_ROOT_URL = tc.rootUrl;
    process.env.TASKCLUSTER_CLIENT_ID = "project/releng/deploy";
    process.env.TASKCLUSTER_ACCESS_TOKEN = tcToken;
  };

  it("is read from the branch secret's HEROKU_PASSWORD when HEROKU_API_KEY is unset", async () => {
    useTaskcluster();
    const { outs } = await appProvider.create({ name: APP, region: "eu", stack: "container", tokenSecret: SECRET });
    assert.deepEqual([outs?.name, outs?.region, outs?.tokenSecret], [APP, "eu", SECRET]);
    assert.equal(tc.requests("get"), 1);
    assert.deepEqual(heroku.counts(), { "POST /apps": 1 });
  });

  it("is missing with a message saying where it was looked for, before any Heroku request", async () => {
    await assert.rejects(appProvider.create({ name: APP, region: "us", stack: "container" }), {
      name: "HerokuTokenError",
      message: "No Heroku API token: set HEROKU_API_KEY, or give the resource the branch secret (`tokenSecret`) holding HEROKU_PASSWORD.",
    });
    await assert.rejects(appProvider.create({ name: APP, region: "us", stack: "container", tokenSecret: SECRET }), {
      message: `No Heroku API token: HEROKU_API_KEY is not set, and reading secret \`${SECRET}\` needs TASKCLUSTER_ROOT_URL (with TASKCLUSTER_CLIENT_ID and TASKCLUSTER_ACCESS_TOKEN) or TASKCLUSTER_PROXY_URL.`,
    });
    useTaskcluster();
    await assert.rejects(appProvider.create({ name: APP, region: "us", stack: "container", tokenSecret: "no-password" }), {
      message: "No Heroku API token: HEROKU_API_KEY is not set and secret `no-password` has no `common.HEROKU_PASSWORD`.",
    });
    assert.deepEqual(heroku.requests, []);
  });

  it("never reaches a serialized provider, outputs, console output or errors", async () => {
    process.env.HEROKU_API_KEY = heroku.token;
    // Providers may only speak through console (Pulumi forwards a dynamic provider's output as logs).
    const printed: string[] = [];
    const methods = ["log", "info", "warn", "error", "debug"] as const;
    const originals = methods.map((m) => console[m]);
    for (const m of methods) console[m] = (...args: unknown[]) => void printed.push(args.map(String).join(" "));
    const seen: unknown[] = [];
    try {
      const app = await appProvider.create({ name: APP, region: "us", stack: "container" } as AppInputs);
      const image = `registry.heroku.com/${APP}/web@${heroku.world.pushImage(APP, "web", imageId("leak"))}`;
      seen.push(app, await configVarsProvider.create({ app: APP, vars: { A: "1" } }));
      seen.push(await releaseProvider.create({ app: APP, processType: "web", image } as ReleaseInputs));
      seen.push(await domainProvider.create({ app: APP, hostname: "treestatus.staging.mozilla-releng.net" }));
      seen.push(await appProvider.read!(app.id, app.outs));
      process.env.HEROKU_API_KEY = `wrong-${heroku.token}`;
      const err = await appProvider.create({ name: "releng-other", region: "us", stack: "container" } as AppInputs).then(() => undefined, (e: unknown) => e);
      assert.ok(err instanceof Error, "a wrong token must fail");
      seen.push(err.message, err.stack, JSON.stringify(err), { ...err });
      for (const provider of [appProvider, configVarsProvider, releaseProvider, domainProvider]) {
        seen.push((await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })).text);
      }
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]!));
    }
    const text = JSON.stringify(seen) + printed.join("");
    assert.ok(text.includes(APP), "the checked values must hold the run's results");
    assert.ok(!text.includes(heroku.token), "the Heroku token leaked");
  });
});
