/**
 * The served API surface, read from the copied API references so that method, path and scope
 * expression of every route are the real service's: `/api/<service>/v1<route>`, `<arg>` matching
 * one url-encoded path segment (taskcluster-client encodes arguments with encodeURIComponent).
 */
import { loadSchema } from "./jsonSchema";
import type { ScopeExpression } from "./scopes";

/** One API method of a reference. */
export interface RouteEntry {
  /** `hooks.createHook`, `secrets.get`. */
  key: string;
  service: string;
  name: string;
  method: string;
  /** Route segments after `/api/<service>/v1`, `<arg>` for parameters. */
  segments: string[];
  scopes: ScopeExpression | null;
  /** Input schema file name in schemas/, if the method takes a body. */
  input?: string;
}

interface ReferenceEntry {
  type: string;
  name: string;
  method: string;
  route: string;
  scopes?: ScopeExpression | null;
  input?: string;
}

function loadReference(file: string): RouteEntry[] {
  const reference = loadSchema(file) as { serviceName: string; entries: ReferenceEntry[] };
  return reference.entries
    .filter((entry) => entry.type === "function")
    .map((entry) => ({
      key: `${reference.serviceName}.${entry.name}`,
      service: reference.serviceName,
      name: entry.name,
      method: entry.method.toUpperCase(),
      segments: entry.route.split("/").slice(1),
      scopes: entry.scopes ?? null,
      input: entry.input?.replace(/^v1\//, "").replace(/#$/, ""),
    }));
}

/** Every method of the Hooks and Secrets references. */
export const ROUTES: readonly RouteEntry[] = [...loadReference("hooks-api.json"), ...loadReference("secrets-api.json")];

/** The route and decoded parameters for a request, or undefined when no route matches. */
export function matchRoute(method: string, pathname: string): { entry: RouteEntry; params: Record<string, string> } | undefined {
  const match = /^\/api\/([a-z]+)\/v1(\/.*)$/.exec(pathname);
  if (!match) return undefined;
  const [, service, rest] = match;
  const parts = rest!.split("/").slice(1);
  for (const entry of ROUTES) {
    if (entry.service !== service || entry.method !== method || entry.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = entry.segments.every((segment, i) => {
      const arg = /^<(.+)>$/.exec(segment);
      if (!arg) return segment === parts[i];
      params[arg[1]!] = decodeURIComponent(parts[i]!);
      return parts[i] !== "";
    });
    if (ok) return { entry, params };
  }
  return undefined;
}
