/*
 * Which input changes make Pulumi replace a resource (delete and create) rather than update it.
 * `pulumi preview` asks the provider; offline, nothing can be asked, so the rule is written here:
 * a resource is identified by type and name, and a change of one of the inputs listed for its
 * type reports "replaced". A type not listed is only ever "changed". Keep this table in step with
 * the `diff` of our dynamic providers (their `replaces`) and with the ForceNew fields of the AWS
 * provider (the "forces replacement" notes of each resource's page on the Pulumi registry).
 */

/** Every input replaces (the random provider recreates on any change: keepers, length, ...). */
export const ANY_INPUT = "*";

export type ReplaceRule = readonly string[] | typeof ANY_INPUT;

export const REPLACE_ON_CHANGE: Readonly<Record<string, ReplaceRule>> = {
  // Our dynamic providers (components/*): their ids are names on the remote API.
  "pulumi-nodejs:dynamic/taskcluster:Hook": ["hookGroupId", "hookId"],
  // As the `replaces` of components/heroku: Heroku cannot move an app, and a rename breaks its URLs.
  "pulumi-nodejs:dynamic/heroku:App": ["name", "region", "team", "stack"],
  "pulumi-nodejs:dynamic/heroku:ConfigVars": ["app"],
  "pulumi-nodejs:dynamic/heroku:Release": ["app", "processType"],
  "pulumi-nodejs:dynamic/heroku:Domain": ["app", "hostname"],
  // AWS: a bucket's name is immutable, and so is the bucket each of its settings belongs to.
  "aws:s3/bucket:Bucket": ["bucket", "bucketPrefix", "objectLockEnabled"],
  "aws:s3/bucketV2:BucketV2": ["bucket", "bucketPrefix", "objectLockEnabled"],
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": ["bucket"],
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": ["bucket"],
  "aws:s3/bucketVersioning:BucketVersioning": ["bucket", "expectedBucketOwner"],
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": ["bucket", "expectedBucketOwner"],
  "aws:s3/bucketPolicy:BucketPolicy": ["bucket"],
  "aws:s3/bucketObjectv2:BucketObjectv2": ["bucket", "key"],
  // A certificate's subject cannot change; its validation belongs to one certificate.
  "aws:acm/certificate:Certificate": ["domainName", "subjectAlternativeNames", "keyAlgorithm", "certificateAuthorityArn"],
  "aws:acm/certificateValidation:CertificateValidation": ["certificateArn", "validationRecordFqdns"],
  "aws:route53/record:Record": ["zoneId", "name", "type"],
  "aws:iam/accessKey:AccessKey": ["user", "pgpKey"],
  "aws:iam/userPolicy:UserPolicy": ["user", "name", "namePrefix"],
  "random:index/randomBytes:RandomBytes": ANY_INPUT,
  "random:index/randomPassword:RandomPassword": ANY_INPUT,
  "random:index/randomString:RandomString": ANY_INPUT,
  "random:index/randomId:RandomId": ANY_INPUT,
};

/** The inputs of `type` whose change replaces it, or `*`; none for a type without a rule. */
export function replaceRule(type: string): ReplaceRule {
  return REPLACE_ON_CHANGE[type] ?? [];
}

/** The top-level inputs among `changed` that replace a resource of `type`. */
export function replacingKeys(type: string, changed: readonly string[]): string[] {
  const rule = replaceRule(type);
  return [...new Set(rule === ANY_INPUT ? changed : changed.filter((k) => rule.includes(k)))];
}
