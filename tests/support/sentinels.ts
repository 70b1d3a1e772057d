import * as assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import type { StackUnderTest } from "./stack";

/*
 * Sentinels: unique, greppable stand-ins for the values of the branch secret. A test serves them
 * from the local Taskcluster, runs the program, then checks where each one landed.
 */

/** Sentinel values by `<section>:<KEY>`, e.g. `common:DATABASE_URL`, `tokens/api:DATABASE_URL`. */
export type Sentinels = Record<string, string>;

/**
 * A branch secret whose every value is a sentinel, from its keys per section:
 * `{common: ["A"]}` → `{secret: {common: {A: "SENTINEL-common-A-<hex>"}}, sentinels: {"common:A": ...}}`.
 */
export function sentinelSecret(sections: Record<string, readonly string[]>): { secret: Record<string, Record<string, string>>; sentinels: Sentinels } {
  const nonce = randomBytes(6).toString("hex");
  const secret: Record<string, Record<string, string>> = {};
  const sentinels: Sentinels = {};
  for (const [section, keys] of Object.entries(sections)) {
    secret[section] = {};
    for (const key of keys) {
      const value = `SENTINEL-${section.replace(/\W/g, "_")}-${key}-${nonce}`;
      secret[section][key] = value;
      sentinels[`${section}:${key}`] = value;
    }
  }
  return { secret, sentinels };
}

/** A place a sentinel must reach: the input at `path` (dotted, as `secretPaths`) of resource `type::name`. */
export interface SentinelPlace {
  resource: string;
  path: string;
  /** Which sentinel, by `<section>:<KEY>`. */
  sentinel: string;
}

/**
 * The sentinels a text contains, by name: as they are, or base64-encoded (standard or URL-safe) at
 * any offset of a longer encoded string, as in a Basic Authorization header or a Docker auth config.
 */
export function sentinelsIn(text: string, sentinels: Sentinels): string[] {
  return Object.entries(sentinels)
    .filter(([, value]) => [value, ...base64Forms(value)].some((form) => text.includes(form)))
    .map(([name]) => name);
}

/** Shorter encoded forms (of a value such as `1` or `true`) match ordinary text, or everything when empty. */
const MIN_FORM_LENGTH = 8;

/**
 * The base64 characters that encode `value` whatever precedes and follows it: for each of the three
 * byte offsets modulo 3, the characters whose six bits all come from `value`, standard and URL-safe.
 */
export function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  return [0, 1, 2].flatMap((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const core = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
    return [core, core.replace(/\+/g, "-").replace(/\//g, "_")];
  }).filter((form) => form.length >= MIN_FORM_LENGTH);
}

/**
 * Every sentinel occurrence in the recorded inputs of every resource (object keys and values, at any
 * depth, the serialized `__provider` of dynamic providers included) and in the stack outputs is one
 * of `allowed`, at an input that was a secret; and every allowed place got its sentinel. Fails with
 * the list of every stray or missing one.
 */
export function assertSentinelsOnlyIn(stack: StackUnderTest, sentinels: Sentinels, allowed: readonly SentinelPlace[]): void {
  const found: SentinelPlace[] = [];
  const problems: string[] = [];
  for (const r of stack.resources) {
    const isSecret = (path: string) => r.secretPaths.some((p) => path === p || path.startsWith(`${p}.`));
    walk(r.inputs, "", (path, text) => {
      for (const sentinel of sentinelsIn(text, sentinels)) {
        const place = { resource: r.key, path, sentinel };
        found.push(place);
        if (path === "__provider" || path.startsWith("__provider.")) problems.push(`${describe(place)}: in a dynamic provider's serialized code, which state keeps in clear`);
        else if (!allowed.some((a) => same(a, place))) problems.push(`${describe(place)}: not an allowed place`);
        else if (!isSecret(path)) problems.push(`${describe(place)}: allowed, but the input is not a secret`);
      }
    });
  }
  walk(stack.outputs, "", (path, text) => {
    for (const sentinel of sentinelsIn(text, sentinels)) problems.push(`${describe({ resource: "(stack outputs)", path, sentinel })}: stack outputs never carry secret values`);
  });
  for (const place of allowed) {
    if (!found.some((f) => same(f, place))) problems.push(`${describe(place)}: expected, but the sentinel is not there`);
  }
  assert.deepEqual(problems, [], `sentinels of stack ${stack.evaluation.stack} out of place:\n  ${problems.join("\n  ")}`);
}

function same(a: SentinelPlace, b: SentinelPlace): boolean {
  return a.resource === b.resource && a.path === b.path && a.sentinel === b.sentinel;
}

function describe(p: SentinelPlace): string {
  return `${p.sentinel} at ${p.resource} input \`${p.path}\``;
}

/** Calls `visit` for every string (values and object keys) of a recorded value, with its dotted path. */
function walk(value: unknown, path: string, visit: (path: string, text: string) => void): void {
  if (typeof value === "string") visit(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, join(path, String(i)), visit));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      // A key is never an allowed place: it shows in every diff.
      visit(`${join(path, k)} (the key)`, k);
      walk(v, join(path, k), visit);
    }
  }
}

function join(a: string, b: string): string {
  return a === "" ? b : `${a}.${b}`;
}
