import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { httpsOnlyViewers } from "../../policy/httpsOnlyViewers";
import { policyResource, urnOf, violationsOf } from "../support/policy";

const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

/** A distribution as the program makes it, with `props` changed. */
async function check(props: Record<string, unknown>) {
  const base = {
    defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" },
    viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/x", minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" },
  };
  return violationsOf(httpsOnlyViewers, [policyResource({ type: DISTRIBUTION, name: "site-cdn", props: { ...base, ...props } })]);
}

describe("guardrail https-only-viewers", () => {
  it("accepts HTTPS-only or redirecting behaviours with TLS 1.2 or later", async () => {
    assert.deepStrictEqual(await check({}), []);
    assert.deepStrictEqual(await check({ orderedCacheBehaviors: [{ viewerProtocolPolicy: "https-only" }] }), []);
    assert.deepStrictEqual(await check({ viewerCertificate: { acmCertificateArn: "x", minimumProtocolVersion: "TLSv1.3_2025" } }), []);
  });

  it("rejects a behaviour that serves plain HTTP, naming the behaviour", async () => {
    assert.deepStrictEqual(await check({ defaultCacheBehavior: { viewerProtocolPolicy: "allow-all" }, orderedCacheBehaviors: [{ viewerProtocolPolicy: "https-only" }, { viewerProtocolPolicy: "allow-all" }] }), [
      { policy: "https-only-viewers", message: "CloudFront distribution `site-cdn`: `defaultCacheBehavior.viewerProtocolPolicy` is `allow-all`; use `redirect-to-https` or `https-only`.", urn: urnOf("staging", DISTRIBUTION, "site-cdn") },
      { policy: "https-only-viewers", message: "CloudFront distribution `site-cdn`: `orderedCacheBehaviors[1].viewerProtocolPolicy` is `allow-all`; use `redirect-to-https` or `https-only`.", urn: urnOf("staging", DISTRIBUTION, "site-cdn") },
    ]);
  });

  it("rejects TLS older than 1.2 and CloudFront's default certificate", async () => {
    assert.deepStrictEqual((await check({ viewerCertificate: { acmCertificateArn: "x", minimumProtocolVersion: "TLSv1.1_2016" } })).map((v) => v.message), [
      "CloudFront distribution `site-cdn`: `viewerCertificate.minimumProtocolVersion` is `TLSv1.1_2016`; use `TLSv1.2_2021` or later.",
    ]);
    assert.deepStrictEqual((await check({ viewerCertificate: { cloudfrontDefaultCertificate: true } })).map((v) => v.message), [
      "CloudFront distribution `site-cdn` uses CloudFront's default certificate, which accepts TLS 1.0; give it an ACM certificate with `minimumProtocolVersion` `TLSv1.2_2021`.",
    ]);
  });

  it("looks at distributions only", async () => {
    assert.deepStrictEqual(await violationsOf(httpsOnlyViewers, [policyResource({ type: "aws:s3/bucket:Bucket", name: "b", props: {} })]), []);
  });
});
