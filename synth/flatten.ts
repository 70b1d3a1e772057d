import { isSecretMarker, SECRET, UNKNOWN_VALUE } from "./present";

/*
 * Inputs as a list of (property path, value) leaves: what the synth table prints and what the diff
 * compares. A list of plain values (domains, a command) stays one leaf, so it reads as one value.
 */

/** One leaf of a resource's inputs. */
export interface Leaf {
  /** Display path: `vars.DATABASE_URL`, `hook.metadata["owner"]`, `origins[0].domainName`. */
  path: string;
  value: unknown;
}

/** The leaves of `inputs`, in key order. Secret markers are leaves: nothing below them is shown. */
export function flatten(inputs: Record<string, unknown>): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      if (value.length === 0 || value.every(isPlain)) leaves.push({ path, value });
      else value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (value !== null && typeof value === "object") {
      const entries = Object.entries(value);
      if (entries.length === 0) leaves.push({ path, value });
      else for (const [k, v] of entries) walk(v, `${path}${member(k)}`);
    } else {
      leaves.push({ path, value });
    }
  };
  for (const [k, v] of Object.entries(inputs)) walk(v, k);
  return leaves;
}

/** The top-level input a display path starts with: `bucket` for `bucket`, `hook` for `hook.task`. */
export function topLevelKey(path: string): string {
  return /^[^.[]+/.exec(path)?.[0] ?? path;
}

function member(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function isPlain(v: unknown): boolean {
  return v === null || typeof v !== "object";
}

/** True when a leaf is, or (a list) holds, a secret marker. */
export function containsSecret(value: unknown): boolean {
  return Array.isArray(value) ? value.some(isSecretMarker) : isSecretMarker(value);
}

/** A value as one line of text: JSON, markers bare, secret fingerprints never shown. */
export function formatValue(value: unknown, max = Infinity): string {
  if (isSecretMarker(value)) return SECRET;
  if (value === UNKNOWN_VALUE) return UNKNOWN_VALUE;
  const text = JSON.stringify(value, (_k, v: unknown) => (isSecretMarker(v) ? SECRET : v)) ?? "undefined";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
