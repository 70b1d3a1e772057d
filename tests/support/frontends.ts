import * as assert from "node:assert/strict";
import { it } from "node:test";
import { BASE_CSP } from "../../components/aws/csp";
import { parseStackConfig, projectConfig, slug, type Project, type StackConfig } from "../../config";
import { policies } from "../../policy/policies";
import { readStackFileConfig } from "../../synth/evaluate";
import { mockState } from "../../synth/mocks";
import { policyResources, violationsOf, type Violation } from "./policy";
import type { RecordedResource, StackUnderTest } from "./stack";

/*
 * What every static front end of a stack must have, checked against the resources a mock
 * evaluation recorded. Expected values come from the stack file's own settings for the project.
 */

/** The validated config of a stack file in `dir`, as the program reads it. */
export function stackConfigOf(stack: string, dir = process.cwd()): StackConfig {
  return parseStackConfig(stack, `Pulumi.${stack}.yaml`, projectConfig(readStackFileConfig(dir, stack)));
}

/** What the mock runtime answered for `r` (ARNs, domain names). */
export function answered(r: RecordedResource): Record<string, unknown> {
  return mockState(r.type, r.name, r.inputs);
}

/** The `connect-src` sources of the CSP a front end's response headers policy sends. */
export function connectSrcOf(stack: StackUnderTest, project: string): string[] {
  const headers = stack.get("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", `${slug(project)}-headers`);
  const csp = (headers.inputs.securityHeadersConfig as { contentSecurityPolicy: { contentSecurityPolicy: string } }).contentSecurityPolicy.contentSecurityPolicy;
  const match = /connect-src ([^;]*);$/.exec(csp);
  assert.ok(match, `no connect-src at the end of ${headers.key}'s CSP: ${csp}`);
  return match[1]!.split(" ");
}

/** Asserts every resource of one front end and its properties. */
export function checkFrontend(stack: StackUnderTest, config: StackConfig, project: Project): void {
  const f = project.frontend!;
  const name = slug(project.id);
  const get = (type: string, suffix: string) => stack.get(type, `${name}-${suffix}`);
  const component = stack.get("releng-infra:aws:StaticFrontend", name);

  const bucket = get("aws:s3/bucket:Bucket", "bucket");
  assert.deepStrictEqual(bucket.inputs, { bucket: f.bucket, forceDestroy: !config.protect, tags: { "releng-infra:branch": config.branch, "releng-infra:project": project.id } });
  assert.equal(bucket.protect, config.protect, `${bucket.key} protect`);
  const bucketArn = `arn:aws:s3:::${f.bucket}`;
  assert.deepStrictEqual(get("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "public-access").inputs, {
    bucket: f.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
  });
  assert.deepStrictEqual(get("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "ownership").inputs, { bucket: f.bucket, rule: { objectOwnership: "BucketOwnerEnforced" } });
  assert.deepStrictEqual(get("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "encryption").inputs, {
    bucket: f.bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
  });
  assert.deepStrictEqual(get("aws:s3/bucketVersioning:BucketVersioning", "versioning").inputs, { bucket: f.bucket, versioningConfiguration: { status: "Enabled" } });

  const certificate = get("aws:acm/certificate:Certificate", "certificate");
  assert.deepStrictEqual(certificate.inputs, { domainName: f.domains[0], subjectAlternativeNames: f.domains.slice(1), validationMethod: "DNS", tags: bucket.inputs.tags });
  const certificateProvider = stack.resources.find((r) => r.key === certificate.provider);
  assert.equal(certificateProvider?.inputs.region, "us-east-1", `${certificate.key} is made by ${certificate.provider}`);
  const validation = stack.get("aws:acm/certificateValidation:CertificateValidation", `${name}-certificate`);
  assert.equal(validation.inputs.certificateArn, answered(certificate).arn);
  assert.equal(validation.provider, certificate.provider);

  const oac = get("aws:cloudfront/originAccessControl:OriginAccessControl", "oac");
  assert.deepStrictEqual(oac.inputs, {
    name: f.bucket, description: `${project.id} on ${config.branch}: CloudFront reads ${f.bucket}`,
    originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4",
  });
  const headers = get("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", "headers");
  const urls = f.requires.map((id) => config.projects.find((p) => p.id === id)!.url!);
  assert.deepStrictEqual((headers.inputs.securityHeadersConfig as Record<string, unknown>).contentSecurityPolicy, {
    contentSecurityPolicy: `${BASE_CSP} connect-src ${["'self'", ...f.connectSrc, ...urls].join(" ")};`, override: true,
  });
  assert.deepStrictEqual((headers.inputs.securityHeadersConfig as Record<string, unknown>).strictTransportSecurity, {
    accessControlMaxAgeSec: 63072000, includeSubdomains: false, preload: false, override: true,
  });

  const distribution = get("aws:cloudfront/distribution:Distribution", "cdn");
  const distributionArn = answered(distribution).arn as string;
  assert.equal(distribution.protect, config.protect, `${distribution.key} protect`);
  assert.deepStrictEqual(
    distribution.inputs,
    {
      comment: `${project.id} on ${config.branch}`, enabled: true, aliases: f.domains, defaultRootObject: "index.html", httpVersion: "http2and3", isIpv6Enabled: true,
      origins: [{ originId: "s3", domainName: `${f.bucket}.s3.us-east-1.amazonaws.com`, originAccessControlId: `${name}-oac-id` }],
      defaultCacheBehavior: {
        targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD", "OPTIONS"], cachedMethods: ["GET", "HEAD"],
        compress: true, cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6", responseHeadersPolicyId: `${name}-headers-id`,
      },
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: { acmCertificateArn: answered(certificate).arn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
      // Single-page apps: unknown paths serve index.html (S3 answers 403 for a missing key without s3:ListBucket).
      customErrorResponses: [403, 404].map((errorCode) => ({ errorCode, responseCode: 200, responsePagePath: "/index.html" })),
      tags: bucket.inputs.tags,
    },
  );

  const policy = JSON.parse(get("aws:s3/bucketPolicy:BucketPolicy", "policy").inputs.policy as string) as { Statement: Record<string, unknown>[] };
  assert.deepStrictEqual(policy.Statement.filter((s) => s.Effect === "Allow"), [{
    Sid: "CloudFrontReadsForItsDistributionOnly", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" },
    Action: ["s3:GetObject"], Resource: [`${bucketArn}/*`], Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
  }]);

  assert.deepStrictEqual(get("aws:iam/user:User", "deploy").inputs, { name: f.bucket, path: "/releng-infra/deploy/", tags: bucket.inputs.tags });
  const userPolicy = JSON.parse(get("aws:iam/userPolicy:UserPolicy", "deploy").inputs.policy as string) as { Statement: Record<string, unknown>[] };
  assert.deepStrictEqual(userPolicy.Statement.map((s) => [s.Effect, s.Action, s.Resource]), [
    ["Allow", ["s3:ListBucket"], [bucketArn]],
    ["Allow", ["s3:DeleteObject", "s3:PutObject"], [`${bucketArn}/*`]],
    ["Allow", ["cloudfront:CreateInvalidation"], [distributionArn]],
  ]);
  assert.equal(get("aws:iam/accessKey:AccessKey", "deploy").inputs.user, f.bucket);

  const configJson = get("aws:s3/bucketObjectv2:BucketObjectv2", "config-json");
  assert.deepStrictEqual({ ...configJson.inputs, content: JSON.parse(configJson.inputs.content as string) }, {
    bucket: f.bucket, key: "config.json", contentType: "application/json", cacheControl: "no-cache",
    content: { releaseChannel: config.branch, urls: Object.fromEntries(f.requires.map((id, i) => [id, urls[i]])) },
  });

  for (const child of [certificate, validation, oac, headers, distribution]) assert.equal(child.parent, component.key, `${child.key} parent`);
}

/** Violations of every rule of the policy pack over the resources the evaluation recorded. */
export async function guardrailViolations(stack: StackUnderTest): Promise<Violation[]> {
  const resources = policyResources(stack.evaluation);
  return (await Promise.all(policies.map((p) => violationsOf(p, resources)))).flat();
}

/**
 * Registers the front-end checks every stack shares; call inside the stack's `describe`, whose
 * `before` loads what `loaded` returns. `other` is a branch whose URLs must appear nowhere.
 */
export function itChecksEveryFrontend(loaded: () => { stack: StackUnderTest; config: StackConfig }, other: string): void {
  it("has the four front ends of the catalogue, one StaticFrontend each", () => {
    assert.deepStrictEqual(loaded().stack.ofType("releng-infra:aws:StaticFrontend").map((r) => r.name).sort(), ["docs", "releng-frontend", "shipit-frontend", "staticanalysis-frontend"]);
  });

  it("gives each front end a private bucket, CloudFront with headers, a us-east-1 certificate and a least-privilege deploy user", () => {
    const { stack, config } = loaded();
    for (const project of config.projects.filter((p) => p.frontend)) checkFrontend(stack, config, project);
  });

  it(`lets no front end connect to a URL of ${other}`, () => {
    const { stack, config } = loaded();
    const urls = stackConfigOf(other).projects.flatMap((p) => (p.url === undefined ? [] : [p.url]));
    for (const project of config.projects.filter((p) => p.frontend)) {
      assert.deepStrictEqual(connectSrcOf(stack, project.id).filter((s) => urls.includes(s)), [], project.id);
    }
  });

  it("passes every guardrail of the policy pack", async () => {
    assert.deepStrictEqual(await guardrailViolations(loaded().stack), []);
  });
}
