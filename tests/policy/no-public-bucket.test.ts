import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { noPublicBucket } from "../../policy/noPublicBucket";
import { policyResource, urnOf, violationsOf, type FakeResource } from "../support/policy";

const BUCKET = "aws:s3/bucket:Bucket";
const BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const ALL_BLOCKED = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

/** A private bucket as the program makes it; tests change one thing. */
function privateBucket(overrides: { bucket?: Record<string, unknown>; block?: Record<string, unknown> | null; policy?: unknown } = {}): FakeResource[] {
  const resources: FakeResource[] = [{ type: BUCKET, name: "site-bucket", props: { bucket: "site", ...overrides.bucket } }];
  if (overrides.block !== null) resources.push({ type: BLOCK, name: "site-public-access", props: { bucket: "site", ...ALL_BLOCKED, ...overrides.block } });
  if (overrides.policy !== undefined) resources.push({ type: POLICY, name: "site-policy", props: { bucket: "site", policy: overrides.policy } });
  return resources;
}

async function check(resources: FakeResource[]) {
  return violationsOf(noPublicBucket, resources.map(policyResource));
}

describe("guardrail no-public-bucket", () => {
  it("accepts a bucket with every public access setting blocked and a policy for CloudFront only", async () => {
    const policy = { Statement: [{ Sid: "CloudFront", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" }, { Sid: "DenyPlainHttp", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" }] };
    assert.deepStrictEqual(await check(privateBucket({ policy: JSON.stringify(policy) })), []);
  });

  it("finds the public access block of a bucket whose name is not known yet through its property dependency", async () => {
    const bucket = policyResource({ type: BUCKET, name: "site-bucket", props: {} });
    const block = policyResource({ type: BLOCK, name: "site-public-access", props: ALL_BLOCKED, propertyDependencies: { bucket: [bucket] } });
    assert.deepStrictEqual(await violationsOf(noPublicBucket, [bucket, block]), []);
  });

  it("rejects a bucket without a public access block", async () => {
    assert.deepStrictEqual(await check(privateBucket({ block: null })), [
      { policy: "no-public-bucket", message: "S3 bucket `site-bucket` has no BucketPublicAccessBlock; add one with all four settings true.", urn: urnOf("staging", BUCKET, "site-bucket") },
    ]);
  });

  it("rejects a public access block for another bucket", async () => {
    assert.deepStrictEqual((await check(privateBucket({ block: { bucket: "other" } }))).map((v) => v.message), [
      "S3 bucket `site-bucket` has no BucketPublicAccessBlock; add one with all four settings true.",
    ]);
  });

  it("rejects a public access block that leaves settings off", async () => {
    assert.deepStrictEqual(await check(privateBucket({ block: { blockPublicPolicy: false, restrictPublicBuckets: undefined } })), [
      {
        policy: "no-public-bucket",
        message: "BucketPublicAccessBlock `site-public-access` leaves `blockPublicPolicy`, `restrictPublicBuckets` off; set all four to true.",
        urn: urnOf("staging", BLOCK, "site-public-access"),
      },
    ]);
  });

  it("rejects public canned ACLs and website endpoints, the 2019 way of serving front ends", async () => {
    const resources = privateBucket({ bucket: { acl: "public-read", website: { indexDocument: "index.html" } } });
    resources.push({ type: "aws:s3/bucketAclV2:BucketAclV2", name: "site-acl", props: { bucket: "site", acl: "public-read-write" } });
    assert.deepStrictEqual((await check(resources)).map((v) => v.message), [
      "S3 bucket `site-bucket` has the public ACL `public-read`; remove `acl`.",
      "S3 bucket `site-bucket` has a website endpoint, which is public; serve it through CloudFront instead.",
      "Bucket ACL `site-acl` is the public ACL `public-read-write`; remove it.",
    ]);
  });

  it("rejects a bucket policy that allows everyone, however the principal is written", async () => {
    const policy = {
      Statement: [
        { Sid: "Star", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" },
        { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::1:root", "*"] }, Action: "s3:GetObject", Resource: "arn:aws:s3:::site/*" },
        { Sid: "DenyIsFine", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*" },
      ],
    };
    assert.deepStrictEqual(await check(privateBucket({ policy })), [
      {
        policy: "no-public-bucket",
        message: "BucketPolicy `site-policy` allows everyone (Principal `*`) in statement `Star`; grant a service principal with an `AWS:SourceArn` condition instead.",
        urn: urnOf("staging", POLICY, "site-policy"),
      },
      {
        policy: "no-public-bucket",
        message: "BucketPolicy `site-policy` allows everyone (Principal `*`) in statement `#1`; grant a service principal with an `AWS:SourceArn` condition instead.",
        urn: urnOf("staging", POLICY, "site-policy"),
      },
    ]);
  });
});
