import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { headersPolicyName } from "../../../components/aws/names";

describe("response headers policy name", () => {
  it("is the bucket name with dots made underscores, within CloudFront's characters and 128-character limit", () => {
    const cases: [string, string][] = [
      ["releng-staging-docs", "releng-staging-docs-security-headers"],
      ["shipit.example.com", "shipit_example_com-security-headers"],
    ];
    for (const [bucket, name] of cases) {
      assert.equal(headersPolicyName(bucket), name);
      assert.match(name, /^[A-Za-z0-9_-]{1,128}$/);
    }
    assert.ok(headersPolicyName("a".repeat(63)).length <= 128);
  });

  it("differs for different buckets, even ones that differ only by a dot or a dash", () => {
    const buckets = ["releng-staging-docs", "releng-production-docs", "shipit.example", "shipit-example", "shipitexample"];
    assert.equal(new Set(buckets.map(headersPolicyName)).size, buckets.length);
  });
});
