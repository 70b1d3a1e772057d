/*
 * Values that stand in for branch-secret values when the program is evaluated without the secret
 * (offline synth, and index.ts's stand-in until components/taskcluster/secrets lands). They must
 * never reach Heroku: ConfigVars refuses them in `check`, before any request.
 * TODO(lead): replace with `isPlaceholder` from components/taskcluster/secrets when merged.
 */

export const PLACEHOLDER_PREFIX = "releng-infra-placeholder:";

/** True when `value` is a stand-in, not a real secret value. */
export function isPlaceholderValue(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(PLACEHOLDER_PREFIX);
}
