/**
 * Naming rules shared by config validation and the components, so a name is checked by the same
 * rule that builds it.
 */

/** The Taskcluster secret of a branch: `repo:github.com/mozilla-releng/services:branch:staging`. */
export function branchSecretName(branch: string): string {
  return `repo:github.com/mozilla-releng/services:branch:${branch}`;
}

/** The hook-id prefix a stack owns in its hook group: `services-staging-`. */
export function hookPrefix(branch: string): string {
  return `services-${branch}-`;
}

/**
 * A hook's id: the branch prefix, the project id (which may contain `/`) and an optional suffix,
 * e.g. `services-staging-tooltool/api-replicate`.
 */
export function hookId(prefix: string, project: string, suffix = ""): string {
  return `${prefix}${project}${suffix}`;
}

/** A project id as a Pulumi resource-name fragment: `tooltool/api` → `tooltool-api`. */
export function slug(project: string): string {
  return project.replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Heroku app names: lowercase letters, digits and dashes, starting with a letter, 3 to 30 long. */
export const HEROKU_APP_NAME = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;

/** A DNS host name, lowercase, at least two labels. */
export const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** True when `domain` is `zone` itself or a name below it. */
export function isInZone(domain: string, zone: string): boolean {
  return domain === zone || domain.endsWith(`.${zone}`);
}

/**
 * S3 bucket naming rules (docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html):
 * returns what is wrong with `name`, or undefined when it is a valid bucket name.
 */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return "must be 3 to 63 characters long";
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) return "must be lowercase letters, digits, dots and dashes, starting and ending with a letter or digit";
  if (name.includes("..")) return "must not contain two adjacent dots";
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return "must not look like an IP address";
  if (/^(xn--|sthree-|amzn-s3-demo-)/.test(name) || /(-s3alias|--ol-s3|\.mrap|--x-s3)$/.test(name)) return "uses a prefix or suffix that S3 reserves";
  return undefined;
}

/**
 * Keys of the branch secret that deploy tooling uses and that must never reach an app or a task:
 * these, and every `PULUMI_*` and `AWS_*` key (.ci/deploy exports those as the deploy's state
 * backend and cloud credentials).
 */
export const DEPLOY_CREDENTIAL_KEYS: readonly string[] = [
  "HEROKU_USERNAME",
  "HEROKU_PASSWORD",
  "DOCKER_USERNAME",
  "DOCKER_PASSWORD",
  "DEPLOY_S3_ACCESS_KEY_ID",
  "DEPLOY_S3_SECRET_ACCESS_KEY",
];

/** True for a deploy credential: `isDeployCredential("AWS_SECRET_ACCESS_KEY")` is true, `"SENTRY_DSN"` false. */
export function isDeployCredential(key: string): boolean {
  return DEPLOY_CREDENTIAL_KEYS.includes(key) || /^(PULUMI|AWS)_/.test(key);
}

/**
 * Set to `1` by `npm run synth` (and the program tests): under Pulumi's mock runtime the program
 * then reads nothing from Taskcluster and hands out secret placeholders. Here, with no imports, so
 * the synth CLI can name it without loading the SDK or the program.
 */
export const SYNTH_ENV = "RELENG_INFRA_SYNTH";
