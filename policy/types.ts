/** Pulumi type tokens the guardrails look at (`@pulumi/aws` 7), kept here so a rule never misspells one. */
export const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
export const BUCKET_ACL_TYPES = ["aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2"];
export const PUBLIC_ACCESS_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
export const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
export const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
export const CERTIFICATE = "aws:acm/certificate:Certificate";

/** The stack of a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`): policies see no stack name otherwise. */
export function stackOfUrn(urn: string): string {
  return urn.split("::")[0]!.replace(/^urn:pulumi:/, "");
}
