import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffDocuments } from "../../synth/diff";
import { renderMarkdown } from "../../synth/markdown";
import type { SynthResource } from "../../synth/present";

const res = (type: string, name: string, inputs: Record<string, unknown> = {}, parent: string | null = null, protect = false): SynthResource => ({ type, name, parent, inputs, protect });
const F = "releng-infra:aws:StaticFrontend";
const B = "aws:s3/bucket:Bucket";
const P = "aws:s3/bucketPolicy:BucketPolicy";
const V = "pulumi-nodejs:dynamic/heroku:ConfigVars";
const D = "aws:cloudfront/distribution:Distribution";

/** The base of a staging stack: a front end, and an app's config vars (one secret, one with a pipe). */
const before = [
  res("pulumi:pulumi:Stack", "releng-infra-staging"),
  res(F, "releng-frontend"),
  res(B, "releng-frontend-bucket", { bucket: "releng-staging-frontend", tags: { branch: "staging" } }, `${F}::releng-frontend`, true),
  res(P, "releng-frontend-policy", { bucket: "releng-staging-frontend", policy: "arn:aws:s3:::releng-staging-frontend/*" }, `${F}::releng-frontend`),
  res(D, "releng-frontend-cdn", { origins: [{ domainName: "releng-staging-frontend.s3.us-east-1.amazonaws.com" }] }, `${F}::releng-frontend`),
  res(V, "tokens-api", { app: "releng-staging-tokens", vars: { APP_CHANNEL: "staging", DATABASE_URL: "[secret:0000000000000001]", LOG: "a|b" } }),
];
/** The change: bucket renamed, secret and plain config var changed, a hook (in a component) added. */
const after = [
  res("pulumi:pulumi:Stack", "releng-infra-staging"),
  res(F, "releng-frontend"),
  res(B, "releng-frontend-bucket", { bucket: "releng-staging-web", tags: { branch: "staging" } }, `${F}::releng-frontend`, true),
  res(P, "releng-frontend-policy", { bucket: "releng-staging-web", policy: "arn:aws:s3:::releng-staging-web/*" }, `${F}::releng-frontend`),
  res(D, "releng-frontend-cdn", { origins: [{ domainName: "releng-staging-web.s3.us-east-1.amazonaws.com" }] }, `${F}::releng-frontend`),
  res(V, "tokens-api", { app: "releng-staging-tokens", vars: { APP_CHANNEL: "staging", DATABASE_URL: "[secret:0000000000000002]", LOG: "a`b" } }),
  res("releng-infra:taskcluster:Hook", "tooltool-api-replicate"),
  res(
    "pulumi-nodejs:dynamic/taskcluster:Hook",
    "services-staging-tooltool/api-replicate",
    { hookGroupId: "project-releng", hookId: "services-staging-tooltool/api-replicate", hook: { metadata: { owner: "a@example.com" }, schedule: ["0 * * * *"] }, token: "[secret:00000000000000aa]" },
    "releng-infra:taskcluster:Hook::tooltool-api-replicate",
  ),
];

describe("renderMarkdown", () => {
  it("renders counts, failures, then per stack the replacements (with what they carry along), changes and additions", () => {
    const diffs = [diffDocuments({ stack: "staging", resources: before }, { stack: "staging", resources: after }), diffDocuments({ stack: "production", resources: [] }, { stack: "production", resources: [] })];
    const failures = [{ stack: "testing", side: "change" as const, message: "Stack `testing` (Pulumi.testing.yaml) has 1 configuration error:\n  - field `x`: y" }];
    const markdown = renderMarkdown("main (0123456789ab)", diffs, failures);
    assert.equal(
      markdown,
      [
        "## Offline preview against `main (0123456789ab)`",
        "",
        "| stack | replace | change | add | remove |",
        "|---|---|---|---|---|",
        "| `staging` | 2 | 2 | 2 |  |",
        "| `production` |  |  |  |  |",
        "| `testing` (not synthesized, see below) |  |  |  |  |",
        "",
        "Secret values are never shown, only whether they changed; `[unknown]` is a value known only after deploy.",
        "",
        "> **`testing` could not be synthesized at the change:**",
        ">",
        "> ```",
        "> Stack `testing` (Pulumi.testing.yaml) has 1 configuration error:",
        ">   - field `x`: y",
        "> ```",
        "",
        "### `staging`",
        "",
        "#### Replaced (deleted, then created)",
        "",
        "- **`releng-frontend-bucket`** (`aws:s3/bucket:Bucket`), because `bucket` changed",
        "",
        "  | property | before | after |",
        "  |---|---|---|",
        "  | `bucket` | `\"releng-staging-frontend\"` | `\"releng-staging-web\"` |",
        "",
        "  Replaced with it: **`releng-frontend-policy`** (`aws:s3/bucketPolicy:BucketPolicy`)",
        "",
        "  Updated because of it: **`releng-frontend-cdn`** (`aws:cloudfront/distribution:Distribution`)",
        "",
        "#### Changed (updated in place)",
        "",
        "- **`tokens-api`** (`pulumi-nodejs:dynamic/heroku:ConfigVars`)",
        "",
        "  | property | before | after |",
        "  |---|---|---|",
        "  | `vars.DATABASE_URL` | *secret* | *secret, changed* |",
        "  | `vars.LOG` | `\"a\\|b\"` | `` \"a`b\" `` |",
        "",
        "#### Added",
        "",
        "- **`tooltool-api-replicate`** (`releng-infra:taskcluster:Hook`)",
        "  - **`services-staging-tooltool/api-replicate`** (`pulumi-nodejs:dynamic/taskcluster:Hook`)",
        "",
        "    <details><summary>inputs</summary>",
        "",
        "    | property | value |",
        "    |---|---|",
        "    | `hookGroupId` | `\"project-releng\"` |",
        "    | `hookId` | `\"services-staging-tooltool/api-replicate\"` |",
        "    | `hook.metadata.owner` | `\"a@example.com\"` |",
        "    | `hook.schedule` | `[\"0 * * * *\"]` |",
        "    | `token` | *secret* |",
        "",
        "    </details>",
        "",
        "### `production`",
        "",
        "No changes.",
      ].join("\n") + "\n",
    );
    assert.ok(!/0000000000000001|0000000000000002|00000000000000aa/.test(markdown), "no secret fingerprint is ever shown");
  });

  it("says so when a stack file is new or deleted", () => {
    const markdown = renderMarkdown("main", [diffDocuments(undefined, { stack: "testing", resources: [res("pulumi:pulumi:Stack", "releng-infra-testing")] }), diffDocuments({ stack: "master", resources: [] }, undefined)]);
    assert.ok(markdown.includes("| `testing` (new) |  |  | 1 |  |\n| `master` (deleted) |  |  |  |  |\n"), markdown);
    assert.ok(markdown.includes("### `testing`\n\nNew stack file: everything below is created.\n"), markdown);
    assert.ok(markdown.includes("### `master`\n\nStack file deleted: `pulumi destroy` and `pulumi stack rm` remain to be run by hand.\n\nNo changes.\n"), markdown);
  });
});
