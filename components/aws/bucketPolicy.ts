import type { PolicyDocument } from "./policyDocument";

/**
 * The bucket policy of a front end: CloudFront may read objects only on behalf of this one
 * distribution (Origin Access Control, docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html),
 * and nobody may use the bucket over plain HTTP.
 * Example: (`arn:aws:s3:::releng-staging-docs`, `arn:aws:cloudfront::1:distribution/E1`) → `s3:GetObject`
 * on `arn:aws:s3:::releng-staging-docs/*` for `cloudfront.amazonaws.com` when `AWS:SourceArn` is E1's ARN.
 */
export function bucketPolicy(bucketArn: string, distributionArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "CloudFrontReadsForItsDistributionOnly",
        Effect: "Allow",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: ["s3:GetObject"],
        Resource: [`${bucketArn}/*`],
        Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
      },
      {
        Sid: "DenyPlainHttp",
        Effect: "Deny",
        Principal: "*",
        Action: ["s3:*"],
        Resource: [bucketArn, `${bucketArn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  };
}
