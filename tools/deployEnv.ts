/*
 * Which keys of the branch secret a deploy job exports, and how: the Pulumi state backend and the
 * AWS credentials the program needs (`PULUMI_*`, `AWS_*` of the `common` section). Heroku and Docker
 * credentials are not exported: the program's providers read them from the branch secret themselves.
 */

const EXPORTED = /^(PULUMI|AWS)_[A-Z0-9_]+$/;

/**
 * `export K='v'` lines for the exported keys of a branch secret's value, sorted by key. E.g.
 * `{common: {AWS_REGION: "us-east-1", HEROKU_PASSWORD: "x"}}` gives `export AWS_REGION='us-east-1'`.
 */
export function deployExports(secret: unknown): string {
  const common = (secret as { common?: Record<string, unknown> } | null)?.common ?? {};
  return Object.keys(common)
    .filter((k) => EXPORTED.test(k) && typeof common[k] === "string")
    .sort()
    .map((k) => `export ${k}=${shellQuote(common[k] as string)}\n`)
    .join("");
}

/** A POSIX shell word that reads back as `value`, whatever it holds. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
