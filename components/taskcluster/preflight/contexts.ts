import { isObject, validate, type Schema } from "./jsonSchema";
import { child } from "./paths";
import { defaultPulseMessage, messageMatchesBinding, type PulseMessage } from "./pulseMessages";
import type { Finding, PreflightInputs } from "./types";

/*
 * The JSON-e contexts a hook is rendered in, as the hooks service builds them (docs: "Firing Hooks";
 * services/hooks/src/taskcreator.js and listeners.js): `taskId` and `now` always, `firedBy`, and
 * per action `payload` (triggerHook: the API call's payload after triggerSchema validation with
 * defaults applied; pulseMessage: the message body, discarded when it fails triggerSchema) and
 * `clientId` (triggerHook). triggerHookWithToken renders like triggerHook without `clientId`.
 */

/** A valid slugid, standing in for the taskId the service generates per firing. */
export const PREFLIGHT_TASK_ID = "mx8-KnxETQ6KYV8sC51-Ew";
/** The triggerHook caller preflight pretends to be. */
export const PREFLIGHT_CLIENT_ID = "static/releng-infra/preflight";
/** The Hooks API's triggerSchema when a hook has none: only an empty payload is valid. */
export const DEFAULT_TRIGGER_SCHEMA = { type: "object", additionalProperties: false };

export interface FiringContext {
  /** `schedule`, `triggerHook` or `pulseMessage <exchange>`. */
  name: string;
  /** The JSON-e context; undefined when the service would not fire at all (findings say why). */
  context?: Record<string, unknown>;
  findings: Finding[];
}

interface Binding {
  exchange: string;
  routingKeyPattern: string;
}

/** Every context `hook` (a create-hook-request body) can fire in, in the order schedule, triggerHook, pulse. */
export function firingContexts(hook: Record<string, unknown>, inputs: PreflightInputs, now: Date): FiringContext[] {
  const base = { taskId: PREFLIGHT_TASK_ID, now };
  const schema = (isObject(hook.triggerSchema) ? hook.triggerSchema : DEFAULT_TRIGGER_SCHEMA) as Schema;
  const out: FiringContext[] = [];
  if (Array.isArray(hook.schedule) && hook.schedule.length > 0) {
    out.push({ name: "schedule", context: { ...base, firedBy: "schedule" }, findings: [] });
  }

  const payload = structuredClone(inputs.samplePayload ?? {});
  const rejected = validate(schema, payload, "payload", { useDefaults: true }).map((f) => ({
    path: f.path,
    message: `${f.message}: under the hook's triggerSchema the hooks service rejects triggerHook with this payload (fix \`samplePayload\` or \`triggerSchema\`)`,
  }));
  out.push({ name: "triggerHook", context: rejected.length > 0 ? undefined : { ...base, firedBy: "triggerHook", payload, clientId: PREFLIGHT_CLIENT_ID }, findings: rejected });

  const bindings = (Array.isArray(hook.bindings) ? hook.bindings : []) as Binding[];
  for (const exchange of [...new Set(bindings.map((b) => b.exchange))]) {
    const patterns = bindings.filter((b) => b.exchange === exchange).map((b) => b.routingKeyPattern);
    out.push(pulseContext(exchange, patterns, inputs.samplePulseMessages?.[exchange], schema, base));
  }
  return out;
}

function pulseContext(exchange: string, patterns: string[], sample: Record<string, unknown> | undefined, schema: Schema, base: { taskId: string; now: Date }): FiringContext {
  const name = `pulseMessage ${exchange}`;
  const shape = sample === undefined ? [] : sampleShapeFindings(sample);
  if (shape.length > 0) return { name, findings: shape };
  const message = sample === undefined ? defaultPulseMessage(exchange, base.now) : (structuredClone(sample) as unknown as PulseMessage);
  if (sample !== undefined && (message.routingKey !== undefined || message.routes !== undefined) && !patterns.some((p) => messageMatchesBinding(p, message))) {
    return {
      name,
      findings: [{ path: "routingKey", message: `the sample message matches none of the hook's routingKeyPatterns on this exchange (${patterns.map((p) => `\`${p}\``).join(", ")}), so it would not fire the hook` }],
    };
  }
  const discarded = validate(schema, message.payload, "payload").map((f) => ({
    path: f.path,
    message: `${f.message}: the hooks service discards a Pulse message whose payload fails the hook's triggerSchema, without creating a task`,
  }));
  if (discarded.length > 0) return { name, findings: discarded };
  return { name, context: { ...base, firedBy: "pulseMessage", payload: message.payload }, findings: [] };
}

/** A sample must look like what the listener receives: `{payload: {...}, routingKey?, routes?}`. */
function sampleShapeFindings(sample: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  if (!isObject(sample.payload)) {
    out.push({ path: "payload", message: "a sample Pulse message is `{payload: {...}, routingKey?, routes?}`, as the hooks service receives it, and this one has no object `payload`" });
  }
  if (sample.routingKey !== undefined && typeof sample.routingKey !== "string") out.push({ path: "routingKey", message: "must be a string" });
  if (sample.routes !== undefined && !(Array.isArray(sample.routes) && sample.routes.every((r) => typeof r === "string"))) {
    out.push({ path: "routes", message: "must be a list of strings" });
  }
  for (const key of Object.keys(sample).filter((k) => !["payload", "routingKey", "routes", "exchange"].includes(k))) {
    out.push({ path: child("", key), message: "is not part of a Pulse message as the hooks service receives it (`payload`, `routingKey`, `routes`)" });
  }
  return out;
}
