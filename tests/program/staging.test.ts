import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadStack, type StackUnderTest } from "../support/stack";
import { readStackFileConfig } from "../../synth/evaluate";
import type { StackConfig } from "../../config";
import { answered, connectSrcOf, itChecksEveryFrontend, stackConfigOf } from "../support/frontends";

describe("the staging stack under mocks", () => {
  let stack: StackUnderTest;
  let config: StackConfig;
  before(async () => {
    config = stackConfigOf("staging");
    stack = await loadStack("staging");
  });

  it("deploys the projects its stack file lists, and reports the branch", () => {
    const declared = Object.keys(JSON.parse(readStackFileConfig(process.cwd(), "staging")["releng-infra:projects"]!)).sort();
    assert.equal(stack.outputs.branch, "staging");
    assert.deepEqual(stack.outputs.projects, declared);
  });

  // Static front ends (components/aws).
  itChecksEveryFrontend(() => ({ stack, config }), "production");

  it("lets releng-frontend connect to the staging URLs of its seven required projects", () => {
    assert.deepStrictEqual(connectSrcOf(stack, "releng-frontend"), [
      "'self'",
      "login.taskcluster.net",
      "auth.taskcluster.net",
      "https://docs.staging.mozilla-releng.net",
      "https://tooltool.staging.mozilla-releng.net",
      "https://tokens.staging.mozilla-releng.net",
      "https://treestatus.staging.mozilla-releng.net",
      "https://mapper.staging.mozilla-releng.net",
      "https://policy.notification.staging.mozilla-releng.net",
      "https://identity.notification.staging.mozilla-releng.net",
    ]);
  });

  it("leaves buckets and distributions unprotected, so the branch can be torn down", () => {
    const data = [...stack.ofType("aws:s3/bucket:Bucket"), ...stack.ofType("aws:cloudfront/distribution:Distribution")];
    assert.deepStrictEqual(data.filter((r) => r.protect).map((r) => r.key), []);
    assert.equal(data.length, 8);
  });

  it("reports, per front end, its URL, CloudFront domain, DNS records to create by hand (no zone ids) and deploy key", () => {
    const certificate = answered(stack.get("aws:acm/certificate:Certificate", "docs-certificate"));
    const [acm] = certificate.domainValidationOptions as { resourceRecordName: string; resourceRecordValue: string }[];
    const cdn = answered(stack.get("aws:cloudfront/distribution:Distribution", "docs-cdn")).domainName;
    const zone = "staging.mozilla-releng.net";
    assert.deepStrictEqual((stack.outputs.frontends as Record<string, unknown>).docs, {
      url: "https://docs.staging.mozilla-releng.net",
      bucket: "releng-staging-docs",
      distributionId: "docs-cdn-id",
      distributionDomain: cdn,
      dnsRecordsToCreate: [
        { zone, name: acm!.resourceRecordName, type: "CNAME", value: acm!.resourceRecordValue, alias: false },
        { zone, name: "docs.staging.mozilla-releng.net", type: "A", value: cdn, alias: true },
        { zone, name: "docs.staging.mozilla-releng.net", type: "AAAA", value: cdn, alias: true },
      ],
      deployUser: { name: "releng-staging-docs", accessKeyId: "docs-deploy-id", secretAccessKey: answered(stack.get("aws:iam/accessKey:AccessKey", "docs-deploy")).secret },
    });
    assert.deepStrictEqual(stack.ofType("aws:route53/record:Record"), []);
    assert.deepStrictEqual([...(stack.evaluation.secretOutputPaths ?? [])].sort(), [
      "frontends.docs.deployUser.secretAccessKey",
      "frontends.releng-frontend.deployUser.secretAccessKey",
      "frontends.shipit/frontend.deployUser.secretAccessKey",
      "frontends.staticanalysis/frontend.deployUser.secretAccessKey",
    ]);
  });
});
