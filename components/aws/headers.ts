/** The security headers CloudFront adds to every response of a front end (a response headers policy's `securityHeadersConfig`). */
export interface SecurityHeaders {
  contentSecurityPolicy: { contentSecurityPolicy: string; override: boolean };
  contentTypeOptions: { override: boolean };
  frameOptions: { frameOption: "DENY" | "SAMEORIGIN"; override: boolean };
  referrerPolicy: { referrerPolicy: string; override: boolean };
  strictTransportSecurity: { accessControlMaxAgeSec: number; includeSubdomains: boolean; preload: boolean; override: boolean };
}

/** Two years, the HSTS max-age that hstspreload.org asks for. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/**
 * Security headers for a front end serving `csp`. Every header overrides what the origin sends, so
 * an uploaded file cannot weaken them.
 * Example: `securityHeaders("default-src 'none'; …")` → HSTS for two years, `nosniff`, `DENY`,
 * `strict-origin-when-cross-origin` and that CSP.
 */
export function securityHeaders(csp: string): SecurityHeaders {
  return {
    contentSecurityPolicy: { contentSecurityPolicy: csp, override: true },
    contentTypeOptions: { override: true },
    frameOptions: { frameOption: "DENY", override: true },
    referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
    // Not includeSubdomains: releng-frontend serves the zone apex (mozilla-releng.net), and HSTS there
    // would bind every name of the zone, including ones this stack does not own.
    strictTransportSecurity: { accessControlMaxAgeSec: HSTS_MAX_AGE_SECONDS, includeSubdomains: false, preload: false, override: true },
  };
}
