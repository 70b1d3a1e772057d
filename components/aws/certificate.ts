import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { aliasRecords, validationRecord, zoneOf, type DnsRecord } from "./dns";

/** The zones of a branch (`aws.zones`): a Route 53 zone id where records are created, none where a person creates them. */
export type Zones = Record<string, { zoneId?: string }>;

/** Where each kind of resource is made, and under which parent. */
export interface DnsOptions {
  parent: pulumi.Resource;
  /** Provider of ACM certificates: us-east-1, for CloudFront. */
  certificates: aws.Provider;
  /** Provider of Route 53 records. */
  records: aws.Provider;
}

/** The Route 53 zone id of the zone holding `domain`, or undefined when its records are made by hand. */
export function zoneIdOf(domain: string, zones: Zones): string | undefined {
  return zones[zoneOf(domain, Object.keys(zones))]?.zoneId;
}

/**
 * An ACM certificate for `domains` (the first is its subject), validated by DNS. Validation
 * records in zones with a zone id are created; the validation then waits for every record, so a
 * record made by hand holds it back and CloudFront never gets a certificate that is not issued.
 */
export function validatedCertificate(name: string, domains: string[], zones: Zones, tags: Record<string, string>, opts: DnsOptions): { certificate: aws.acm.Certificate; validatedArn: pulumi.Output<string> } {
  const certificate = new aws.acm.Certificate(`${name}-certificate`, {
    domainName: domains[0]!,
    subjectAlternativeNames: domains.slice(1),
    validationMethod: "DNS",
    tags,
  }, { parent: opts.parent, provider: opts.certificates });
  const fqdns: pulumi.Output<string>[] = [];
  for (const domain of domains) {
    const zoneId = zoneIdOf(domain, zones);
    if (zoneId === undefined) continue;
    const record = certificate.domainValidationOptions.apply((o) => validationRecord(domain, o, Object.keys(zones)));
    fqdns.push(new aws.route53.Record(`${name}-validation-${domain}`, {
      zoneId, name: record.name, type: record.type, records: [record.value], ttl: 300, allowOverwrite: true,
    }, { parent: opts.parent, provider: opts.records }).fqdn);
  }
  const validation = new aws.acm.CertificateValidation(`${name}-certificate`, {
    certificateArn: certificate.arn,
    validationRecordFqdns: fqdns.length === domains.length ? fqdns : undefined,
  }, { parent: opts.parent, provider: opts.certificates });
  return { certificate, validatedArn: validation.certificateArn };
}

/** IPv4 and IPv6 aliases to the distribution for each domain whose zone has a zone id. */
export function createAliasRecords(name: string, domains: string[], zones: Zones, distribution: aws.cloudfront.Distribution, opts: DnsOptions): void {
  for (const domain of domains) {
    const zoneId = zoneIdOf(domain, zones);
    if (zoneId === undefined) continue;
    for (const type of ["A", "AAAA"] as const) {
      new aws.route53.Record(`${name}-${type.toLowerCase()}-${domain}`, {
        zoneId, name: domain, type,
        aliases: [{ name: distribution.domainName, zoneId: distribution.hostedZoneId, evaluateTargetHealth: false }],
      }, { parent: opts.parent, provider: opts.records });
    }
  }
}

/** The validation and alias records of the domains in zones without a zone id, for a person to create. */
export function recordsByHand(domains: string[], zones: Zones, certificate: aws.acm.Certificate, distribution: aws.cloudfront.Distribution): pulumi.Output<DnsRecord[]> {
  const byHand = domains.filter((d) => zoneIdOf(d, zones) === undefined);
  const names = Object.keys(zones);
  return pulumi.all([certificate.domainValidationOptions, distribution.domainName]).apply(([options, target]) => [
    ...byHand.map((domain) => validationRecord(domain, options, names)),
    ...byHand.flatMap((domain) => aliasRecords(domain, target, names)),
  ]);
}
