import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { answered, guardrailViolations } from "../support/frontends";
import { loadStack, stackFolder, type StackUnderTest } from "../support/stack";

/**
 * A branch in eu-west-1 whose mozilla-releng.net zone is in Route 53 (zone id given) and whose
 * moz.tools zone is not.
 */
const STACK_FILE = `config:
  releng-infra:taskcluster:
    rootUrl: https://tc.example.com
  releng-infra:aws:
    region: eu-west-1
    zones:
      testing.mozilla-releng.net: { zoneId: Z0TESTING }
      testing.moz.tools: {}
  releng-infra:projects:
    docs:
      frontend:
        bucket: releng-testing-docs
        domains: [docs.testing.mozilla-releng.net]
    shipit/frontend:
      frontend:
        bucket: releng-testing-shipit
        domains: [shipit.testing.mozilla-releng.net, shipit.testing.moz.tools]
        requires: [docs]
`;

describe("front ends of a branch with a Route 53 zone id", () => {
  let stack: StackUnderTest;
  const records = () => stack.ofType("aws:route53/record:Record");
  before(async () => {
    stack = await loadStack("testing", { dir: stackFolder("testing", STACK_FILE) });
  });

  it("creates the validation record and the aliases in that zone, and validates with the record", () => {
    const options = answered(stack.get("aws:acm/certificate:Certificate", "docs-certificate")).domainValidationOptions as { resourceRecordName: string; resourceRecordValue: string }[];
    const cdn = answered(stack.get("aws:cloudfront/distribution:Distribution", "docs-cdn"));
    const docs = records().filter((r) => r.name.startsWith("docs-"));
    assert.deepStrictEqual(docs.map((r) => [r.name, r.inputs]), [
      ["docs-validation-docs.testing.mozilla-releng.net", { zoneId: "Z0TESTING", name: options[0]!.resourceRecordName, type: "CNAME", records: [options[0]!.resourceRecordValue], ttl: 300, allowOverwrite: true }],
      ...["A", "AAAA"].map((type) => [
        `docs-${type.toLowerCase()}-docs.testing.mozilla-releng.net`,
        { zoneId: "Z0TESTING", name: "docs.testing.mozilla-releng.net", type, aliases: [{ name: cdn.domainName, zoneId: "Z2FDTNDATAQYW2", evaluateTargetHealth: false }] },
      ]),
    ]);
    assert.deepStrictEqual(stack.get("aws:acm/certificateValidation:CertificateValidation", "docs-certificate").inputs.validationRecordFqdns, [
      options[0]!.resourceRecordName.replace(/\.$/, ""),
    ]);
    assert.deepStrictEqual((stack.outputs.frontends as Record<string, Record<string, unknown>>).docs!.dnsRecordsToCreate, []);
  });

  it("creates what it can for a front end across two zones and reports the rest, and the validation waits for it", () => {
    const options = answered(stack.get("aws:acm/certificate:Certificate", "shipit-frontend-certificate")).domainValidationOptions as { domainName: string; resourceRecordName: string; resourceRecordValue: string }[];
    const cdn = answered(stack.get("aws:cloudfront/distribution:Distribution", "shipit-frontend-cdn")).domainName;
    assert.deepStrictEqual(records().filter((r) => r.name.startsWith("shipit-")).map((r) => r.inputs.name), [
      options[0]!.resourceRecordName,
      "shipit.testing.mozilla-releng.net",
      "shipit.testing.mozilla-releng.net",
    ]);
    const zone = "testing.moz.tools";
    assert.deepStrictEqual((stack.outputs.frontends as Record<string, Record<string, unknown>>)["shipit/frontend"]!.dnsRecordsToCreate, [
      { zone, name: options[1]!.resourceRecordName, type: "CNAME", value: options[1]!.resourceRecordValue, alias: false },
      { zone, name: "shipit.testing.moz.tools", type: "A", value: cdn, alias: true },
      { zone, name: "shipit.testing.moz.tools", type: "AAAA", value: cdn, alias: true },
    ]);
    assert.equal(stack.get("aws:acm/certificateValidation:CertificateValidation", "shipit-frontend-certificate").inputs.validationRecordFqdns, undefined);
  });

  it("gives a front end the URLs of this branch's projects in its config.json", () => {
    const object = stack.get("aws:s3/bucketObjectv2:BucketObjectv2", "shipit-frontend-config-json");
    assert.deepStrictEqual(JSON.parse(object.inputs.content as string), { releaseChannel: "testing", urls: { docs: "https://docs.testing.mozilla-releng.net" } });
  });

  it("keeps buckets in the branch's region and certificates in us-east-1, for CloudFront", async () => {
    const regionOf = (type: string, name: string) => {
      const r = stack.get(type, name);
      return stack.resources.find((p) => p.key === r.provider)?.inputs.region;
    };
    assert.equal(regionOf("releng-infra:aws:PrivateBucket", "docs"), "eu-west-1");
    assert.equal(regionOf("aws:acm/certificate:Certificate", "docs-certificate"), "us-east-1");
    assert.equal(regionOf("aws:acm/certificateValidation:CertificateValidation", "docs-certificate"), "us-east-1");
    assert.deepStrictEqual(await guardrailViolations(stack), []);
  });
});
