import type { HerokuConfig } from "../../config/schema";

/**
 * The plain (non-secret) config vars of an app: `heroku.config`, with `APP_CHANNEL` set to the
 * branch unless the stack file sets it. E.g. `({config: {A: "1"}}, "staging")` gives
 * `{APP_CHANNEL: "staging", A: "1"}`.
 */
export function plainConfigVars(heroku: Pick<HerokuConfig, "config">, branch: string): Record<string, string> {
  return { APP_CHANNEL: branch, ...heroku.config };
}

/** Keys of `heroku.secrets` that `values` lacks, so the component can refuse before creating anything. */
export function missingSecretVars(heroku: Pick<HerokuConfig, "secrets">, values: Record<string, unknown>): string[] {
  return heroku.secrets.filter((key) => !(key in values));
}
