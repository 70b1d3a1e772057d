/**
 * The behaviour of each served method, after authentication, scopes and body schema have been
 * checked: what taskcluster/taskcluster `services/hooks/src/api.js` and `services/secrets` do,
 * over the in-memory stores.
 */
import { isDeepStrictEqual } from "node:util";
import { CronExpressionParser } from "cron-parser";
import { ErrorReply } from "./errors";
import type { HookDefinition, HookStore, SecretStore } from "./state";

/** What a handler sees of a request. */
export interface HandlerContext {
  params: Record<string, string>;
  /** The request body, schema-validated with defaults applied, for methods with an input. */
  body: Record<string, unknown>;
  hooks: HookStore;
  secrets: SecretStore;
}

export type Handler = (ctx: HandlerContext) => unknown;

type HookBody = Omit<HookDefinition, "bindings"> & { bindings?: HookDefinition["bindings"] };

/** Body checks the Hooks service makes by hand beyond the schema (ids match the URL, cron parses). */
function checkHookBody({ params, body }: HandlerContext): HookBody {
  if (body.hookGroupId !== undefined && body.hookGroupId !== params.hookGroupId) {
    throw new ErrorReply("InputError", "Hook Group Ids do not match");
  }
  if (body.hookId !== undefined && body.hookId !== params.hookId) throw new ErrorReply("InputError", "Hook Ids do not match");
  const hook = { ...body, hookGroupId: params.hookGroupId!, hookId: params.hookId! } as HookBody;
  for (const schedule of hook.schedule) {
    try {
      CronExpressionParser.parse(schedule, { tz: "UTC" });
    } catch (err) {
      throw new ErrorReply("InputError", `${(err as Error).message} in ${schedule}`);
    }
  }
  return hook;
}

function hookOr404(ctx: HandlerContext): HookDefinition {
  const hook = ctx.hooks.get(ctx.params.hookGroupId!, ctx.params.hookId!);
  if (!hook) throw new ErrorReply("ResourceNotFound", "No such hook");
  return hook;
}

/** Handlers by route key (`<service>.<method>`); routes absent here answer 500 "not implemented". */
export const HANDLERS: Record<string, Handler> = {
  "hooks.ping": () => ({ alive: true, uptime: process.uptime() }),
  "hooks.listHookGroups": ({ hooks }) => ({ groups: [...new Set(hooks.list().map((hook) => hook.hookGroupId))] }),
  "hooks.listHooks": ({ hooks, params }) => {
    const list = hooks.list(params.hookGroupId);
    if (list.length === 0) throw new ErrorReply("ResourceNotFound", "No such group");
    return { hooks: list };
  },
  "hooks.hook": hookOr404,
  "hooks.createHook": (ctx) => {
    const hook = checkHookBody(ctx);
    const existing = ctx.hooks.get(hook.hookGroupId, hook.hookId);
    if (existing) {
      // Like the service: an identical create is an idempotent success, anything else conflicts.
      if (isDeepStrictEqual({ ...hook, bindings: hook.bindings ?? existing.bindings }, existing)) return existing;
      throw new ErrorReply("RequestConflict", `hook \`${hook.hookGroupId}/${hook.hookId}\` already exists.`);
    }
    return ctx.hooks.put(hook);
  },
  "hooks.updateHook": (ctx) => {
    const existing = hookOr404(ctx);
    const hook = checkHookBody(ctx);
    // The service keeps the stored bindings when an update omits them.
    return ctx.hooks.put({ ...hook, bindings: hook.bindings ?? existing.bindings });
  },
  "hooks.removeHook": ({ hooks, params }) => {
    hooks.delete(params.hookGroupId!, params.hookId!);
    return {};
  },
  "secrets.get": ({ secrets, params }) => {
    const secret = secrets.get(params.name!);
    if (!secret) throw new ErrorReply("ResourceNotFound", "Secret not found");
    if (new Date(secret.expires).getTime() < Date.now()) throw new ErrorReply("ResourceExpired", "The requested resource has expired.");
    return secret;
  },
};
