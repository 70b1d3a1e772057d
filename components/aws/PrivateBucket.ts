import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface PrivateBucketArgs {
  /** The bucket's name, already checked against S3's naming rules by config validation. */
  bucket: string;
  /** Tags of the bucket. Default: none. */
  tags?: Record<string, string>;
  /** Protect the bucket itself from deletion (production). Default: false, and the bucket may be deleted with its objects. */
  protect?: boolean;
}

/**
 * An S3 bucket nobody can make public: every public access setting blocked, ACLs disabled (the
 * bucket owner owns every object), encrypted at rest, versioned so a bad deploy can be rolled back.
 * Access is granted by a bucket policy, which the owner of this component writes.
 */
export class PrivateBucket extends pulumi.ComponentResource {
  readonly bucket: aws.s3.Bucket;
  /** Bucket policies must wait for it: S3 refuses a policy while public access settings are changing. */
  readonly publicAccessBlock: aws.s3.BucketPublicAccessBlock;

  constructor(name: string, args: PrivateBucketArgs, opts: pulumi.ComponentResourceOptions = {}) {
    super("releng-infra:aws:PrivateBucket", name, {}, opts);
    const protect = args.protect ?? false;
    this.bucket = new aws.s3.Bucket(`${name}-bucket`, {
      bucket: args.bucket,
      // Built files are re-deployable; a branch's stack may go away with its bucket unless protected.
      forceDestroy: !protect,
      tags: args.tags,
    }, { parent: this, protect });
    const bucket = this.bucket.bucket;
    this.publicAccessBlock = new aws.s3.BucketPublicAccessBlock(`${name}-public-access`, {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    }, { parent: this });
    new aws.s3.BucketOwnershipControls(`${name}-ownership`, { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, { parent: this });
    new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, {
      bucket,
      // SSE-S3: CloudFront's Origin Access Control reads it without a KMS key policy.
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
    }, { parent: this });
    new aws.s3.BucketVersioning(`${name}-versioning`, { bucket, versioningConfiguration: { status: "Enabled" } }, { parent: this });
    this.registerOutputs({ bucket: this.bucket.bucket, arn: this.bucket.arn });
  }
}
