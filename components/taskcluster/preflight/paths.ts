/*
 * JSON paths in problems: `task.payload.env.FOO`, `task.scopes[2]`, `task.payload.artifacts["public/results"]`.
 * One format for paths into templates, rendered tasks and trigger payloads alike.
 */

/** A key readable after a dot; `$` is allowed so JSON-e operators read as `env.$merge`. */
const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `parent` extended by an object key or an array index: `child("task", "payload")` is `task.payload`. */
export function child(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  if (PLAIN_KEY.test(key)) return parent === "" ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** `child` over a list of segments. */
export function pathOf(root: string, segments: readonly (string | number)[]): string {
  return segments.reduce<string>((p, s) => child(p, s), root);
}

/**
 * Segments of a JSON-e error location, which json-e gives as `[".payload", ".env", "[1]", "[\"a.b\"]"]`.
 * Returns undefined for a location it does not recognize, so callers fall back to the template root.
 */
export function jsoneSegments(location: readonly string[]): (string | number)[] | undefined {
  const out: (string | number)[] = [];
  for (const part of location) {
    if (part.startsWith(".")) out.push(part.slice(1));
    else if (/^\[\d+\]$/.test(part)) out.push(Number(part.slice(1, -1)));
    else if (part.startsWith("[") && part.endsWith("]")) {
      try {
        out.push(String(JSON.parse(part.slice(1, -1))));
      } catch {
        return undefined;
      }
    } else return undefined;
  }
  return out;
}
