/*
 * The TaskclusterHook resource's data, as plain values: its inputs, its id, the hook as the Hooks
 * service returns it mapped back to a request body, and the comparison `diff` makes. Pure, so the
 * provider stays thin and these are tested on tables.
 */
import type { HookRequest } from "./hookDefinition";
import type { PreflightInputs } from "./preflight";

/** The inputs (and outputs) of a TaskclusterHook. */
export interface HookInputs {
  hookGroupId: string;
  hookId: string;
  /** The create-hook-request body. */
  hook: HookRequest;
  /** What preflight needs beyond the definition; checked in `check`, never sent to the API. */
  preflight?: PreflightInputs;
  /**
   * The stack file's `taskcluster.rootUrl`, used when `TASKCLUSTER_ROOT_URL` is not set: the
   * provider runs apart from the program and would otherwise see only the environment. Not part of
   * the hook, so never a change by itself.
   */
  rootUrl?: string;
}

/**
 * What the Pulumi engine passes for a value not known yet during preview (the SDK's
 * `runtime.unknownValue`, copied so the serialized provider does not capture the SDK).
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The Hooks service's `triggerSchema` default: accept only an empty payload. */
export const DEFAULT_TRIGGER_SCHEMA = { type: "object", additionalProperties: false };

/** The resource id of a hook: `project-releng/services-staging-tooltool/api-replicate`. */
export function hookResourceId(hookGroupId: string, hookId: string): string {
  return `${hookGroupId}/${hookId}`;
}

/** Splits a resource id at its first `/` (group ids have none; hook ids may). */
export function parseHookResourceId(id: string): { hookGroupId: string; hookId: string } {
  const slash = id.indexOf("/");
  if (slash <= 0 || slash === id.length - 1) throw new Error(`\`${id}\` is not a hook resource id; expected \`<hookGroupId>/<hookId>\``);
  return { hookGroupId: id.slice(0, slash), hookId: id.slice(slash + 1) };
}

function sortedUnique<T>(items: readonly T[] | undefined): T[] {
  const byKey = new Map((items ?? []).map((item) => [JSON.stringify(item), item]));
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

/** `list` made order-free by `normalize`, or kept as it is while unknown during preview (it then reads as a change). */
function orderFree<T, U>(list: readonly T[] | undefined, normalize: (items: readonly T[] | undefined) => U[]): U[] {
  return (list as unknown) === UNKNOWN ? (list as unknown as U[]) : normalize(list);
}

/**
 * A hook body with the service's defaults filled in (schedule `[]`, bindings `[]`,
 * `emailOnError: true`, the default triggerSchema) and order-free lists sorted, so that two bodies
 * the service treats alike compare equal.
 */
export function normalizeHook(hook: Partial<HookRequest>): HookRequest {
  const metadata = hook.metadata ?? ({} as HookRequest["metadata"]);
  return {
    metadata: { name: metadata.name, description: metadata.description, owner: metadata.owner, emailOnError: metadata.emailOnError ?? true },
    schedule: orderFree(hook.schedule, sortedUnique),
    bindings: orderFree(hook.bindings, (bindings) => sortedUnique(bindings?.map(({ exchange, routingKeyPattern }) => ({ exchange, routingKeyPattern })))),
    triggerSchema: hook.triggerSchema ?? DEFAULT_TRIGGER_SCHEMA,
    task: hook.task ?? {},
  };
}

/** A `hook` answer of the Hooks service (a hook-definition) as the resource's inputs. */
export function fromApi(definition: Record<string, unknown>): HookInputs {
  const { hookGroupId, hookId, ...hook } = definition as unknown as HookRequest & { hookGroupId: string; hookId: string };
  return { hookGroupId, hookId, hook: normalizeHook(hook) };
}

/** Canonical JSON: object keys sorted, so key order never reads as a change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** The top-level hook fields (`metadata`, `task`, ...) that differ between two bodies after normalization. */
export function changedHookFields(olds: Partial<HookRequest> | string, news: Partial<HookRequest> | string): string[] {
  if (typeof olds === "string" || typeof news === "string") return ["hook"]; // a value unknown during preview
  const a = normalizeHook(olds) as unknown as Record<string, unknown>;
  const b = normalizeHook(news) as unknown as Record<string, unknown>;
  return Object.keys(b).filter((field) => canonical(a[field]) !== canonical(b[field]));
}

/**
 * The diff of a TaskclusterHook, without any API call: a new group or id replaces the hook (the
 * API cannot rename one), any other normalized difference updates it.
 */
export function diffHook(olds: HookInputs, news: HookInputs): { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean } {
  const replaces = (["hookGroupId", "hookId"] as const).filter((key) => olds[key] !== news[key]);
  const changed = changedHookFields(olds.hook, news.hook);
  return { changes: replaces.length > 0 || changed.length > 0, replaces, deleteBeforeReplace: false };
}
