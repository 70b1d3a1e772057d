import { isInZone } from "../../config";

/** A DNS record a front end needs, in a zone of the branch's `aws.zones`. */
export interface DnsRecord {
  /** The zone (a key of `aws.zones`) the record belongs in. */
  zone: string;
  name: string;
  type: "CNAME" | "A" | "AAAA";
  value: string;
  /** A Route 53 alias to the CloudFront distribution named by `value` rather than a plain record (a zone apex cannot hold a CNAME). */
  alias: boolean;
}

/** One entry of an ACM certificate's `domainValidationOptions`. */
export interface ValidationOption {
  domainName: string;
  resourceRecordName: string;
  resourceRecordType: string;
  resourceRecordValue: string;
}

/**
 * The most specific zone holding `domain`: `docs.staging.mozilla-releng.net` with zones
 * `mozilla-releng.net` and `staging.mozilla-releng.net` → `staging.mozilla-releng.net`.
 * Config validation refuses domains outside the zones; this only guards.
 */
export function zoneOf(domain: string, zones: readonly string[]): string {
  const zone = zones.filter((z) => isInZone(domain, z)).sort((a, b) => b.length - a.length)[0];
  if (zone === undefined) throw new Error(`\`${domain}\` is outside the zones ${zones.map((z) => `\`${z}\``).join(", ") || "(none)"}`);
  return zone;
}

/**
 * The CNAME that proves control of `domain` to ACM, from the certificate's validation options.
 * Example: `docs.mozilla-releng.net` → `{name: "_x.docs.mozilla-releng.net.", type: "CNAME", value: "_y.acm-validations.aws.", …}`.
 * Domains cannot be wildcards (config `DOMAIN_NAME`), so each domain has a record of its own.
 */
export function validationRecord(domain: string, options: readonly ValidationOption[], zones: readonly string[]): DnsRecord {
  const option = options.find((o) => o.domainName === domain);
  if (option === undefined) throw new Error(`the certificate has no validation record for \`${domain}\`; it covers ${options.map((o) => `\`${o.domainName}\``).join(", ") || "nothing"}`);
  if (option.resourceRecordType !== "CNAME") throw new Error(`ACM asks for a ${option.resourceRecordType} record for \`${domain}\`; only CNAME validation is supported`);
  return { zone: zoneOf(domain, zones), name: option.resourceRecordName, type: "CNAME", value: option.resourceRecordValue, alias: false };
}

/**
 * The records that send `domain` to a CloudFront distribution: an IPv4 and an IPv6 alias.
 * Example: (`docs.mozilla-releng.net`, `d1.cloudfront.net`) → A and AAAA aliases of `d1.cloudfront.net`.
 */
export function aliasRecords(domain: string, distributionDomain: string, zones: readonly string[]): DnsRecord[] {
  const zone = zoneOf(domain, zones);
  return (["A", "AAAA"] as const).map((type) => ({ zone, name: domain, type, value: distributionDomain, alias: true }));
}

