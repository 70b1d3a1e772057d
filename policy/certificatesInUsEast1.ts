import type { ResourceValidationPolicy } from "@pulumi/policy";
import { CERTIFICATE } from "./types";

/** Per AWS, CloudFront only uses ACM certificates of us-east-1 (docs.aws.amazon.com/acm/latest/userguide/acm-services.html). */
const CLOUDFRONT_CERTIFICATE_REGION = "us-east-1";

/** ACM certificates, all of which serve CloudFront here, are in us-east-1: set by the resource's `region` or its provider's. */
export const certificatesInUsEast1: ResourceValidationPolicy = {
  name: "certificates-in-us-east-1",
  description: "ACM certificates are created in us-east-1, the only region CloudFront uses certificates from.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== CERTIFICATE) return;
    const region: unknown = args.props.region ?? args.provider?.props.region;
    if (region !== CLOUDFRONT_CERTIFICATE_REGION) {
      const where = region === undefined ? "an unknown region (neither it nor its provider sets `region`)" : `\`${region}\``;
      reportViolation(`ACM certificate \`${args.name}\` is in ${where}; CloudFront only uses certificates in us-east-1, so create it with a us-east-1 provider.`);
    }
  },
};
