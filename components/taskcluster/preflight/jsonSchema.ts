import { child } from "./paths";
import type { Finding } from "./types";

/*
 * A small JSON-schema (draft-06) checker: enough for hook trigger schemas and for the parts of the
 * Queue and docker-worker schemas preflight checks. ajv is not a dependency; a keyword this subset
 * does not implement is reported as such instead of being silently ignored.
 */

export type Schema = boolean | { [keyword: string]: unknown };

/*
 * Plain arrays rather than Sets: the hook provider calls preflight from `check`, and Pulumi's
 * closure serialization turns a captured Set into a plain object.
 */
/** Keywords that only annotate, never constrain. */
const ANNOTATIONS = ["$schema", "$id", "id", "title", "description", "examples", "$comment", "default", "definitions"];
const CHECKED = [
  "type", "enum", "const", "properties", "required", "additionalProperties", "minProperties", "maxProperties",
  "items", "minItems", "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "format",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "anyOf", "oneOf", "allOf", "not",
];

const FORMATS: Record<string, (s: string) => boolean> = {
  "date-time": (s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s) && !Number.isNaN(Date.parse(s)),
  email: (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
  uri: (s) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s),
};

export interface ValidateOptions {
  /** Fill missing properties from `default`, as the hooks service does for triggerHook payloads. */
  useDefaults?: boolean;
}

/** Problems of `value` under `schema`; `at` is the path of `value`. With useDefaults, `value` is completed in place. */
export function validate(schema: Schema, value: unknown, at: string, options: ValidateOptions = {}): Finding[] {
  if (schema === true) return [];
  if (schema === false) return [{ path: at, message: "is not allowed here" }];
  const unsupported = Object.keys(schema).filter((k) => !CHECKED.includes(k) && !ANNOTATIONS.includes(k));
  if (unsupported.length > 0) {
    return [{ path: at, message: `the schema here uses ${unsupported.map((k) => `\`${k}\``).join(", ")}, which preflight's JSON-schema subset does not check; inline it with the supported keywords` }];
  }
  const s = schema as Record<string, unknown>;
  if (s.type !== undefined && !hasType(value, s.type as string | string[])) {
    return [{ path: at, message: `must be ${article(s.type as string | string[])}, not ${typeName(value)}` }];
  }
  const out: Finding[] = [];
  if (Array.isArray(s.enum) && !s.enum.some((e) => equal(e, value))) {
    out.push({ path: at, message: `must be one of ${s.enum.map((e) => JSON.stringify(e)).join(", ")}` });
  }
  if ("const" in s && !equal(s.const, value)) out.push({ path: at, message: `must be ${JSON.stringify(s.const)}` });
  if (typeof value === "string") out.push(...checkString(s, value, at));
  if (typeof value === "number") out.push(...checkNumber(s, value, at));
  if (Array.isArray(value)) out.push(...checkArray(s, value, at, options));
  if (isObject(value)) out.push(...checkObject(s, value, at, options));
  for (const sub of (s.allOf as Schema[] | undefined) ?? []) out.push(...validate(sub, value, at, options));
  const matching = (list: Schema[]) => list.filter((sub) => validate(sub, value, at).length === 0).length;
  if (Array.isArray(s.anyOf) && matching(s.anyOf) === 0) out.push({ path: at, message: "matches none of the `anyOf` schemas" });
  if (Array.isArray(s.oneOf) && matching(s.oneOf) !== 1) out.push({ path: at, message: `must match exactly one of the \`oneOf\` schemas, matches ${matching(s.oneOf)}` });
  if (s.not !== undefined && validate(s.not as Schema, value, at).length === 0) out.push({ path: at, message: "matches the `not` schema" });
  return out;
}

function checkString(s: Record<string, unknown>, value: string, at: string): Finding[] {
  const out: Finding[] = [];
  const length = [...value].length;
  if (typeof s.minLength === "number" && length < s.minLength) out.push({ path: at, message: `must be at least ${s.minLength} characters long` });
  if (typeof s.maxLength === "number" && length > s.maxLength) out.push({ path: at, message: `must be at most ${s.maxLength} characters long` });
  if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(value)) out.push({ path: at, message: `must match \`${s.pattern}\`` });
  if (typeof s.format === "string") {
    const check = FORMATS[s.format];
    if (check === undefined) out.push({ path: at, message: `format \`${s.format}\` is not one preflight checks (${Object.keys(FORMATS).join(", ")})` });
    else if (!check(value)) out.push({ path: at, message: `must be a valid ${s.format}` });
  }
  return out;
}

function checkNumber(s: Record<string, unknown>, value: number, at: string): Finding[] {
  const bound = (k: string, fails: (b: number) => boolean, text: string): Finding[] =>
    typeof s[k] === "number" && fails(s[k] as number) ? [{ path: at, message: `must be ${text} ${s[k]}` }] : [];
  return [
    ...bound("minimum", (b) => value < b, "at least"),
    ...bound("maximum", (b) => value > b, "at most"),
    ...bound("exclusiveMinimum", (b) => value <= b, "greater than"),
    ...bound("exclusiveMaximum", (b) => value >= b, "less than"),
    ...bound("multipleOf", (b) => !Number.isInteger(value / b), "a multiple of"),
  ];
}

function checkArray(s: Record<string, unknown>, value: unknown[], at: string, options: ValidateOptions): Finding[] {
  const out: Finding[] = [];
  if (typeof s.minItems === "number" && value.length < s.minItems) out.push({ path: at, message: `must have at least ${s.minItems} items` });
  if (typeof s.maxItems === "number" && value.length > s.maxItems) out.push({ path: at, message: `must have at most ${s.maxItems} items` });
  if (s.uniqueItems === true) {
    value.forEach((v, i) => {
      if (value.findIndex((w) => equal(v, w)) < i) out.push({ path: child(at, i), message: "repeats an earlier item; items must be unique" });
    });
  }
  if (s.items !== undefined && !Array.isArray(s.items)) value.forEach((v, i) => out.push(...validate(s.items as Schema, v, child(at, i), options)));
  return out;
}

function checkObject(s: Record<string, unknown>, value: Record<string, unknown>, at: string, options: ValidateOptions): Finding[] {
  const out: Finding[] = [];
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  if (options.useDefaults) {
    for (const [key, sub] of Object.entries(properties)) {
      if (!(key in value) && typeof sub === "object" && "default" in sub) value[key] = structuredClone(sub.default);
    }
  }
  for (const key of (s.required as string[] | undefined) ?? []) {
    if (!(key in value)) out.push({ path: child(at, key), message: "is required" });
  }
  const count = Object.keys(value).length;
  if (typeof s.minProperties === "number" && count < s.minProperties) out.push({ path: at, message: `must have at least ${s.minProperties} properties` });
  if (typeof s.maxProperties === "number" && count > s.maxProperties) out.push({ path: at, message: `must have at most ${s.maxProperties} properties` });
  for (const [key, v] of Object.entries(value)) {
    const sub = properties[key] ?? (s.additionalProperties as Schema | undefined) ?? true;
    if (sub === false) {
      const known = Object.keys(properties);
      out.push({ path: child(at, key), message: known.length > 0 ? `is not a known property (known: ${known.join(", ")})` : "is not allowed: the schema allows no properties" });
    }
    else out.push(...validate(sub, v, child(at, key), options));
  }
  return out;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function hasType(v: unknown, type: string | string[]): boolean {
  return (Array.isArray(type) ? type : [type]).some((t) => (t === "integer" ? Number.isInteger(v) : typeName(v) === t || (t === "number" && typeof v === "number")));
}

/** JSON type name of a value: `object`, `array`, `string`, `number`, `boolean`, `null`. */
export function typeName(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? "number" : typeof v;
}

function article(type: string | string[]): string {
  const one = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);
  return Array.isArray(type) ? type.map(one).join(" or ") : one(type);
}

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isObject(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}
