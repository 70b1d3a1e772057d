import type { FrontendConfig } from "../../config";

/**
 * What every front end may load, from the catalogue: only its own scripts, styles, fonts and images.
 * `connect-src` is added per front end by `contentSecurityPolicy`.
 */
export const BASE_CSP = "default-src 'none'; img-src 'self' data:; script-src 'self'; style-src 'self'; font-src 'self';";

/** CloudFront's limit on a response headers policy's CSP value (AWS CloudFront quotas, "Response headers policies"). */
export const MAX_CSP_LENGTH = 1783;

/**
 * The `connect-src` sources of a front end: `'self'`, then its extra origins, then the URLs of the
 * projects it requires, in that order and without repeats.
 * Example: (`['a.example']`, `['https://tokens.staging.mozilla-releng.net']`) →
 * `["'self'", "a.example", "https://tokens.staging.mozilla-releng.net"]`.
 */
export function connectSources(extraOrigins: readonly string[], requiredUrls: readonly string[]): string[] {
  return [...new Set(["'self'", ...extraOrigins, ...requiredUrls])];
}

/**
 * The Content-Security-Policy of a front end: the base CSP plus its `connect-src`.
 * Throws when the result is longer than CloudFront accepts, naming the project.
 */
export function contentSecurityPolicy(project: string, frontend: Pick<FrontendConfig, "connectSrc">, requiredUrls: readonly string[]): string {
  const csp = `${BASE_CSP} connect-src ${connectSources(frontend.connectSrc, requiredUrls).join(" ")};`;
  if (csp.length > MAX_CSP_LENGTH) {
    throw new Error(`project \`${project}\`: its Content-Security-Policy is ${csp.length} characters, more than CloudFront's ${MAX_CSP_LENGTH}; shorten \`frontend.connectSrc\` or \`frontend.requires\``);
  }
  return csp;
}
