import { UNKNOWN } from "../../../synth/evaluate";
import { isObject } from "./jsonSchema";
import { preflightContexts } from "./index";
import { count } from "./words";
import type { PreflightInputs } from "./types";

/*
 * What `npm run preflight -- --stack <branch>` prints, from the resources the program registered:
 * per hook and firing context one line, `ok` or the number of problems followed by one indented line
 * per problem. Pure, so the command itself is only argument parsing and evaluation.
 */

/** Type token of the hook dynamic resource (components/taskcluster/hookProvider.ts). */
export const HOOK_TYPE = "pulumi-nodejs:dynamic/taskcluster:Hook";

/** The part of a recorded resource preflight reads. */
export interface RegisteredResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

export interface PreflightReport {
  lines: string[];
  /** True when every hook was checked and passed in every context. */
  ok: boolean;
}

export function preflightReport(stack: string, resources: readonly RegisteredResource[], now: Date): PreflightReport {
  const hooks = resources.filter((r) => r.type === HOOK_TYPE);
  if (hooks.length === 0) return { lines: [`stack \`${stack}\` declares no hooks`], ok: true };
  const lines: string[] = [];
  let problems = 0;
  for (const { name, inputs } of hooks) {
    const { hookGroupId, hookId, hook, preflight } = inputs;
    if (typeof hookGroupId !== "string" || typeof hookId !== "string" || !isObject(hook)) {
      const why = [hookGroupId, hookId, hook].includes(UNKNOWN) ? "not known until deploy" : "not of the form {hookGroupId, hookId, hook}";
      lines.push(`${name}  not checked: its inputs are ${why}`);
      problems += 1;
      continue;
    }
    for (const c of preflightContexts(hookGroupId, hookId, hook, (isObject(preflight) ? preflight : {}) as PreflightInputs, now)) {
      const head = `${hookGroupId}/${hookId}  ${c.context}`;
      if (c.problems.length === 0) lines.push(`${head}  ok${c.declined ? " (renders to null: no task is created)" : ""}`);
      else lines.push(`${head}  ${count(c.problems.length, "problem")}`, ...c.problems.map((p) => `    ${p.path}: ${p.message}`));
      problems += c.problems.length;
    }
  }
  lines.push(problems === 0 ? `${count(hooks.length, "hook")} of stack \`${stack}\` pass preflight` : `stack \`${stack}\`: preflight found ${count(problems, "problem")}`);
  return { lines, ok: problems === 0 };
}
