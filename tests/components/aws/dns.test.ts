import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { aliasRecords, validationRecord, zoneOf, type ValidationOption } from "../../../components/aws/dns";

const ZONES = ["mozilla-releng.net", "staging.mozilla-releng.net", "moz.tools"];

describe("zone of a domain", () => {
  it("is the most specific zone holding it", () => {
    const cases: [string, string][] = [
      // The zone apex itself (production releng-frontend).
      ["mozilla-releng.net", "mozilla-releng.net"],
      ["www.mozilla-releng.net", "mozilla-releng.net"],
      // A zone inside another zone wins.
      ["staging.mozilla-releng.net", "staging.mozilla-releng.net"],
      ["docs.staging.mozilla-releng.net", "staging.mozilla-releng.net"],
      ["static-analysis.moz.tools", "moz.tools"],
    ];
    for (const [domain, zone] of cases) assert.equal(zoneOf(domain, ZONES), zone, domain);
  });

  it("refuses a domain outside every zone, including one that only ends with a zone's text", () => {
    assert.throws(() => zoneOf("evilmozilla-releng.net", ZONES), { message: "`evilmozilla-releng.net` is outside the zones `mozilla-releng.net`, `staging.mozilla-releng.net`, `moz.tools`" });
    assert.throws(() => zoneOf("a.example.com", []), { message: "`a.example.com` is outside the zones (none)" });
  });
});

const OPTIONS: ValidationOption[] = [
  { domainName: "mozilla-releng.net", resourceRecordName: "_a1.mozilla-releng.net.", resourceRecordType: "CNAME", resourceRecordValue: "_b1.acm-validations.aws." },
  { domainName: "www.mozilla-releng.net", resourceRecordName: "_a2.www.mozilla-releng.net.", resourceRecordType: "CNAME", resourceRecordValue: "_b2.acm-validations.aws." },
];

describe("certificate validation record of a domain", () => {
  it("is ACM's CNAME for that domain, in the domain's zone", () => {
    assert.deepStrictEqual(validationRecord("www.mozilla-releng.net", OPTIONS, ZONES), {
      zone: "mozilla-releng.net",
      name: "_a2.www.mozilla-releng.net.",
      type: "CNAME",
      value: "_b2.acm-validations.aws.",
      alias: false,
    });
  });

  it("fails when the certificate does not cover the domain, listing what it covers", () => {
    assert.throws(() => validationRecord("docs.mozilla-releng.net", OPTIONS, ZONES), {
      message: "the certificate has no validation record for `docs.mozilla-releng.net`; it covers `mozilla-releng.net`, `www.mozilla-releng.net`",
    });
  });

  it("fails on a record type other than CNAME", () => {
    assert.throws(() => validationRecord("mozilla-releng.net", [{ ...OPTIONS[0]!, resourceRecordType: "TXT" }], ZONES), {
      message: "ACM asks for a TXT record for `mozilla-releng.net`; only CNAME validation is supported",
    });
  });
});

describe("records sending a domain to CloudFront", () => {
  it("are an IPv4 and an IPv6 alias of the distribution, which also works at a zone apex", () => {
    assert.deepStrictEqual(aliasRecords("mozilla-releng.net", "d1.cloudfront.net", ZONES), [
      { zone: "mozilla-releng.net", name: "mozilla-releng.net", type: "A", value: "d1.cloudfront.net", alias: true },
      { zone: "mozilla-releng.net", name: "mozilla-releng.net", type: "AAAA", value: "d1.cloudfront.net", alias: true },
    ]);
  });
});
