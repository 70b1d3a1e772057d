import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { Project, StackConfig } from "../../config";
import { bucketPolicy } from "./bucketPolicy";
import { contentSecurityPolicy } from "./csp";
import { deployUserPolicy } from "./deployPolicy";
import { createAliasRecords, recordsByHand, validatedCertificate } from "./certificate";
import type { DnsRecord } from "./dns";
import { securityHeaders } from "./headers";
import { requiredProjectUrls, runtimeConfig } from "./links";
import { DEPLOY_USER_PATH, headersPolicyName } from "./names";
import type { AwsProviders } from "./providers";
import { PrivateBucket } from "./PrivateBucket";

export interface StaticFrontendArgs {
  /** The project; it must have `frontend` (bucket, domains, connectSrc, requires). */
  project: Project;
  /** The branch's config: the branch, the other projects' URLs, `aws.zones` and `protect`. */
  config: StackConfig;
  /** Providers for the branch's region and for certificates (us-east-1); see `awsProviders`. */
  providers: AwsProviders;
}

/** AWS's managed "CachingOptimized" cache policy (docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html). */
const CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
const ORIGIN_ID = "s3";

/**
 * A static front end: a private S3 bucket served by CloudFront under the project's domains with a
 * DNS-validated certificate and security headers, a `/config.json` for the branch, and a deploy
 * user that may only sync the bucket and invalidate the distribution.
 */
export class StaticFrontend extends pulumi.ComponentResource {
  /** `https://<first domain>`. */
  readonly url: string;
  readonly bucketName: pulumi.Output<string>;
  readonly distributionId: pulumi.Output<string>;
  /** The `*.cloudfront.net` name the domains point at. */
  readonly distributionDomain: pulumi.Output<string>;
  /** Records in zones without a `zoneId`, for a person to create. */
  readonly dnsRecordsToCreate: pulumi.Output<DnsRecord[]>;
  readonly deployUserName: pulumi.Output<string>;
  readonly deployAccessKeyId: pulumi.Output<string>;
  /** Secret. */
  readonly deploySecretAccessKey: pulumi.Output<string>;

  constructor(name: string, args: StaticFrontendArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("releng-infra:aws:StaticFrontend", name, {}, opts);
    const { project, config, providers } = args;
    const frontend = project.frontend;
    if (frontend === undefined || project.url === undefined) throw new Error(`project \`${project.id}\` has no \`frontend\` in ${config.file}`);
    const zones = config.aws.zones;
    const tags = { "releng-infra:branch": config.branch, "releng-infra:project": project.id };
    const regional = { parent: this, provider: providers.region };

    const urls = requiredProjectUrls(project, config.projects);
    const bucket = new PrivateBucket(name, { bucket: frontend.bucket, tags, protect: config.protect }, regional);

    const dns = { parent: this, certificates: providers.certificates, records: providers.region };
    const { certificate, validatedArn } = validatedCertificate(name, frontend.domains, zones, tags, dns);

    const oac = new aws.cloudfront.OriginAccessControl(`${name}-oac`, {
      name: frontend.bucket,
      description: `${project.id} on ${config.branch}: CloudFront reads ${frontend.bucket}`,
      originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4",
    }, regional);
    const headers = new aws.cloudfront.ResponseHeadersPolicy(`${name}-headers`, {
      name: headersPolicyName(frontend.bucket),
      comment: `Security headers of ${project.id} on ${config.branch}`,
      securityHeadersConfig: securityHeaders(contentSecurityPolicy(project.id, frontend, Object.values(urls))),
    }, regional);
    const distribution = new aws.cloudfront.Distribution(`${name}-cdn`, {
      comment: `${project.id} on ${config.branch}`,
      enabled: true,
      aliases: frontend.domains,
      defaultRootObject: "index.html",
      httpVersion: "http2and3",
      isIpv6Enabled: true,
      origins: [{ originId: ORIGIN_ID, domainName: bucket.bucket.bucketRegionalDomainName, originAccessControlId: oac.id }],
      defaultCacheBehavior: {
        targetOriginId: ORIGIN_ID,
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD", "OPTIONS"],
        cachedMethods: ["GET", "HEAD"],
        compress: true,
        cachePolicyId: CACHING_OPTIMIZED,
        responseHeadersPolicyId: headers.id,
      },
      // Single-page apps route in the browser: unknown paths get index.html. Without s3:ListBucket
      // CloudFront sees a missing key as 403, hence both codes.
      customErrorResponses: [403, 404].map((errorCode) => ({ errorCode, responseCode: 200, responsePagePath: "/index.html" })),
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: { acmCertificateArn: validatedArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
      tags,
    }, { ...regional, protect: config.protect });

    new aws.s3.BucketPolicy(`${name}-policy`, {
      bucket: bucket.bucket.bucket,
      policy: pulumi.all([bucket.bucket.arn, distribution.arn]).apply(([b, d]) => JSON.stringify(bucketPolicy(b, d))),
    }, { ...regional, dependsOn: [bucket.publicAccessBlock] });
    new aws.s3.BucketObjectv2(`${name}-config-json`, {
      bucket: bucket.bucket.bucket,
      key: "config.json",
      content: JSON.stringify(runtimeConfig(config.branch, urls), null, 2),
      contentType: "application/json",
      cacheControl: "no-cache",
    }, regional);

    createAliasRecords(name, frontend.domains, zones, distribution, dns);

    const user = new aws.iam.User(`${name}-deploy`, { name: frontend.bucket, path: DEPLOY_USER_PATH, tags }, regional);
    new aws.iam.UserPolicy(`${name}-deploy`, {
      user: user.name,
      name: "deploy",
      policy: pulumi.all([bucket.bucket.arn, distribution.arn]).apply(([b, d]) => JSON.stringify(deployUserPolicy(b, d))),
    }, regional);
    const key = new aws.iam.AccessKey(`${name}-deploy`, { user: user.name }, regional);

    this.url = project.url;
    this.bucketName = bucket.bucket.bucket;
    this.distributionId = distribution.id;
    this.distributionDomain = distribution.domainName;
    this.dnsRecordsToCreate = recordsByHand(frontend.domains, zones, certificate, distribution);
    this.deployUserName = user.name;
    this.deployAccessKeyId = key.id;
    this.deploySecretAccessKey = pulumi.secret(key.secret);
    this.registerOutputs(this.stackOutputs());
  }

  /** What the stack reports about this front end; the secret access key stays secret. */
  stackOutputs() {
    return {
      url: this.url,
      bucket: this.bucketName,
      distributionId: this.distributionId,
      distributionDomain: this.distributionDomain,
      dnsRecordsToCreate: this.dnsRecordsToCreate,
      deployUser: { name: this.deployUserName, accessKeyId: this.deployAccessKeyId, secretAccessKey: this.deploySecretAccessKey },
    };
  }
}
