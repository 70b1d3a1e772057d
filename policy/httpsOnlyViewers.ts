import type { ResourceValidationPolicy } from "@pulumi/policy";
import { DISTRIBUTION } from "./types";

const HTTPS_POLICIES = ["redirect-to-https", "https-only"];
/** CloudFront security policies of TLS 1.2 or later (docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html). */
const TLS_12_OR_LATER = /^TLSv1\.[23]_/;

/** Viewers reach CloudFront over HTTPS only (plain HTTP is redirected), with TLS 1.2 or later. */
export const httpsOnlyViewers: ResourceValidationPolicy = {
  name: "https-only-viewers",
  description: "CloudFront distributions serve viewers over HTTPS only, TLS 1.2 or later.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== DISTRIBUTION) return;
    const behaviors: [string, Record<string, unknown> | undefined][] = [
      ["defaultCacheBehavior", args.props.defaultCacheBehavior],
      ...((args.props.orderedCacheBehaviors ?? []) as Record<string, unknown>[]).map((b, i): [string, Record<string, unknown>] => [`orderedCacheBehaviors[${i}]`, b]),
    ];
    for (const [field, behavior] of behaviors) {
      const policy = behavior?.viewerProtocolPolicy;
      if (!HTTPS_POLICIES.includes(String(policy))) {
        reportViolation(`CloudFront distribution \`${args.name}\`: \`${field}.viewerProtocolPolicy\` is \`${policy}\`; use \`redirect-to-https\` or \`https-only\`.`);
      }
    }
    const certificate = (args.props.viewerCertificate ?? {}) as Record<string, unknown>;
    if (certificate.cloudfrontDefaultCertificate === true) {
      reportViolation(`CloudFront distribution \`${args.name}\` uses CloudFront's default certificate, which accepts TLS 1.0; give it an ACM certificate with \`minimumProtocolVersion\` \`TLSv1.2_2021\`.`);
    } else if (!TLS_12_OR_LATER.test(String(certificate.minimumProtocolVersion))) {
      reportViolation(`CloudFront distribution \`${args.name}\`: \`viewerCertificate.minimumProtocolVersion\` is \`${certificate.minimumProtocolVersion}\`; use \`TLSv1.2_2021\` or later.`);
    }
  },
};
