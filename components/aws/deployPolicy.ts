import type { PolicyDocument } from "./policyDocument";

/**
 * The policy of a front end's deploy user: sync a build into its bucket (list, put, delete objects)
 * and invalidate its distribution's cache; nothing else, nowhere else.
 * Example: (`arn:aws:s3:::b`, `arn:aws:cloudfront::1:distribution/E1`) → `s3:ListBucket` on the bucket,
 * `s3:PutObject` and `s3:DeleteObject` on `arn:aws:s3:::b/*`, `cloudfront:CreateInvalidation` on E1.
 */
export function deployUserPolicy(bucketArn: string, distributionArn: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "ListTheBucket", Effect: "Allow", Action: ["s3:ListBucket"], Resource: [bucketArn] },
      { Sid: "WriteObjects", Effect: "Allow", Action: ["s3:DeleteObject", "s3:PutObject"], Resource: [`${bucketArn}/*`] },
      { Sid: "InvalidateTheDistribution", Effect: "Allow", Action: ["cloudfront:CreateInvalidation"], Resource: [distributionArn] },
    ],
  };
}
