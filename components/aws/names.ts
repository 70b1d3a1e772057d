/*
 * Names of a front end's AWS resources, derived from its bucket name: S3 bucket names are unique
 * across AWS, so names built from them cannot collide within an account either. The Origin Access
 * Control (at most 64 characters) and the deploy user (at most 64) are named exactly like the bucket
 * (at most 63).
 */

/**
 * Response headers policy names are unique per account, letters, digits, `-` and `_`. Bucket names
 * never contain `_`, so dots become underscores and distinct buckets keep distinct names:
 * `shipit.example` → `shipit_example-security-headers`.
 */
export function headersPolicyName(bucket: string): string {
  return `${bucket.replace(/\./g, "_")}-security-headers`;
}

/** IAM path of every deploy user, so they list together and one policy can name them all. */
export const DEPLOY_USER_PATH = "/releng-infra/deploy/";
