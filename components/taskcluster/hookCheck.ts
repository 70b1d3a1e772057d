/*
 * What `check` rejects before any request: the rules of the real create-hook-request schema and of
 * the Hooks service's createHook (ids, metadata, schedule, bindings), each failure naming its
 * property. Values unknown during preview are skipped; they are checked again at `up`.
 */
import { cronProblem } from "./cron";
import { UNKNOWN, type HookInputs } from "./hookModel";
import { formatPreflightProblems, preflightHook } from "./preflight";
import { isObject } from "./preflight/jsonSchema";

/** A `check` failure, as Pulumi's dynamic providers report them. */
export interface HookCheckFailure {
  property: string;
  reason: string;
}

// taskcluster services/hooks/schemas/constants.yml: hookGroupId and hookId patterns, 1 to 1000 characters.
const ID_RULES = {
  hookGroupId: { pattern: /^[a-zA-Z0-9-_]*$/, allowed: "letters, digits, `-` and `_`" },
  hookId: { pattern: /^[a-zA-Z0-9-_/]*$/, allowed: "letters, digits, `-`, `_` and `/`" },
};
// ajv-formats' "full" email format, which the Hooks service validates metadata.owner with.
const EMAIL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const HOOK_FIELDS = ["metadata", "schedule", "bindings", "triggerSchema", "task", "hookGroupId", "hookId"];
const METADATA_FIELDS = ["name", "description", "owner", "emailOnError"];

const show = (value: unknown): string => `\`${typeof value === "string" ? value : JSON.stringify(value)}\``;

function idFailures(key: keyof typeof ID_RULES, value: unknown): HookCheckFailure[] {
  if (value === UNKNOWN) return [];
  const { pattern, allowed } = ID_RULES[key];
  if (typeof value !== "string" || value.length < 1 || value.length > 1000 || !pattern.test(value)) {
    return [{ property: key, reason: `${show(value)} is not a valid ${key}: 1 to 1000 characters, ${allowed}` }];
  }
  return [];
}

function unknownKeys(value: Record<string, unknown>, known: string[], at: string): HookCheckFailure[] {
  return Object.keys(value).filter((key) => !known.includes(key)).map((key) => ({ property: `${at}.${key}`, reason: "is not a field of a hook definition (create-hook-request)" }));
}

function metadataFailures(metadata: unknown): HookCheckFailure[] {
  if (metadata === UNKNOWN) return [];
  if (!isObject(metadata)) return [{ property: "hook.metadata", reason: "is required: an object with name, description and owner" }];
  const failures = unknownKeys(metadata, METADATA_FIELDS, "hook.metadata");
  const text = (key: string, max: number, rule?: (v: string) => string | undefined) => {
    const value = metadata[key];
    if (value === UNKNOWN) return;
    if (typeof value !== "string") failures.push({ property: `hook.metadata.${key}`, reason: `is required (a string of at most ${max} characters)` });
    else if (value.length > max) failures.push({ property: `hook.metadata.${key}`, reason: `is ${value.length} characters long; at most ${max} are allowed` });
    else {
      const problem = rule?.(value);
      if (problem) failures.push({ property: `hook.metadata.${key}`, reason: problem });
    }
  };
  text("name", 255);
  text("description", 32768);
  text("owner", 255, (owner) => (EMAIL.test(owner) ? undefined : `${show(owner)} is not an email address`));
  if (![undefined, UNKNOWN, true, false].includes(metadata.emailOnError as boolean)) {
    failures.push({ property: "hook.metadata.emailOnError", reason: `${show(metadata.emailOnError)} is not a boolean` });
  }
  return failures;
}

/** Failures of a list the schema wants unique, with a per-item rule. */
function listFailures(list: unknown, at: string, item: (value: unknown, property: string) => HookCheckFailure[]): HookCheckFailure[] {
  if (list === undefined || list === UNKNOWN) return [];
  if (!Array.isArray(list)) return [{ property: at, reason: `${show(list)} is not a list` }];
  return list.flatMap((value, i) => {
    const property = `${at}[${i}]`;
    const first = list.findIndex((other) => JSON.stringify(other) === JSON.stringify(value));
    if (first < i) return [{ property, reason: `repeats ${at}[${first}]; the Hooks service wants unique items` }];
    return value === UNKNOWN ? [] : item(value, property);
  });
}

function scheduleFailures(schedule: unknown): HookCheckFailure[] {
  return listFailures(schedule, "hook.schedule", (pattern, property) => {
    if (typeof pattern !== "string") return [{ property, reason: `${show(pattern)} is not a cron pattern string` }];
    const problem = cronProblem(pattern);
    return problem ? [{ property, reason: problem }] : [];
  });
}

function bindingFailures(bindings: unknown): HookCheckFailure[] {
  return listFailures(bindings, "hook.bindings", (binding, property) => {
    if (!isObject(binding)) return [{ property, reason: "must be an object with `exchange` and `routingKeyPattern`" }];
    const failures = unknownKeys(binding, ["exchange", "routingKeyPattern"], property);
    for (const key of ["exchange", "routingKeyPattern"]) {
      const value = binding[key];
      if (value !== UNKNOWN && (typeof value !== "string" || value === "")) failures.push({ property: `${property}.${key}`, reason: "is required (a non-empty string)" });
    }
    return failures;
  });
}

/** Every check failure of a TaskclusterHook's inputs; empty when the Hooks service would take them. */
export function hookCheckFailures(inputs: Record<string, unknown>): HookCheckFailure[] {
  const failures = [...idFailures("hookGroupId", inputs.hookGroupId), ...idFailures("hookId", inputs.hookId)];
  const hook = inputs.hook;
  if (hook === UNKNOWN) return failures;
  if (!isObject(hook)) return [...failures, { property: "hook", reason: "is required: the create-hook-request body" }];
  failures.push(...unknownKeys(hook, HOOK_FIELDS, "hook"), ...metadataFailures(hook.metadata), ...scheduleFailures(hook.schedule), ...bindingFailures(hook.bindings));
  for (const key of ["hookGroupId", "hookId"] as const) {
    if (hook[key] !== undefined && hook[key] !== inputs[key]) failures.push({ property: `hook.${key}`, reason: `${show(hook[key])} differs from ${key} ${show(inputs[key])}; omit it or make them equal` });
  }
  if (hook.task !== UNKNOWN && !isObject(hook.task)) failures.push({ property: "hook.task", reason: "is required: the task template (an object)" });
  if (![undefined, UNKNOWN].includes(hook.triggerSchema as string) && !isObject(hook.triggerSchema)) {
    failures.push({ property: "hook.triggerSchema", reason: "must be a JSON schema (an object)" });
  }
  return failures;
}

/** Stands in for a value only known after deploy (a new image's digest), so the rest is still checked. */
const PENDING = "(known after deploy)";

function standInUnknowns(value: unknown): unknown {
  if (value === UNKNOWN) return PENDING;
  if (Array.isArray(value)) return value.map(standInUnknowns);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, standInUnknowns(v)]));
  return value;
}

/**
 * Preflight of a hook whose definition passed `hookCheckFailures`: one failure on `hook.task`
 * naming the hook, and per problem the firing context and JSON path. During preview a value not
 * known yet (the image of a build still to come) is replaced by a stand-in string.
 */
export function preflightFailures(inputs: HookInputs): HookCheckFailure[] {
  if ((inputs.hook as unknown) === UNKNOWN || (inputs.preflight as unknown) === UNKNOWN) return [];
  const hook = standInUnknowns(inputs.hook) as Record<string, unknown>;
  const problems = preflightHook(inputs.hookGroupId, inputs.hookId, hook, inputs.preflight ?? {});
  return problems.length === 0 ? [] : [{ property: "hook.task", reason: formatPreflightProblems(inputs.hookGroupId, inputs.hookId, problems) }];
}
