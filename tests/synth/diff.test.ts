import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffDocuments, type ResourceChange } from "../../synth/diff";
import type { SynthResource } from "../../synth/present";
import { RENAMED_WITH } from "../../synth/renames";

const BUCKET = "aws:s3/bucket:Bucket";
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const FRONTEND = "releng-infra:aws:StaticFrontend";
const HOOK = "pulumi-nodejs:dynamic/taskcluster:Hook";
const APP = "pulumi-nodejs:dynamic/heroku:App";
const VARS = "pulumi-nodejs:dynamic/heroku:ConfigVars";

function res(type: string, name: string, inputs: Record<string, unknown> = {}, opts: { parent?: string; protect?: boolean } = {}): SynthResource {
  return { type, name, parent: opts.parent ?? null, inputs, protect: opts.protect ?? false };
}
const diff = (before: SynthResource[], after: SynthResource[]) => diffDocuments({ stack: "staging", resources: before }, { stack: "staging", resources: after }).changes;
const change = (c: Partial<ResourceChange> & Pick<ResourceChange, "kind" | "type" | "name">): ResourceChange => ({ parent: null, reasons: [], properties: [], causedBy: [], ...c });

const app = res(APP, "tokens-api", { name: "releng-staging-tokens", region: "us" });
const vars = (value: string) => res(VARS, "tokens-api", { app: "releng-staging-tokens", vars: { APP_CHANNEL: "staging", DATABASE_URL: value } });

describe("diffDocuments", () => {
  it("finds nothing between equal documents, whatever the key order", () => {
    assert.deepEqual(diff([res(APP, "a", { name: "x", region: "us" })], [res(APP, "a", { region: "us", name: "x" })]), []);
  });

  it("reports a changed plain input with both values, and a changed secret without them", () => {
    const before = [app, vars("[secret:0000000000000001]")];
    const after = [res(APP, "tokens-api", { name: "releng-staging-tokens", region: "us" }), vars("[secret:0000000000000002]")];
    assert.deepEqual(diff(before, after), [
      change({ kind: "change", type: VARS, name: "tokens-api", properties: [{ path: "vars.DATABASE_URL", before: "[secret:0000000000000001]", after: "[secret:0000000000000002]", secret: true }] }),
    ]);
    assert.deepEqual(diff([vars("[secret]")], [vars("[secret]")]), [], "an unfingerprinted secret cannot be compared, and is not reported");
  });

  it("reports added inputs of a new resource and nothing but the name of a removed one", () => {
    const hook = res(HOOK, "services-staging-tooltool/api-replicate", { hookGroupId: "project-releng", hookId: "services-staging-tooltool/api-replicate", hook: { schedule: ["0 * * * *"] } });
    assert.deepEqual(diff([app], [hook]), [
      change({
        kind: "add",
        type: HOOK,
        name: "services-staging-tooltool/api-replicate",
        properties: [
          { path: "hookGroupId", after: "project-releng", secret: false },
          { path: "hookId", after: "services-staging-tooltool/api-replicate", secret: false },
          { path: "hook.schedule", after: ["0 * * * *"], secret: false },
        ],
      }),
      change({ kind: "remove", type: APP, name: "tokens-api" }),
    ]);
  });

  it("reports a replacement when a replace-on-change input of the type changes", () => {
    const cases: [SynthResource, SynthResource, string[]][] = [
      [res(BUCKET, "docs", { bucket: "releng-staging-docs", acl: "private" }), res(BUCKET, "docs", { bucket: "releng-staging-docs2", acl: "private" }), ["bucket"]],
      [app, res(APP, "tokens-api", { name: "releng-staging-tokens", region: "eu" }), ["region"]],
      [res(HOOK, "h", { hookGroupId: "project-releng", hookId: "a" }), res(HOOK, "h", { hookGroupId: "project-releng", hookId: "b" }), ["hookId"]],
      [res("random:index/randomBytes:RandomBytes", "key", { length: 64, keepers: { k: "1" } }), res("random:index/randomBytes:RandomBytes", "key", { length: 64, keepers: { k: "2" } }), ["keepers"]],
    ];
    for (const [before, after, reasons] of cases) {
      const [c] = diff([before], [after]);
      assert.deepEqual([c?.kind, c?.reasons], ["replace", reasons], `${before.type}`);
    }
  });

  it("reports protect and parent as changes, never as replacements", () => {
    const [c] = diff([res(BUCKET, "docs", { bucket: "b1b" })], [res(BUCKET, "docs", { bucket: "b1b" }, { protect: true, parent: `${FRONTEND}::docs` })]);
    assert.deepEqual(c, change({ kind: "change", type: BUCKET, name: "docs", parent: `${FRONTEND}::docs`, properties: [{ path: "(protect)", before: false, after: true, secret: false }, { path: "(parent)", before: null, after: `${FRONTEND}::docs`, secret: false }] }));
  });

  it("reads a bucket renamed in the stack file as one replacement that the resources naming it follow", () => {
    const site = (bucket: string) => [
      res(FRONTEND, bucket),
      res(BUCKET, `${bucket}-bucket`, { bucket }, { parent: `${FRONTEND}::${bucket}` }),
      res(POLICY, `${bucket}-policy`, { bucket, policy: `{"Resource":"arn:aws:s3:::${bucket}/*"}` }, { parent: `${FRONTEND}::${bucket}` }),
      res(POLICY, "shared-policy", { policy: `{"Resource":["arn:aws:s3:::${bucket}/*","arn:aws:s3:::other/*"]}` }),
    ];
    const changes = diff(site("releng-staging-frontend"), site("releng-staging-web"));
    assert.deepEqual(
      changes.map((c) => [c.kind, c.type, c.renamedFrom ?? c.name, c.name, c.reasons, c.causedBy]),
      [
        ["replace", BUCKET, "releng-staging-frontend-bucket", "releng-staging-web-bucket", ["bucket"], []],
        ["replace", POLICY, "releng-staging-frontend-policy", "releng-staging-web-policy", ["bucket"], [`${BUCKET}::releng-staging-web-bucket`]],
        ["replace", FRONTEND, "releng-staging-frontend", "releng-staging-web", [RENAMED_WITH], [`${BUCKET}::releng-staging-web-bucket`]],
        ["change", POLICY, "shared-policy", "shared-policy", [], [`${BUCKET}::releng-staging-web-bucket`]],
      ],
    );
  });

  it("replaces an app renamed in the stack file, with what names it, and updates its image because of it", () => {
    const IMAGE = "docker:index/image:Image";
    const site = (app: string) => [
      res(APP, "tokens-api", { name: app, region: "us" }),
      res(VARS, "tokens-api-config", { app, vars: "[secret:0000000000000001]" }),
      res(IMAGE, "tokens-api-heroku-web", { imageName: `registry.heroku.com/${app}/web:staging-0123` }),
    ];
    assert.deepEqual(
      diff(site("releng-staging-tokens"), site("releng-staging-tokens2")).map((c) => [c.kind, c.name, c.reasons, c.causedBy]),
      [
        ["replace", "tokens-api", ["name"], []],
        ["replace", "tokens-api-config", ["app"], [`${APP}::tokens-api`]],
        ["change", "tokens-api-heroku-web", [], [`${APP}::tokens-api`]],
      ],
    );
  });

  it("never pairs unrelated resources, and never lets short text (a region) explain a change", () => {
    const changes = diff([res(BUCKET, "a", { bucket: "alpha" }), app, res(POLICY, "p", { policy: "us-east" })], [res(BUCKET, "b", { bucket: "beta" }), res(APP, "tokens-api", { name: "releng-staging-tokens", region: "eu" }), res(POLICY, "p", { policy: "eu-east" })]);
    assert.deepEqual(changes.map((c) => [c.kind, c.name, c.causedBy]), [
      ["replace", "tokens-api", []],
      ["change", "p", []],
      ["add", "b", []],
      ["remove", "a", []],
    ]);
  });

  it("marks a stack as new or deleted when its stack file exists on one side only", () => {
    assert.deepEqual(diffDocuments(undefined, { stack: "testing", resources: [res("pulumi:pulumi:Stack", "releng-infra-testing")] }), {
      stack: "testing",
      status: "new",
      changes: [change({ kind: "add", type: "pulumi:pulumi:Stack", name: "releng-infra-testing" })],
    });
    assert.deepEqual(diffDocuments({ stack: "testing", resources: [] }, undefined), { stack: "testing", status: "deleted", changes: [] });
  });
});
