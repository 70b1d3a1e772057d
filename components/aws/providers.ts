import * as aws from "@pulumi/aws";
import type { StackConfig } from "../../config";

/** The AWS providers of a branch's front ends. */
export interface AwsProviders {
  /** Buckets, IAM, CloudFront and Route 53, in the branch's `aws.region`. */
  region: aws.Provider;
  /** ACM certificates for CloudFront, always in us-east-1. */
  certificates: aws.Provider;
}

/** The region of certificates used by CloudFront. */
export const CERTIFICATE_REGION = "us-east-1";

/**
 * Providers for the branch's front ends, made on first use: a provider without resources would
 * still ask for AWS credentials, so a branch without front ends makes none.
 */
export function awsProviders(config: StackConfig): () => AwsProviders {
  let providers: AwsProviders | undefined;
  return () =>
    (providers ??= {
      region: new aws.Provider(`aws-${config.aws.region}`, { region: config.aws.region }),
      // Per AWS, a certificate used by CloudFront must be in us-east-1, whatever the branch's region
      // (docs.aws.amazon.com/acm/latest/userguide/acm-services.html).
      certificates: new aws.Provider(`aws-certificates-${CERTIFICATE_REGION}`, { region: CERTIFICATE_REGION }),
    });
}
