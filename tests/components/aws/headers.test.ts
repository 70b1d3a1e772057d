import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { securityHeaders } from "../../../components/aws/headers";

describe("security headers of a front end", () => {
  it("send HSTS for two years, nosniff, DENY framing, a referrer policy and the CSP, overriding the origin", () => {
    assert.deepStrictEqual(securityHeaders("default-src 'none';"), {
      contentSecurityPolicy: { contentSecurityPolicy: "default-src 'none';", override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: "DENY", override: true },
      referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
      strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: false, preload: false, override: true },
    });
  });
});
