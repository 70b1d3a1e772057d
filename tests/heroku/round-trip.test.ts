import * as assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { appProvider, type AppInputs, type AppOutputs } from "../../components/heroku/app";
import { configVarsProvider, type ConfigVarsInputs } from "../../components/heroku/configVars";
import { domainProvider, type DomainInputs, type DomainOutputs } from "../../components/heroku/domain";
import { releaseProvider, type ReleaseInputs, type ReleaseOutputs } from "../../components/heroku/release";
import { imageId, startHeroku, up, wire, type Deployed } from "../support/heroku/engine";
import type { HerokuServer } from "../support/heroku/server";

const APP = "releng-staging-tokens";

/** The resources of one Heroku project, deployed in the order the component wires them. */
interface Project {
  app?: Deployed<AppOutputs>;
  vars?: Deployed<ConfigVarsInputs>;
  web?: Deployed<ReleaseOutputs>;
  domain?: Deployed<DomainOutputs>;
}

async function deploy(p: Project, vars: Record<string, string>, image: string): Promise<Project> {
  const app = await up(appProvider, p.app, { name: APP, region: "us" } as AppInputs);
  return {
    app,
    vars: await up(configVarsProvider, p.vars, { app: APP, vars }),
    web: await up(releaseProvider, p.web, { app: APP, processType: "web", image } as ReleaseInputs),
    domain: await up(domainProvider, p.domain, { app: APP, hostname: "tokens.staging.mozilla-releng.net" } as DomainInputs),
  };
}

describe("a Heroku project deployed through the providers", () => {
  let heroku: HerokuServer;
  let project: Project = {};
  let imageV1: string;
  before(async () => {
    heroku = await startHeroku();
  });
  after(() => heroku.stop());

  it("creates the app, its declared config vars, the web release and the domain", async () => {
    // The app must exist before an image can be pushed to its registry: a first deploy without a
    // release, as the component orders it (the push depends on the app).
    project.app = await up(appProvider, undefined, { name: APP, region: "us" } as AppInputs);
    imageV1 = `registry.heroku.com/${APP}/web@${heroku.world.pushImage(APP, "web", imageId("v1"))}`;
    heroku.clearLog();
    project = await deploy(project, { APP_CHANNEL: "staging", SECRET_KEY_BASE64: "c2VjcmV0" }, imageV1);

    const state = heroku.world.find(APP)!;
    assert.deepEqual(state.config, { APP_CHANNEL: "staging", SECRET_KEY_BASE64: "c2VjcmV0" });
    assert.deepEqual(state.formation.get("web")?.docker_image, { id: imageId("v1") });
    assert.equal(state.app.stack.name, "container");
    assert.equal(project.domain?.outs.cname, state.domains.get("tokens.staging.mozilla-releng.net")?.cname);
    assert.match(project.domain!.outs.cname, /\.herokudns\.com$/);
    assert.equal(project.web?.outs.imageId, imageId("v1"));
    assert.deepEqual(heroku.counts(), {
      "PATCH /apps/{app}/config-vars": 1,
      "GET /v2/{app}/{repository}/manifests/{reference}": 1,
      "PATCH /apps/{app}/formation": 1,
      "POST /apps/{app}/domains": 1,
    });
    const release = heroku.requests.find((r) => r.route === "PATCH /apps/{app}/formation");
    assert.equal(release?.accept, "application/vnd.heroku+json; version=3.docker-releases");
    assert.deepEqual(release?.body, { updates: [{ type: "web", docker_image: imageId("v1") }] });
  });

  it("sends no request at all on a second run with nothing changed, and leaves others' config vars alone", async () => {
    heroku.world.find(APP)!.config.DATABASE_URL = "postgres://addon";
    heroku.clearLog();
    project = await deploy(project, { APP_CHANNEL: "staging", SECRET_KEY_BASE64: "c2VjcmV0" }, imageV1);
    assert.deepEqual(heroku.requests, []);
    assert.equal(heroku.world.find(APP)!.config.DATABASE_URL, "postgres://addon");
  });

  it("releases a new image with one formation PATCH", async () => {
    const imageV2 = `registry.heroku.com/${APP}/web@${heroku.world.pushImage(APP, "web", imageId("v2"))}`;
    heroku.clearLog();
    project = await deploy(project, { APP_CHANNEL: "staging", SECRET_KEY_BASE64: "c2VjcmV0" }, imageV2);
    assert.deepEqual(heroku.writes().map((r) => [r.route, r.body]), [["PATCH /apps/{app}/formation", { updates: [{ type: "web", docker_image: imageId("v2") }] }]]);
    assert.deepEqual(heroku.world.find(APP)!.formation.get("web")?.docker_image, { id: imageId("v2") });
  });

  it("changes one config var with one PATCH carrying only that key", async () => {
    heroku.clearLog();
    project = await deploy(project, { APP_CHANNEL: "staging", SECRET_KEY_BASE64: "bmV3" }, project.web!.outs.image);
    assert.deepEqual(heroku.writes().map((r) => [r.route, r.body]), [["PATCH /apps/{app}/config-vars", { SECRET_KEY_BASE64: "bmV3" }]]);
  });

  it("unsets a key removed from the stack file and keeps every undeclared key", async () => {
    heroku.clearLog();
    project = await deploy(project, { APP_CHANNEL: "staging" }, project.web!.outs.image);
    assert.deepEqual(heroku.writes().map((r) => [r.route, r.body]), [["PATCH /apps/{app}/config-vars", { SECRET_KEY_BASE64: null }]]);
    assert.deepEqual(heroku.world.find(APP)!.config, { APP_CHANNEL: "staging", DATABASE_URL: "postgres://addon" });
  });

  it("sees a declared config var changed on Heroku as drift, and only declared keys", async () => {
    heroku.world.find(APP)!.config.APP_CHANNEL = "edited-by-hand";
    const read = await configVarsProvider.read!(project.vars!.id, project.vars!.outs);
    assert.deepEqual(read.props?.vars, { APP_CHANNEL: "edited-by-hand" });
    const diff = await configVarsProvider.diff!(project.vars!.id, read.props!, { app: APP, vars: { APP_CHANNEL: "staging" } });
    assert.deepEqual(diff, { changes: true, replaces: [], deleteBeforeReplace: false });
  });

  it("refreshes an unchanged release without drift, and sees an image released by hand", async () => {
    const inputs = { app: APP, processType: "web", image: project.web!.outs.image };
    const read = wire(await releaseProvider.read!(project.web!.id, project.web!.outs));
    assert.deepEqual(read.props, project.web!.outs);
    assert.deepEqual(await releaseProvider.diff!(project.web!.id, read.props!, inputs), { changes: false, replaces: [], deleteBeforeReplace: false });
    heroku.world.find(APP)!.formation.get("web")!.docker_image = { id: imageId("by-hand") };
    const drifted = wire(await releaseProvider.read!(project.web!.id, project.web!.outs));
    assert.deepEqual(drifted.props, { ...project.web!.outs, image: `(released outside Pulumi: ${imageId("by-hand")})`, imageId: imageId("by-hand") });
    heroku.world.find(APP)!.formation.get("web")!.docker_image = { id: project.web!.outs.imageId };
  });

  it("deletes the domain, stops the release, unsets only its config vars and deletes the app", async () => {
    heroku.clearLog();
    await domainProvider.delete!(project.domain!.id, project.domain!.outs);
    await releaseProvider.delete!(project.web!.id, project.web!.outs);
    await configVarsProvider.delete!(project.vars!.id, project.vars!.outs);
    assert.deepEqual(heroku.world.find(APP)!.config, { DATABASE_URL: "postgres://addon" });
    assert.equal(heroku.world.find(APP)!.formation.get("web")?.quantity, 0);
    await appProvider.delete!(project.app!.id, project.app!.outs);
    assert.equal(heroku.world.find(APP), undefined);
    assert.deepEqual(heroku.counts(), {
      "DELETE /apps/{app}/domains/{hostname}": 1,
      "PATCH /apps/{app}/formation/{type}": 1,
      "PATCH /apps/{app}/config-vars": 1,
      "DELETE /apps/{app}": 1,
    });
    // Deleting what is already gone succeeds: a destroy can be run again after a failure.
    await appProvider.delete!(project.app!.id, project.app!.outs);
    assert.deepEqual(await appProvider.read!(project.app!.id, project.app!.outs), {});
  });
});
