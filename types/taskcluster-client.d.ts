// taskcluster-client ships no type declarations; these cover what releng-infra uses. tsconfig's
// `paths` maps the package here, which also works under the Pulumi CLI's ts-node.
export interface Credentials {
  clientId: string;
  accessToken: string;
  certificate?: string | Record<string, unknown>;
}
export interface ClientOptions {
  rootUrl?: string;
  credentials?: Credentials | Record<string, never>;
  retries?: number;
  delayFactor?: number;
  randomizationFactor?: number;
  maxDelay?: number;
  timeout?: number;
}
/** Errors from API calls carry the service's error code and HTTP status. */
export interface TaskclusterError extends Error {
  code?: string;
  statusCode?: number;
  body?: { code?: string; message?: string; requestInfo?: unknown };
}
type Json = Record<string, unknown>;
export class Hooks {
  constructor(options?: ClientOptions);
  ping(): Promise<Json>;
  listHookGroups(): Promise<{ groups: string[] }>;
  listHooks(hookGroupId: string): Promise<{ hooks: Json[] }>;
  hook(hookGroupId: string, hookId: string): Promise<Json>;
  createHook(hookGroupId: string, hookId: string, payload: Json): Promise<Json>;
  updateHook(hookGroupId: string, hookId: string, payload: Json): Promise<Json>;
  removeHook(hookGroupId: string, hookId: string): Promise<void>;
}
export class Secrets {
  constructor(options?: ClientOptions);
  get(name: string): Promise<{ secret: Json; expires: string }>;
  /** The URL a method would request, e.g. `secrets.buildUrl(secrets.get, name)`. */
  buildUrl(method: (...args: never[]) => unknown, ...args: string[]): string;
}
export function fromEnvVars(): ClientOptions;
/**
 * The package's runtime entry point: its ESM named exports do not include the client classes (they
 * are built at load time), so code must reach them through the default export, e.g.
 * `import taskcluster from "taskcluster-client"; new taskcluster.Hooks(...)`. The named class
 * exports above are for types only.
 */
declare const taskcluster: { Hooks: typeof Hooks; Secrets: typeof Secrets; fromEnvVars: typeof fromEnvVars };
export default taskcluster;
