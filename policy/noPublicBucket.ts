import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { BUCKET_ACL_TYPES, BUCKET_POLICY, BUCKET_TYPES, PUBLIC_ACCESS_BLOCK } from "./types";

/** Canned ACLs that let anyone (or any AWS account) read: docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl. */
const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];
const BLOCK_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

/**
 * Every bucket is private: its public access block sets all four flags, no public canned ACL, no
 * website endpoint, and no bucket policy allows everyone. Front ends are read by CloudFront
 * through Origin Access Control only.
 */
export const noPublicBucket: StackValidationPolicy = {
  name: "no-public-bucket",
  description: "S3 buckets block all public access and grant nothing to everyone; CloudFront reads them through Origin Access Control.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const blocks = args.resources.filter((r) => r.type === PUBLIC_ACCESS_BLOCK);
    for (const bucket of args.resources.filter((r) => BUCKET_TYPES.includes(r.type))) {
      if (PUBLIC_ACLS.includes(bucket.props.acl)) reportViolation(`S3 bucket \`${bucket.name}\` has the public ACL \`${bucket.props.acl}\`; remove \`acl\`.`, bucket.urn);
      if (bucket.props.website !== undefined) reportViolation(`S3 bucket \`${bucket.name}\` has a website endpoint, which is public; serve it through CloudFront instead.`, bucket.urn);
      if (!blocks.some((block) => appliesTo(block, bucket))) {
        reportViolation(`S3 bucket \`${bucket.name}\` has no BucketPublicAccessBlock; add one with all four settings true.`, bucket.urn);
      }
    }
    for (const block of blocks) {
      const off = BLOCK_FLAGS.filter((flag) => block.props[flag] !== true);
      if (off.length > 0) reportViolation(`BucketPublicAccessBlock \`${block.name}\` leaves ${off.map((f) => `\`${f}\``).join(", ")} off; set all four to true.`, block.urn);
    }
    for (const acl of args.resources.filter((r) => BUCKET_ACL_TYPES.includes(r.type))) {
      if (PUBLIC_ACLS.includes(acl.props.acl)) reportViolation(`Bucket ACL \`${acl.name}\` is the public ACL \`${acl.props.acl}\`; remove it.`, acl.urn);
    }
    for (const policy of args.resources.filter((r) => r.type === BUCKET_POLICY)) {
      for (const sid of statementsAllowingEveryone(policy.props.policy)) {
        reportViolation(`BucketPolicy \`${policy.name}\` allows everyone (Principal \`*\`) in statement \`${sid}\`; grant a service principal with an \`AWS:SourceArn\` condition instead.`, policy.urn);
      }
    }
  },
};

/** True when `block` applies to `bucket`: same bucket name, or built from the bucket's outputs. */
function appliesTo(block: PolicyResource, bucket: PolicyResource): boolean {
  if (bucket.props.bucket !== undefined && block.props.bucket === bucket.props.bucket) return true;
  return (block.propertyDependencies?.bucket ?? []).some((d) => d.urn === bucket.urn);
}

/** Sids (or positions) of the Allow statements of `policy` whose principal is everyone. */
export function statementsAllowingEveryone(policy: unknown): string[] {
  const doc = (typeof policy === "string" ? JSON.parse(policy) : policy) as { Statement?: unknown } | undefined;
  const statements = ([] as Record<string, unknown>[]).concat((doc?.Statement as Record<string, unknown>[] | undefined) ?? []);
  return statements.flatMap((s, i) => (s.Effect === "Allow" && isEveryone(s.Principal) ? [String(s.Sid ?? `#${i}`)] : []));
}

function isEveryone(principal: unknown): boolean {
  if (principal === "*") return true;
  const aws = (principal as { AWS?: unknown } | undefined)?.AWS;
  return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
}
