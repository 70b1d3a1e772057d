import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { bucketPolicy } from "../../../components/aws/bucketPolicy";
import { deployUserPolicy } from "../../../components/aws/deployPolicy";

const BUCKET = "arn:aws:s3:::releng-staging-docs";
const DISTRIBUTION = "arn:aws:cloudfront::123456789012:distribution/E2QWRUHAPOMQZL";

describe("bucket policy of a front end", () => {
  it("lets CloudFront read objects for this distribution only, and refuses plain HTTP to everyone", () => {
    assert.deepStrictEqual(bucketPolicy(BUCKET, DISTRIBUTION), {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: "CloudFrontReadsForItsDistributionOnly",
          Effect: "Allow",
          Principal: { Service: "cloudfront.amazonaws.com" },
          Action: ["s3:GetObject"],
          Resource: ["arn:aws:s3:::releng-staging-docs/*"],
          Condition: { StringEquals: { "AWS:SourceArn": DISTRIBUTION } },
        },
        {
          Sid: "DenyPlainHttp",
          Effect: "Deny",
          Principal: "*",
          Action: ["s3:*"],
          Resource: ["arn:aws:s3:::releng-staging-docs", "arn:aws:s3:::releng-staging-docs/*"],
          Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
      ],
    });
  });
});

describe("deploy user policy of a front end", () => {
  it("allows listing the bucket, putting and deleting its objects, and invalidating its distribution; nothing else", () => {
    assert.deepStrictEqual(deployUserPolicy(BUCKET, DISTRIBUTION), {
      Version: "2012-10-17",
      Statement: [
        { Sid: "ListTheBucket", Effect: "Allow", Action: ["s3:ListBucket"], Resource: ["arn:aws:s3:::releng-staging-docs"] },
        { Sid: "WriteObjects", Effect: "Allow", Action: ["s3:DeleteObject", "s3:PutObject"], Resource: ["arn:aws:s3:::releng-staging-docs/*"] },
        { Sid: "InvalidateTheDistribution", Effect: "Allow", Action: ["cloudfront:CreateInvalidation"], Resource: [DISTRIBUTION] },
      ],
    });
  });
});
