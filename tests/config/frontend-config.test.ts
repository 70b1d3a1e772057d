import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError, parseStackConfig } from "../../config";

/** A staging stack file's `releng-infra:` keys with one front end, changed by `frontend`. */
function stackFile(frontend: Record<string, unknown>, more: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    taskcluster: { rootUrl: "https://tc.example.com" },
    aws: { zones: { "staging.mozilla-releng.net": {} } },
    projects: {
      "tokens/api": { heroku: { app: "releng-staging-tokens", domains: ["tokens.staging.mozilla-releng.net"] } },
      "releng-frontend": { frontend: { bucket: "releng-staging-frontend", domains: ["staging.mozilla-releng.net"], requires: ["tokens/api"], ...frontend } },
      ...more,
    },
  };
}

function rejected(raw: Record<string, unknown>): string {
  try {
    parseStackConfig("staging", "Pulumi.staging.yaml", raw);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return err.message;
  }
  assert.fail("expected the stack file to be rejected");
}

describe("front end settings", () => {
  it("are refused, all at once and naming stack file, project and field, for an unknown required project, a bad bucket name and a domain outside the zones", () => {
    assert.equal(
      rejected(stackFile({ bucket: "Releng_Staging_Frontend", domains: ["staging.mozilla-releng.net", "staging.moz.tools"], requires: ["tokens/api", "nope/api"] })),
      [
        "Stack `staging` (Pulumi.staging.yaml) has 3 configuration errors:",
        "  - project `releng-frontend`, field `frontend.bucket`: `Releng_Staging_Frontend` must be lowercase letters, digits, dots and dashes, starting and ending with a letter or digit",
        "  - project `releng-frontend`, field `frontend.domains.1`: `staging.moz.tools` is outside this branch's zones (staging.mozilla-releng.net)",
        "  - project `releng-frontend`, field `frontend.requires.1`: `nope/api` is not a project of this branch",
      ].join("\n"),
    );
  });

  it("are refused when two front ends share a bucket, whose deploys would overwrite each other", () => {
    const docs = { frontend: { bucket: "releng-staging-frontend", domains: ["docs.staging.mozilla-releng.net"] } };
    assert.equal(
      rejected(stackFile({}, { docs })),
      "Stack `staging` (Pulumi.staging.yaml) has 1 configuration error:\n  - project `releng-frontend`, field `frontend.bucket`: `releng-staging-frontend` is also the bucket of project `docs`",
    );
  });
});
