/*
 * The TaskclusterHook dynamic provider. Verbs and the Hooks API calls they make:
 *   check   none: hookCheckFailures (ids, metadata, cron, bindings), then preflight renders the
 *           task template in every context the hook fires in and checks it as the Queue would
 *   diff    none: normalized comparison (diffHook); a new hookGroupId or hookId replaces
 *   create  createHook; a 409 means someone else's hook is there: fail with how to adopt it
 *   read    hook; 404 means the hook is gone
 *   update  updateHook
 *   delete  removeHook; a hook already gone is success
 * Credentials come from the environment inside each call (hookApi.ts): this object is serialized
 * into the state, so it must capture none.
 */
import type * as pulumi from "@pulumi/pulumi";
import { callHooks, HookApiError, removeHookIfPresent } from "./hookApi";
import { hookCheckFailures, preflightFailures } from "./hookCheck";
import { diffHook, fromApi, hookResourceId, parseHookResourceId, type HookInputs } from "./hookModel";

const target = (hookGroupId: string, hookId: string): string => `Hook=${hookResourceId(hookGroupId, hookId)}`;

/** The message of a create that found a different hook in its place. */
export function adoptionHint(hookGroupId: string, hookId: string, cause: string): string {
  return [
    `${target(hookGroupId, hookId)} already exists with a different definition, made outside this stack; releng-infra never overwrites it silently.`,
    `To adopt it, either delete it in Taskcluster (the next \`pulumi up\` creates it from the stack file),`,
    `or change the stack file until it declares the same definition (createHook then accepts it as is).`,
    `(${cause})`,
  ].join("\n");
}

export const hookProvider: pulumi.dynamic.ResourceProvider<HookInputs, HookInputs> = {
  async check(_olds, news) {
    const failures = hookCheckFailures(news as unknown as Record<string, unknown>);
    // Preflight reads a well-formed definition only, so it runs once the API's own rules pass.
    return { inputs: news, failures: failures.length > 0 ? failures : preflightFailures(news) };
  },

  async diff(_id, olds, news) {
    return diffHook(olds, news);
  },

  async create(inputs) {
    const { hookGroupId, hookId, hook, rootUrl } = inputs;
    try {
      await callHooks("createHook", target(hookGroupId, hookId), (hooks) => hooks.createHook(hookGroupId, hookId, { ...hook }), rootUrl);
    } catch (err) {
      if (err instanceof HookApiError && err.statusCode === 409) throw new Error(adoptionHint(hookGroupId, hookId, err.message));
      throw err;
    }
    return { id: hookResourceId(hookGroupId, hookId), outs: inputs };
  },

  async read(id, props) {
    const { hookGroupId, hookId } = props ?? parseHookResourceId(id);
    // What the API does not hold (preflight samples, the root URL) is kept from the last outputs.
    const local = { ...(props?.preflight && { preflight: props.preflight }), ...(props?.rootUrl && { rootUrl: props.rootUrl }) };
    try {
      const current = { ...fromApi(await callHooks("hook", target(hookGroupId, hookId), (hooks) => hooks.hook(hookGroupId, hookId), props?.rootUrl)), ...local };
      return { id, props: current, inputs: current };
    } catch (err) {
      if (err instanceof HookApiError && err.statusCode === 404) return {};
      throw err;
    }
  },

  async update(_id, _olds, news) {
    const { hookGroupId, hookId, hook, rootUrl } = news;
    await callHooks("updateHook", target(hookGroupId, hookId), (hooks) => hooks.updateHook(hookGroupId, hookId, { ...hook }), rootUrl);
    return { outs: news };
  },

  async delete(_id, props) {
    await removeHookIfPresent(props.hookGroupId, props.hookId, props.rootUrl);
  },
};
