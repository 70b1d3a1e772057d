import jsone = require("json-e");
import { isObject } from "./jsonSchema";
import { jsoneSegments, pathOf } from "./paths";
import type { Finding } from "./types";

/*
 * Renders a hook's task template with the json-e library, the one the hooks service uses, and turns
 * a JSON-e error into a finding whose path points into the template, operators included
 * (`task.payload.env.$merge[1].then.TRY_TASK_ID`), which is where the owner has to look.
 */

/** The operators of json-e 4; any other `$identifier` key is an error when rendered. */
export const JSONE_OPERATORS = [
  "$eval", "$flatten", "$flattenDeep", "$fromNow", "$if", "$json", "$let", "$map", "$reduce",
  "$find", "$match", "$switch", "$merge", "$mergeDeep", "$reverse", "$sort",
] as const;

export type RenderResult = { task: unknown; findings?: undefined } | { findings: Finding[] };

/**
 * `task` rendered in `context`, then passed through JSON as the Queue client sends it (so a `now`
 * Date becomes its ISO string). A template that renders to null yields `{task: null}`.
 */
export function renderTask(template: Record<string, unknown>, context: Record<string, unknown>): RenderResult {
  try {
    const rendered: unknown = jsone(template, context);
    return { task: rendered === null ? null : JSON.parse(JSON.stringify(rendered)) };
  } catch (err) {
    return { findings: [jsoneFinding(template, err)] };
  }
}

function jsoneFinding(template: Record<string, unknown>, err: unknown): Finding {
  const e = err as { message?: string; location?: string[] };
  const message = String(e.message ?? err);
  const segments = jsoneSegments(e.location ?? []) ?? [];
  const found = locate(template, segments, []);
  const at = found ?? { node: undefined, path: segments };
  if (message.startsWith("$<identifier> is reserved")) {
    const misspelt = findMisspelt(at.node, at.path);
    if (misspelt !== undefined) {
      const key = String(misspelt[misspelt.length - 1]);
      const guess = closestOperator(key);
      return {
        path: pathOf("task", misspelt),
        message: `\`${key}\` is not a JSON-e operator${guess ? ` (did you mean \`${guess}\`?)` : ""}; write \`$${key}\` for a literal key`,
      };
    }
  }
  return { path: pathOf("task", at.path), message: `JSON-e: ${message}` };
}

function isUnknownOperator(key: string): boolean {
  return /^\$[a-zA-Z][a-zA-Z0-9]*$/.test(key) && !(JSONE_OPERATORS as readonly string[]).includes(key);
}

/** Keys json-e renders without adding them to an error's location: operator bodies and their parts. */
function isTransparent(node: Record<string, unknown>, key: string): boolean {
  const hasOperator = Object.keys(node).some((k) => (JSONE_OPERATORS as readonly string[]).includes(k));
  return hasOperator && (key.startsWith("$") || ["then", "else", "in", "by"].includes(key) || /^each\(/.test(key));
}

/**
 * The template node a JSON-e error location points to, and its full path. json-e's location skips
 * operator keys, so those are searched through; the first match in document order wins.
 */
function locate(node: unknown, segments: (string | number)[], path: (string | number)[]): { node: unknown; path: (string | number)[] } | undefined {
  if (segments.length === 0) return { node, path };
  const [head, ...rest] = segments;
  if (Array.isArray(node) && typeof head === "number" && head < node.length) {
    return locate(node[head], rest, [...path, head]);
  }
  if (!isObject(node)) return undefined;
  if (typeof head === "string" && head in node && !isTransparent(node, head)) {
    const direct = locate(node[head], rest, [...path, head]);
    if (direct) return direct;
  }
  for (const key of Object.keys(node).filter((k) => isTransparent(node, k))) {
    const through = locate(node[key], segments, [...path, key]);
    if (through) return through;
  }
  return undefined;
}

/**
 * Path of the unknown `$identifier` key json-e refused at `node`: on the node itself, or inside an
 * operator's body (`$if`'s `then`), which json-e renders without extending the location.
 */
function findMisspelt(node: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (!isObject(node)) return undefined;
  const own = Object.keys(node).find(isUnknownOperator);
  if (own !== undefined) return [...path, own];
  for (const key of Object.keys(node).filter((k) => isTransparent(node, k))) {
    const inner = findMisspelt(node[key], [...path, key]);
    if (inner) return inner;
  }
  return undefined;
}

/** The operator at edit distance 2 or less from `word`, if any. */
function closestOperator(word: string): string | undefined {
  let best: { op: string; d: number } | undefined;
  for (const op of JSONE_OPERATORS) {
    const d = distance(word.toLowerCase(), op.toLowerCase());
    if (d <= 2 && (best === undefined || d < best.d)) best = { op, d };
  }
  return best?.op;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
