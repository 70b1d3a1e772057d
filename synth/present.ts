import { createHmac } from "node:crypto";
import type { Evaluation, RecordedResource } from "./evaluate";

/*
 * Turns what the mock runtime recorded into the desired state a reviewer may read: secret values
 * replaced by a marker, values known only after deploy marked as such, and the serialized code of
 * dynamic providers left out (it is code, not configuration, and can be large).
 */

/** Shown in place of a secret value. */
export const SECRET = "[secret]";
/** Shown in place of a value known only after deploy. */
export const UNKNOWN_VALUE = "[unknown]";
/** The input of a dynamic resource that holds its provider's serialized code. */
export const PROVIDER_CODE = "__provider";

/** One resource of the desired state, as `npm run synth -- --json` prints it. */
export interface SynthResource {
  type: string;
  name: string;
  /** `type::name` of the parent; null for children of the stack. */
  parent: string | null;
  inputs: Record<string, unknown>;
  protect: boolean;
}

/** The desired state of one stack. */
export interface SynthDocument {
  stack: string;
  resources: SynthResource[];
}

export interface PresentOptions {
  /** The mock runtime's marker for unknown values (`UNKNOWN` of the evaluate module used). */
  unknown: string;
  /**
   * Key of a per-run fingerprint: when given, a secret shows as `[secret:<hmac>]`, so two synths
   * of one diff run can tell a changed secret from an unchanged one without either value being
   * printed. The key never leaves the process that made it and its children.
   */
  fingerprintKey?: string;
  /** Keep `__provider` (tests check that no secret was captured into it). Default: false. */
  keepProviderCode?: boolean;
}

/** The desired state of an evaluated stack, safe to print. */
export function present(evaluation: Evaluation, options: PresentOptions): SynthDocument {
  return {
    stack: evaluation.stack,
    resources: evaluation.resources.map((r) => presentResource(r, options)),
  };
}

function presentResource(r: RecordedResource, options: PresentOptions): SynthResource {
  const inputs: Record<string, unknown> = {};
  const secret = new Set(r.secretPaths);
  for (const [key, value] of Object.entries(r.inputs)) {
    if (key === PROVIDER_CODE && !options.keepProviderCode) continue;
    inputs[key] = mask(value, key, secret, options);
  }
  return { type: r.type, name: r.name, parent: r.parent ?? null, inputs, protect: r.protect };
}

/**
 * Replaces every secret subtree by the secret marker and every unknown by `[unknown]`. Paths are
 * built as `unwrap` in evaluate.ts builds `secretPaths` (keys joined by dots), so they match.
 */
function mask(value: unknown, at: string, secret: ReadonlySet<string>, options: PresentOptions): unknown {
  if (secret.has(at)) return secretMarker(value, options.fingerprintKey);
  if (Array.isArray(value)) return value.map((v, i) => mask(v, `${at}.${i}`, secret, options));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mask(v, `${at}.${k}`, secret, options)]));
  }
  if (typeof value === "string" && value.includes(options.unknown)) {
    return value === options.unknown ? UNKNOWN_VALUE : value.split(options.unknown).join(UNKNOWN_VALUE);
  }
  return value;
}

function secretMarker(value: unknown, key: string | undefined): string {
  if (key === undefined) return SECRET;
  const digest = createHmac("sha256", key).update(JSON.stringify(value) ?? "undefined").digest("hex").slice(0, 16);
  return `[secret:${digest}]`;
}

/** True for a value the presenter replaced because it was secret (with or without fingerprint). */
export function isSecretMarker(value: unknown): boolean {
  return typeof value === "string" && (value === SECRET || /^\[secret:[0-9a-f]{16}\]$/.test(value));
}
