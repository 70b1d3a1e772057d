import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { preflightContexts, type PreflightInputs } from "../../components/taskcluster/preflight";
import { loadStack, type StackUnderTest } from "../support/stack";

/*
 * The real deployment, transcribed from the release-services catalogue (shared/catalogue.md): what
 * each branch must deploy, nothing missing and nothing extra. The stack files are written from the
 * same facts, with what follows from a naming pattern derived; this is the independent check.
 */

type Branch = "staging" | "production";
type PerBranch<T> = Record<Branch, T>;

/** Heroku apps: project → [app, domain] per branch; dyno types are `web` unless listed. */
const HEROKU: Record<string, PerBranch<[string, string]> & { dynos?: Record<string, string | undefined> }> = {
  "notification/policy": { staging: ["releng-staging-notif-policy", "policy.notification.staging.mozilla-releng.net"], production: ["releng-production-notif-policy", "policy.notification.mozilla-releng.net"] },
  "notification/identity": { staging: ["releng-staging-notif-identity", "identity.notification.staging.mozilla-releng.net"], production: ["releng-production-notif-ident", "identity.notification.mozilla-releng.net"] },
  "mapper/api": { staging: ["releng-staging-mapper", "mapper.staging.mozilla-releng.net"], production: ["releng-production-mapper", "mapper.mozilla-releng.net"] },
  "tokens/api": { staging: ["releng-staging-tokens", "tokens.staging.mozilla-releng.net"], production: ["releng-production-tokens", "tokens.mozilla-releng.net"] },
  "tooltool/api": {
    staging: ["releng-staging-tooltool", "tooltool.staging.mozilla-releng.net"],
    production: ["releng-production-tooltool", "tooltool.mozilla-releng.net"],
    dynos: { web: undefined, worker: "/bin/flask worker" },
  },
  "treestatus/api": { staging: ["releng-staging-treestatus", "treestatus.staging.mozilla-releng.net"], production: ["releng-production-treestatus", "treestatus.mozilla-releng.net"] },
  "codecoverage/backend": { staging: ["shipit-staging-codecoverage", "coverage.staging.moz.tools"], production: ["shipit-production-codecoverage", "coverage.moz.tools"] },
  pulselistener: { staging: ["shipit-staging-pulse-listener", "eventlistener.staging.moz.tools"], production: ["shipit-production-pulse-listen", "eventlistener.moz.tools"] },
  "uplift/backend": { staging: ["shipit-staging-uplift", "uplift.shipit.staging.mozilla-releng.net"], production: ["shipit-production-uplift", "uplift.shipit.mozilla-releng.net"] },
};

/** Static front ends: project → [bucket, domains] per branch, and what `connect-src` adds. */
const FRONTENDS: Record<string, PerBranch<[string, string[]]> & { extraOrigins: string[]; requires: string[] }> = {
  docs: { staging: ["releng-staging-docs", ["docs.staging.mozilla-releng.net"]], production: ["releng-production-docs", ["docs.mozilla-releng.net"]], extraOrigins: [], requires: [] },
  "releng-frontend": {
    staging: ["releng-staging-frontend", ["staging.mozilla-releng.net"]],
    production: ["releng-production-frontend", ["mozilla-releng.net", "www.mozilla-releng.net"]],
    extraOrigins: ["login.taskcluster.net", "auth.taskcluster.net"],
    requires: ["docs", "tooltool/api", "tokens/api", "treestatus/api", "mapper/api", "notification/policy", "notification/identity"],
  },
  "staticanalysis/frontend": {
    staging: ["release-services-staticanalysis-frontend-staging", ["static-analysis.staging.moz.tools"]],
    production: ["release-services-staticanalysis-frontend-production", ["static-analysis.moz.tools"]],
    extraOrigins: ["index.taskcluster.net", "queue.taskcluster.net"],
    requires: [],
  },
  "shipit/frontend": {
    staging: ["relengstatic-staging-shipitfrontend-static-website", ["shipit.staging.mozilla-releng.net"]],
    production: ["shipit-production-frontend", ["shipit.mozilla-releng.net"]],
    extraOrigins: ["hg.mozilla.org", "queue.taskcluster.net", "auth.mozilla.auth0.com"],
    requires: [],
  },
};

const HOOK_IDS = ["staticanalysis/bot", "codecoverage/bot", "tooltool/api-replicate", "tooltool/api-check_pending_uploads"];

const secretOf = (branch: Branch) => `repo:github.com/mozilla-releng/services:branch:${branch}`;

/** The catalogue's common task template plus a hook's row, as the Hooks API receives it. */
function catalogueHook(branch: Branch, row: { owner: string; workerType: string; deadline: string; maxRunTime: number; command: string[]; cache: string; env: unknown; schedule: string[]; bindings: unknown[]; artifacts?: unknown }, name: string, image: string) {
  const metadata = { name, description: `Task of ${name.replace(`services-${branch}-`, "")} on branch ${branch}, deployed by releng-infra.`, owner: row.owner };
  return {
    metadata: { ...metadata, emailOnError: true },
    schedule: row.schedule,
    bindings: row.bindings,
    triggerSchema: { type: "object", additionalProperties: true },
    task: {
      provisionerId: "aws-provisioner-v1",
      workerType: row.workerType,
      schedulerId: "-",
      // 2019's `normal`; today's Queue has `highest` ... `lowest`, and `lowest` is its equivalent.
      priority: "lowest",
      retries: 5,
      created: { $fromNow: "0 seconds" },
      deadline: { $fromNow: row.deadline },
      expires: { $fromNow: "1 month" },
      routes: [],
      scopes: [`secrets:get:${secretOf(branch)}`, `docker-worker:cache:${row.cache}`],
      payload: {
        image,
        command: row.command,
        maxRunTime: row.maxRunTime,
        env: row.env,
        cache: { [row.cache]: "/cache" },
        ...(row.artifacts !== undefined && { artifacts: row.artifacts }),
        features: { taskclusterProxy: true },
      },
      metadata: { ...metadata, source: "https://github.com/mozilla-releng/services" },
    },
  };
}

/** The catalogue's checks for one stack; call once per test file (one stack per process). */
export function describeCatalogue(branch: Branch): void {
  describe(`the ${branch} stack deploys what the catalogue lists`, () => {
    let stack: StackUnderTest;
    before(async () => {
      stack = await loadStack(branch);
    });
    const inputsOf = (type: string) => stack.ofType(type).map((r) => r.inputs);

    it("runs the nine Heroku apps with their dyno types and commands, nothing else", () => {
      const releases = inputsOf("pulumi-nodejs:dynamic/heroku:Release");
      const actual = inputsOf("pulumi-nodejs:dynamic/heroku:App").map(({ name }) => [name, releases.filter((r) => r.app === name).map((r) => [r.processType, r.command]).sort()]);
      const expected = Object.values(HEROKU).map((p) => [p[branch][0], Object.entries(p.dynos ?? { web: undefined }).sort()]);
      assert.deepStrictEqual(actual.sort(), expected.sort());
    });

    it("gives each Heroku app its custom domain", () => {
      const actual = inputsOf("pulumi-nodejs:dynamic/heroku:Domain").map(({ app, hostname }) => [app, hostname]);
      assert.deepStrictEqual(actual.sort(), Object.values(HEROKU).map((p) => p[branch]).sort());
    });

    it("serves the four front ends from their buckets on their domains, nothing else", () => {
      const buckets = inputsOf("aws:s3/bucket:Bucket").map(({ bucket }) => bucket);
      const aliases = inputsOf("aws:cloudfront/distribution:Distribution").map(({ aliases }) => aliases);
      assert.deepStrictEqual(buckets.sort(), Object.values(FRONTENDS).map((f) => f[branch][0]).sort());
      assert.deepStrictEqual(aliases.sort(), Object.values(FRONTENDS).map((f) => f[branch][1]).sort());
    });

    it("lets each front end connect to its extra origins and to the same branch's projects it requires", () => {
      const policies = inputsOf("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy");
      for (const [project, frontend] of Object.entries(FRONTENDS)) {
        const bucket = frontend[branch][0];
        const policy = policies.find((p) => String(p.name).startsWith(bucket))!;
        assert.ok(policy, `no headers policy for ${project}`);
        const csp = (policy.securityHeadersConfig as { contentSecurityPolicy: { contentSecurityPolicy: string } }).contentSecurityPolicy.contentSecurityPolicy;
        const connect = /connect-src ([^;]*);/.exec(csp)![1]!.split(" ");
        const urls = frontend.requires.map((id) => `https://${HEROKU[id]?.[branch][1] ?? FRONTENDS[id]![branch][1][0]}`);
        assert.deepStrictEqual(connect.sort(), ["'self'", ...frontend.extraOrigins, ...urls].sort(), project);
        assert.ok(csp.startsWith("default-src 'none'; img-src 'self' data:; script-src 'self'; style-src 'self'; font-src 'self';"), project);
      }
    });

    it("declares the four hooks of the catalogue in group project-releng, nothing else", () => {
      const hooks = inputsOf("pulumi-nodejs:dynamic/taskcluster:Hook").map(({ hookGroupId, hookId }) => `${hookGroupId}/${hookId}`);
      assert.deepStrictEqual(hooks.sort(), HOOK_IDS.map((id) => `project-releng/services-${branch}-${id}`).sort());
    });

    it("defines the static-analysis hook field by field as the catalogue does", () => {
      const { hookId, hook } = stack.get("pulumi-nodejs:dynamic/taskcluster:Hook", "staticanalysis-bot").inputs as { hookId: string; hook: { task: { payload: { image: string } } } };
      const expected = catalogueHook(branch, {
        owner: "babadie@mozilla.com",
        workerType: branch === "production" ? "releng-svc-prod" : "releng-svc",
        deadline: "2 hours",
        maxRunTime: 7200,
        command: ["/bin/static-analysis-bot", "--taskcluster-secret", secretOf(branch)],
        cache: `services-${branch}-static-analysis-bot`,
        env: { $merge: [{}, { $if: "firedBy == 'triggerHook'", then: { $eval: "payload" }, else: {} }] },
        schedule: [],
        bindings: [{ exchange: "exchange/taskcluster-queue/v1/task-completed", routingKeyPattern: "route.project.relman.codereview.v1.try_ending" }],
        artifacts: { "public/results": { type: "directory", path: "/tmp/results" } },
      }, hookId, hook.task.payload.image);
      assert.equal(hookId, `services-${branch}-staticanalysis/bot`);
      assert.deepStrictEqual(hook, expected);
    });

    it("defines the code-coverage hook field by field as the catalogue does", () => {
      const { hookId, hook } = stack.get("pulumi-nodejs:dynamic/taskcluster:Hook", "codecoverage-bot").inputs as { hookId: string; hook: { task: { payload: { image: string } } } };
      const expected = catalogueHook(branch, {
        owner: "mcastelluccio@mozilla.com",
        workerType: "releng-svc-memory",
        deadline: "4 hours",
        maxRunTime: 14400,
        command: ["/bin/code-coverage-bot", "--taskcluster-secret", secretOf(branch), "--cache-root", "/cache"],
        cache: `services-${branch}-code-coverage-bot`,
        env: {},
        schedule: ["0 0 0 * * *"],
        bindings: [],
      }, hookId, hook.task.payload.image);
      assert.deepStrictEqual(hook, expected);
    });

    it("has every hook pass preflight in every context it can fire in", () => {
      for (const hook of stack.ofType("pulumi-nodejs:dynamic/taskcluster:Hook")) {
        const { hookGroupId, hookId, hook: definition, preflight } = hook.inputs as { hookGroupId: string; hookId: string; hook: Record<string, unknown>; preflight: PreflightInputs };
        const contexts = preflightContexts(hookGroupId, hookId, definition, preflight);
        const expected = [...((definition.schedule as string[]).length > 0 ? ["schedule"] : []), "triggerHook", ...(definition.bindings as { exchange: string }[]).map((b) => `pulseMessage ${b.exchange}`)];
        assert.deepStrictEqual(contexts.map((c) => c.context), expected, hookId);
        assert.deepStrictEqual(contexts.flatMap((c) => c.problems), [], hookId);
      }
    });

    it("runs every hook on its project's image, pinned by digest", () => {
      for (const hook of stack.ofType("pulumi-nodejs:dynamic/taskcluster:Hook")) {
        const image = (hook.inputs.hook as { task: { payload: { image: string } } }).task.payload.image;
        assert.match(image, /^mozillareleng\/services@sha256:[0-9a-f]{64}$/, hook.name);
      }
    });
  });
}
