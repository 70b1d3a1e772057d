import type { Project, StackConfig } from "../../config";

/*
 * The branch secret's value, as plain data: `common` (keys every project may use, deploy credentials
 * included) plus one section per project id. Pure functions only; nothing here ever puts a value into
 * a message, only section names, keys and JSON types.
 */

/** The secret's value after `checkShape`: sections by name, each a map of keys to JSON values. */
export type SecretSections = Record<string, Record<string, unknown>>;

/** The section every project reads first. */
export const COMMON = "common";

/**
 * What is wrong with the shape of the secret's value, as sentences naming sections and JSON types;
 * empty when it is an object whose `common` and project sections (when present) are objects.
 * e.g. `{common: "x"}` → ["section `common` is a string, not an object of keys"].
 */
export function shapeProblems(value: unknown, projectIds: readonly string[]): string[] {
  if (!isObject(value)) return [`its value is ${jsonType(value)}, not an object with a \`${COMMON}\` section and one section per project`];
  return [COMMON, ...projectIds]
    .filter((section) => section in value && !isObject(value[section]))
    .map((section) => `section \`${section}\` is ${jsonType(value[section])}, not an object of keys`);
}

/** A project's view of the secret: `common` overlaid by the project's own section. */
export function projectValues(secret: SecretSections, projectId: string): Record<string, unknown> {
  return { ...(secret[COMMON] ?? {}), ...(secret[projectId] ?? {}) };
}

/** A key a project reads from the secret, and the stack-file field that declares it. */
export interface DeclaredKey {
  key: string;
  /** e.g. `heroku.secrets`. */
  field: string;
}

/**
 * The keys a project reads from the secret; one place, so every consumer is validated up front.
 * `heroku.secrets` already includes the branch-wide `herokuDefaults.secrets`, named as the source.
 */
export function declaredKeys(project: Project, defaults: StackConfig["herokuDefaults"]): DeclaredKey[] {
  return (project.heroku?.secrets ?? []).map((key) => ({ key, field: defaults.secrets.includes(key) ? "herokuDefaults.secrets" : "heroku.secrets" }));
}

/** A declared key that neither `common` nor the project's section holds. */
export interface MissingKey extends DeclaredKey {
  project: string;
}

/** Every declared key missing from the secret, in project then declaration order. */
export function missingKeys(secret: SecretSections, config: Pick<StackConfig, "projects" | "herokuDefaults">): MissingKey[] {
  return config.projects.flatMap((p) => {
    const values = projectValues(secret, p.id);
    return declaredKeys(p, config.herokuDefaults)
      .filter((d) => !Object.hasOwn(values, d.key))
      .map((d) => ({ project: p.id, ...d }));
  });
}

/** Config vars and registry logins take strings: other JSON values are passed as their JSON text. */
export function asString(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** What offline synth hands out instead of a value. */
export function placeholder(key: string): string {
  return `[placeholder:${key}]`;
}

const PLACEHOLDER = /\[placeholder:[A-Za-z0-9_]+\]/;

/**
 * True when `value` is, contains, or (in an array or object, at any depth) holds a placeholder, so a
 * dynamic provider can refuse inputs that came from offline synth instead of deploying them.
 * e.g. `"postgres://[placeholder:DB_PASSWORD]@db"` → true.
 */
export function isPlaceholder(value: unknown): boolean {
  if (typeof value === "string") return PLACEHOLDER.test(value);
  if (Array.isArray(value)) return value.some(isPlaceholder);
  if (isObject(value)) return Object.values(value).some(isPlaceholder);
  return false;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `a string`, `an array`, `null`...: the type of a value, never the value. */
function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  const t = typeof value;
  return t === "object" ? "an object" : `a ${t}`;
}
