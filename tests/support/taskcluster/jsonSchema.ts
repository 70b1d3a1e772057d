/**
 * A small interpreter for the JSON Schema keywords the copied Taskcluster schemas use (type,
 * required, properties, additionalProperties, pattern, minLength, maxLength, items, uniqueItems,
 * format email, relative $ref, default). It validates like Taskcluster's ajv setup (allErrors,
 * useDefaults): it returns every error and fills in defaults. Any other keyword throws, so a schema
 * update cannot make it silently accept what the real service would reject.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { isDeepStrictEqual } from "node:util";

export type Schema = Record<string, unknown>;

const SCHEMA_DIR = path.join(__dirname, "schemas");
const IGNORED = new Set(["$id", "$schema", "title", "description"]);
const HANDLED = new Set([
  "type", "required", "properties", "additionalProperties", "pattern", "minLength", "maxLength",
  "items", "uniqueItems", "format", "$ref", "default",
]);
// ajv-formats' "full" email format, which Taskcluster's validator uses.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** Loads a copied schema by file name (e.g. `create-hook-request.json`). */
export function loadSchema(file: string): Schema {
  return JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8")) as Schema;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/**
 * Validates `value` against `schema` in place: fills defaults into objects and returns the errors as
 * `<path> <message>` lines, e.g. `/metadata must have required property 'owner'`.
 */
export function validate(schema: Schema, value: unknown, at = ""): string[] {
  for (const key of Object.keys(schema)) {
    if (!IGNORED.has(key) && !HANDLED.has(key)) throw new Error(`jsonSchema: unsupported keyword ${key} at ${at || "/"}`);
  }
  if (typeof schema.$ref === "string") return validate(loadSchema(schema.$ref.replace(/#$/, "")), value, at);
  const where = at || "/";
  if (typeof schema.type === "string") {
    const actual = typeOf(value);
    if (actual !== schema.type && !(schema.type === "number" && actual === "integer")) {
      return [`${where} must be ${schema.type}`];
    }
  }
  const errors: string[] = [];
  if (typeof value === "string") {
    if (typeof schema.minLength === "number" && value.length < schema.minLength) errors.push(`${where} must NOT have fewer than ${schema.minLength} characters`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength) errors.push(`${where} must NOT have more than ${schema.maxLength} characters`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) errors.push(`${where} must match pattern "${schema.pattern}"`);
    if (schema.format === "email" && !EMAIL.test(value)) errors.push(`${where} must match format "email"`);
  }
  if (Array.isArray(value)) {
    if (schema.uniqueItems === true) {
      value.forEach((item, i) => {
        const j = value.findIndex((other) => isDeepStrictEqual(other, item));
        if (j < i) errors.push(`${where} must NOT have duplicate items (items ## ${j} and ${i} are identical)`);
      });
    }
    if (schema.items) value.forEach((item, i) => errors.push(...validate(schema.items as Schema, item, `${at}/${i}`)));
  }
  if (typeOf(value) === "object") errors.push(...validateObject(schema, value as Record<string, unknown>, at));
  return errors;
}

function validateObject(schema: Schema, value: Record<string, unknown>, at: string): string[] {
  const errors: string[] = [];
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [key, sub] of Object.entries(properties)) {
    if (value[key] === undefined && sub.default !== undefined) value[key] = structuredClone(sub.default);
  }
  for (const key of (schema.required ?? []) as string[]) {
    if (value[key] === undefined) errors.push(`${at || "/"} must have required property '${key}'`);
  }
  for (const [key, item] of Object.entries(value)) {
    if (properties[key]) errors.push(...validate(properties[key], item, `${at}/${key}`));
    else if (schema.additionalProperties === false) errors.push(`${at || "/"} must NOT have additional properties (${key})`);
  }
  return errors;
}
