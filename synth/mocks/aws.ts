import { createHash } from "node:crypto";
import type { StateMock } from "./index";

/*
 * AWS answers: what the provider computes on create (ARNs, CloudFront domain names, ACM's
 * validation records), shaped like the real ones and derived from the resource's name so runs
 * are reproducible.
 */

/** The account every mock ARN belongs to. */
export const MOCK_ACCOUNT = "123456789012";

/** A stable token of `length` uppercase hex characters from `seed`. */
function token(seed: string, length: number): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, length).toUpperCase();
}

export const awsStates: Record<string, StateMock> = {
  "aws:s3/bucket:Bucket": (_name, inputs) => ({
    arn: `arn:aws:s3:::${inputs.bucket}`,
    bucketRegionalDomainName: `${inputs.bucket}.s3.${inputs.region ?? "us-east-1"}.amazonaws.com`,
  }),
  "aws:cloudfront/distribution:Distribution": (name) => ({
    arn: `arn:aws:cloudfront::${MOCK_ACCOUNT}:distribution/E${token(name, 13)}`,
    domainName: `d${token(name, 13).toLowerCase()}.cloudfront.net`,
    // Route 53's zone of every CloudFront distribution.
    hostedZoneId: "Z2FDTNDATAQYW2",
  }),
  "aws:acm/certificate:Certificate": (name, inputs) => ({
    arn: `arn:aws:acm:us-east-1:${MOCK_ACCOUNT}:certificate/${token(name, 32).toLowerCase()}`,
    domainValidationOptions: [inputs.domainName as string, ...((inputs.subjectAlternativeNames as string[] | undefined) ?? [])].map((domainName) => ({
      domainName,
      resourceRecordName: `_${token(`name:${domainName}`, 32).toLowerCase()}.${domainName}.`,
      resourceRecordType: "CNAME",
      resourceRecordValue: `_${token(`value:${domainName}`, 32).toLowerCase()}.acm-validations.aws.`,
    })),
  }),
  "aws:route53/record:Record": (_name, inputs) => ({ fqdn: String(inputs.name).replace(/\.$/, "") }),
  "aws:iam/user:User": (_name, inputs) => ({ arn: `arn:aws:iam::${MOCK_ACCOUNT}:user${inputs.path ?? "/"}${inputs.name}` }),
  "aws:iam/accessKey:AccessKey": (name) => ({ secret: `mock-secret-access-key-${token(name, 24)}` }),
};
