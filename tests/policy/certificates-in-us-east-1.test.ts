import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { certificatesInUsEast1 } from "../../policy/certificatesInUsEast1";
import { policyResource, urnOf, violationsOf, type FakeResource } from "../support/policy";

const CERTIFICATE = "aws:acm/certificate:Certificate";

async function check(r: Partial<FakeResource>) {
  return violationsOf(certificatesInUsEast1, [policyResource({ type: CERTIFICATE, name: "site-certificate", props: { domainName: "site.example.com" }, ...r })]);
}

describe("guardrail certificates-in-us-east-1", () => {
  it("accepts a certificate whose provider, or whose own region, is us-east-1", async () => {
    assert.deepStrictEqual(await check({ provider: { region: "us-east-1" } }), []);
    assert.deepStrictEqual(await check({ props: { domainName: "site.example.com", region: "us-east-1" }, provider: { region: "eu-west-1" } }), []);
  });

  it("rejects a certificate made in the branch's region", async () => {
    assert.deepStrictEqual(await check({ provider: { region: "eu-west-1" } }), [
      {
        policy: "certificates-in-us-east-1",
        message: "ACM certificate `site-certificate` is in `eu-west-1`; CloudFront only uses certificates in us-east-1, so create it with a us-east-1 provider.",
        urn: urnOf("staging", CERTIFICATE, "site-certificate"),
      },
    ]);
  });

  it("rejects a certificate whose region cannot be told", async () => {
    assert.deepStrictEqual((await check({})).map((v) => v.message), [
      "ACM certificate `site-certificate` is in an unknown region (neither it nor its provider sets `region`); CloudFront only uses certificates in us-east-1, so create it with a us-east-1 provider.",
    ]);
  });
});
