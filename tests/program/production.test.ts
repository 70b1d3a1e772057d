import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { loadStack, type StackUnderTest } from "../support/stack";
import { readStackFileConfig } from "../../synth/evaluate";
import type { StackConfig } from "../../config";
import { answered, connectSrcOf, itChecksEveryFrontend, stackConfigOf } from "../support/frontends";

describe("the production stack under mocks", () => {
  let stack: StackUnderTest;
  let config: StackConfig;
  before(async () => {
    config = stackConfigOf("production");
    stack = await loadStack("production");
  });

  it("deploys the projects its stack file lists, and reports the branch", () => {
    const declared = Object.keys(JSON.parse(readStackFileConfig(process.cwd(), "production")["releng-infra:projects"]!)).sort();
    assert.equal(stack.outputs.branch, "production");
    assert.deepEqual(stack.outputs.projects, declared);
  });

  // Static front ends (components/aws).
  itChecksEveryFrontend(() => ({ stack, config }), "staging");

  it("lets releng-frontend connect to the production URLs of its seven required projects", () => {
    assert.deepStrictEqual(connectSrcOf(stack, "releng-frontend"), [
      "'self'",
      "login.taskcluster.net",
      "auth.taskcluster.net",
      "https://docs.mozilla-releng.net",
      "https://tooltool.mozilla-releng.net",
      "https://tokens.mozilla-releng.net",
      "https://treestatus.mozilla-releng.net",
      "https://mapper.mozilla-releng.net",
      "https://policy.notification.mozilla-releng.net",
      "https://identity.notification.mozilla-releng.net",
    ]);
  });

  it("protects every bucket and distribution", () => {
    const data = [...stack.ofType("aws:s3/bucket:Bucket"), ...stack.ofType("aws:cloudfront/distribution:Distribution")];
    assert.deepStrictEqual(data.filter((r) => !r.protect).map((r) => r.key), []);
    assert.equal(data.length, 8);
  });

  it("serves releng-frontend at the zone apex and www with one certificate, both records to create by hand", () => {
    const options = answered(stack.get("aws:acm/certificate:Certificate", "releng-frontend-certificate")).domainValidationOptions as { resourceRecordName: string; resourceRecordValue: string }[];
    const cdn = answered(stack.get("aws:cloudfront/distribution:Distribution", "releng-frontend-cdn")).domainName;
    const zone = "mozilla-releng.net";
    const outputs = (stack.outputs.frontends as Record<string, Record<string, unknown>>)["releng-frontend"]!;
    assert.equal(outputs.url, "https://mozilla-releng.net");
    assert.deepStrictEqual(outputs.dnsRecordsToCreate, [
      { zone, name: options[0]!.resourceRecordName, type: "CNAME", value: options[0]!.resourceRecordValue, alias: false },
      { zone, name: options[1]!.resourceRecordName, type: "CNAME", value: options[1]!.resourceRecordValue, alias: false },
      { zone, name: "mozilla-releng.net", type: "A", value: cdn, alias: true },
      { zone, name: "mozilla-releng.net", type: "AAAA", value: cdn, alias: true },
      { zone, name: "www.mozilla-releng.net", type: "A", value: cdn, alias: true },
      { zone, name: "www.mozilla-releng.net", type: "AAAA", value: cdn, alias: true },
    ]);
    // Without a zone id the validation only waits for the records, so CloudFront never gets a pending certificate.
    assert.equal(stack.get("aws:acm/certificateValidation:CertificateValidation", "releng-frontend-certificate").inputs.validationRecordFqdns, undefined);
  });
});
