import { firingContexts } from "./contexts";
import { isObject, typeName } from "./jsonSchema";
import { child } from "./paths";
import { renderTask } from "./render";
import { roleScopeFindings, taskScopeFindings } from "./scopes";
import { inputFindings, timeAndPayloadFindings } from "./taskChecks";
import { count } from "./words";
import type { Finding, PreflightContextResult, PreflightInputs, PreflightProblem } from "./types";

/*
 * Hook preflight: a hook's task is a JSON-e template the hooks service renders only when the hook
 * fires. Render it now, in every context it can fire in, and check the result as the Queue and the
 * worker will, so `pulumi preview` fails instead of the owner's inbox at night.
 */

export type { PreflightContextResult, PreflightInputs, PreflightProblem } from "./types";
export { satisfies } from "./scopes";

/**
 * Every context `hook` (a Hooks API create-hook-request body) can fire in, with what would go wrong
 * there: `schedule` when it has a schedule, `triggerHook`, and `pulseMessage <exchange>` per bound
 * exchange. A definition preflight cannot read yields a single `hook` context.
 */
export function preflightContexts(hookGroupId: string, hookId: string, hook: Record<string, unknown>, inputs: PreflightInputs = {}, now: Date = new Date()): PreflightContextResult[] {
  const unreadable = definitionFindings(hook);
  if (unreadable.length > 0) return [{ context: "hook", problems: unreadable.map((f) => ({ context: "hook", ...f })), declined: false }];
  const role = `assume:hook-id:${hookGroupId}/${hookId}`;
  return firingContexts(hook, inputs, now).map(({ name, context, findings }) => {
    let declined = false;
    if (context !== undefined) {
      const rendered = renderTask(hook.task as Record<string, unknown>, context);
      if (rendered.findings !== undefined) findings = rendered.findings;
      else if (rendered.task === null) declined = true;
      else findings = checkRendered(rendered.task, inputs, role, now);
    }
    return { context: name, problems: findings.map((f) => ({ context: name, ...f })), declined };
  });
}

/** Everything that would go wrong when `hook` fires, in any context; empty when it is fine. */
export function preflightHook(hookGroupId: string, hookId: string, hook: Record<string, unknown>, inputs: PreflightInputs, now?: Date): PreflightProblem[] {
  return preflightContexts(hookGroupId, hookId, hook, inputs, now).flatMap((c) => c.problems);
}

/**
 * The message of a failed preflight, one line per problem naming context and path:
 * "Hook `project-releng/services-staging-x` fails preflight (1 problem):\n  - [schedule] task.deadline: ...".
 */
export function formatPreflightProblems(hookGroupId: string, hookId: string, problems: readonly PreflightProblem[]): string {
  return [`Hook \`${hookGroupId}/${hookId}\` fails preflight (${count(problems.length, "problem")}):`, ...problems.map((p) => `  - [${p.context}] ${p.path}: ${p.message}`)].join("\n");
}

function checkRendered(task: unknown, inputs: PreflightInputs, role: string, now: Date): Finding[] {
  if (!isObject(task)) return [{ path: "task", message: `renders to ${typeName(task)}; a task definition is an object` }];
  const input = inputFindings(task);
  // The Queue authorizes only a well-formed request, so role scopes are checked only then.
  const authorized = input.length === 0 && inputs.roleScopes !== undefined ? roleScopeFindings(task, inputs.roleScopes, role) : [];
  return [...input, ...timeAndPayloadFindings(task, now), ...authorized, ...taskScopeFindings(task, inputs.branchSecret)];
}

/** The parts of a create-hook-request body preflight reads, when they are not of the API's shape. */
function definitionFindings(hook: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  if (!isObject(hook.task)) out.push({ path: "task", message: "must be an object (a JSON-e template of a task definition)" });
  if (hook.triggerSchema !== undefined && !isObject(hook.triggerSchema)) out.push({ path: "triggerSchema", message: "must be an object (a JSON schema)" });
  if (hook.schedule !== undefined && !(Array.isArray(hook.schedule) && hook.schedule.every((s) => typeof s === "string"))) {
    out.push({ path: "schedule", message: "must be a list of cron patterns" });
  }
  if (hook.bindings !== undefined && !Array.isArray(hook.bindings)) out.push({ path: "bindings", message: "must be a list of `{exchange, routingKeyPattern}`" });
  (Array.isArray(hook.bindings) ? hook.bindings : []).forEach((b: unknown, i) => {
    for (const key of ["exchange", "routingKeyPattern"]) {
      if (!isObject(b) || typeof b[key] !== "string" || b[key] === "") out.push({ path: child(child("bindings", i), key), message: "must be a non-empty string" });
    }
  });
  return out;
}
