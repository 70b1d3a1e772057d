import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { productionDataProtected } from "../../policy/productionDataProtected";
import { policyResource, urnOf, violationsOf, type FakeResource } from "../support/policy";

const BUCKET = "aws:s3/bucket:Bucket";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

async function check(resources: FakeResource[]) {
  return violationsOf(productionDataProtected, resources.map(policyResource));
}

describe("guardrail production-data-protected", () => {
  it("accepts protected buckets and distributions on production", async () => {
    assert.deepStrictEqual(await check([
      { type: BUCKET, name: "site-bucket", props: {}, stack: "production", protect: true },
      { type: DISTRIBUTION, name: "site-cdn", props: {}, stack: "production", protect: true },
    ]), []);
  });

  it("rejects unprotected buckets and distributions on production, naming each", async () => {
    assert.deepStrictEqual(await check([
      { type: BUCKET, name: "site-bucket", props: {}, stack: "production" },
      { type: DISTRIBUTION, name: "site-cdn", props: {}, stack: "production", protect: false },
      { type: "aws:iam/user:User", name: "site-deploy", props: {}, stack: "production" },
    ]), [
      {
        policy: "production-data-protected",
        message: "`site-bucket` (aws:s3/bucket:Bucket) on production stack `production` is not protected; create it with `protect: true` (stack setting `releng-infra:protect`).",
        urn: urnOf("production", BUCKET, "site-bucket"),
      },
      {
        policy: "production-data-protected",
        message: "`site-cdn` (aws:cloudfront/distribution:Distribution) on production stack `production` is not protected; create it with `protect: true` (stack setting `releng-infra:protect`).",
        urn: urnOf("production", DISTRIBUTION, "site-cdn"),
      },
    ]);
  });

  it("lets other branches delete their buckets", async () => {
    assert.deepStrictEqual(await check([{ type: BUCKET, name: "site-bucket", props: {}, stack: "staging" }, { type: BUCKET, name: "x", props: {}, stack: "testing" }]), []);
  });
});
