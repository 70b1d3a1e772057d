/**
 * Taskcluster scope satisfaction, as taskcluster-lib-scopes defines it: a held scope satisfies a
 * required one when equal, or when it ends in `*` and the required scope starts with what comes
 * before the `*` (so `hooks:modify-hook:project-releng/*` satisfies
 * `hooks:modify-hook:project-releng/services-staging-tooltool`).
 */

/** A scope expression as the API references write them: a scope, or AllOf / AnyOf of expressions. */
export type ScopeExpression = string | { AllOf: ScopeExpression[] } | { AnyOf: ScopeExpression[] };

/** Whether one held scope satisfies one required scope. */
function scopeMatch(held: string, required: string): boolean {
  return held === required || (held.endsWith("*") && required.startsWith(held.slice(0, -1)));
}

/** Whether the held scopes satisfy the expression. */
export function satisfies(held: readonly string[], expression: ScopeExpression): boolean {
  if (typeof expression === "string") return held.some((scope) => scopeMatch(scope, expression));
  if ("AllOf" in expression) return expression.AllOf.every((e) => satisfies(held, e));
  return expression.AnyOf.some((e) => satisfies(held, e));
}

/**
 * What is still missing from `expression` given `held` (taskcluster-lib-scopes `removeGivenScopes`):
 * satisfied branches dropped, an AllOf of one item collapsed to that item; undefined when satisfied.
 */
export function unsatisfied(held: readonly string[], expression: ScopeExpression): ScopeExpression | undefined {
  if (satisfies(held, expression)) return undefined;
  if (typeof expression === "string") return expression;
  if ("AnyOf" in expression) return expression;
  const missing = expression.AllOf.map((e) => unsatisfied(held, e)).filter((e): e is ScopeExpression => e !== undefined);
  return missing.length === 1 ? missing[0] : { AllOf: missing };
}

/** Substitutes `<param>` placeholders of an API reference's scope template with route parameters. */
export function renderScopes(template: ScopeExpression, params: Record<string, string>): ScopeExpression {
  if (typeof template === "string") {
    return template.replace(/<([a-zA-Z0-9_]+)>/g, (text, key: string) => params[key] ?? text);
  }
  if ("AllOf" in template) return { AllOf: template.AllOf.map((e) => renderScopes(e, params)) };
  return { AnyOf: template.AnyOf.map((e) => renderScopes(e, params)) };
}
