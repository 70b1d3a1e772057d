import type * as pulumi from "@pulumi/pulumi";

/*
 * Pure helpers shared by the Heroku providers: diffs as plain data comparison, and `check`
 * failures that tolerate values not known until deploy.
 */

/** The value Pulumi passes for an input that is not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when `value` is, or contains, a value not known until deploy. */
export function isUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(isUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(isUnknown);
  return false;
}

/** Deep equality of JSON-like values, ignoring key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  }
  return v;
}

/**
 * Compares `olds` and `news` over `fields`; a change to one of `replaceFields` replaces the
 * resource. E.g. a changed `name` of an App gives `{changes: true, replaces: ["name"]}`.
 */
export function diffFields<T extends object>(olds: T, news: T, fields: ReadonlyArray<keyof T & string>, replaceFields: ReadonlyArray<keyof T & string>): pulumi.dynamic.DiffResult {
  const changed = fields.filter((f) => !sameValue(olds[f], news[f]));
  const replaces = changed.filter((f) => replaceFields.includes(f));
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
}

/** One `check` failure per problem, as Pulumi reports them: property and reason. */
export function failure(property: string, reason: string): pulumi.dynamic.CheckFailure {
  return { property, reason };
}

/**
 * A `read` answer: current outputs, and the inputs that would produce them so a diff after refresh
 * compares like with like. The SDK types `inputs` as the outputs type; they are a subset of it.
 */
export function readResult<I extends object, O extends I>(id: string, props: O, inputs: I): pulumi.dynamic.ReadResult<O> {
  return { id, props, inputs: inputs as O };
}
