import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { SynthResource } from "../../synth/present";
import { renderTable } from "../../synth/table";

const res = (type: string, name: string, inputs: Record<string, unknown> = {}, parent: string | null = null, protect = false): SynthResource => ({ type, name, parent, inputs, protect });

describe("renderTable", () => {
  it("prints resources as a tree under the stack, each input on a line, secrets as [secret]", () => {
    const F = "releng-infra:aws:StaticFrontend";
    const resources = [
      res("releng-infra:taskcluster:Hook", "tooltool-api-replicate"),
      res("pulumi:pulumi:Stack", "releng-infra-staging"),
      res(F, "releng-frontend"),
      res("aws:s3/bucket:Bucket", "releng-frontend-bucket", { bucket: "releng-staging-web", tags: { branch: "staging" } }, `${F}::releng-frontend`, true),
      res("pulumi-nodejs:dynamic/heroku:ConfigVars", "tokens-api", { app: "releng-staging-tokens", vars: { DATABASE_URL: "[secret:0000000000000002]", LOG: "[unknown]" }, domains: ["a.example.com", "[secret]"] }),
    ];
    assert.equal(
      renderTable({ stack: "staging", resources }),
      [
        "Stack `staging`: 5 resources, 1 protected.",
        "Secret values show as [secret]; values known only after deploy as [unknown].",
        "",
        "pulumi:pulumi:Stack  releng-infra-staging",
        "  releng-infra:taskcluster:Hook  tooltool-api-replicate",
        "  releng-infra:aws:StaticFrontend  releng-frontend",
        "    aws:s3/bucket:Bucket  releng-frontend-bucket  [protected]",
        "        bucket      = \"releng-staging-web\"",
        "        tags.branch = \"staging\"",
        "  pulumi-nodejs:dynamic/heroku:ConfigVars  tokens-api",
        "      app               = \"releng-staging-tokens\"",
        "      vars.DATABASE_URL = [secret]",
        "      vars.LOG          = [unknown]",
        "      domains           = [\"a.example.com\",\"[secret]\"]",
        "",
      ].join("\n"),
    );
  });
});
