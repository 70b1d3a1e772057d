/*
 * UnmanagedHooks: a dynamic resource whose create and update remove the hooks it is given (the
 * unmanaged hooks the program found, see unmanagedHooks.ts), so that pruning happens on `pulumi up`
 * and shows in `pulumi preview` as a planned change, never during preview itself.
 *   diff    none: a change whenever there is something to remove
 *   create  removeHook for each id (already gone is fine)
 *   update  same
 *   delete  nothing: removed hooks stay removed
 */
import * as pulumi from "@pulumi/pulumi";
import { removeHookIfPresent } from "./hookApi";

/** Inputs (and outputs) of UnmanagedHooks. */
export interface UnmanagedHooksInputs {
  hookGroupId: string;
  /** Ids to remove from the group. */
  hookIds: string[];
  /** The stack file's root URL, used when `TASKCLUSTER_ROOT_URL` is unset (see TaskclusterHook). */
  rootUrl?: string;
}

async function removeAll({ hookGroupId, hookIds, rootUrl }: UnmanagedHooksInputs): Promise<void> {
  for (const hookId of hookIds) await removeHookIfPresent(hookGroupId, hookId, rootUrl);
}

export const unmanagedHooksProvider: pulumi.dynamic.ResourceProvider<UnmanagedHooksInputs, UnmanagedHooksInputs> = {
  async diff(_id, olds, news) {
    return { changes: news.hookIds.length > 0 || olds.hookGroupId !== news.hookGroupId, replaces: [] };
  },
  async create(inputs) {
    await removeAll(inputs);
    return { id: `${inputs.hookGroupId}/unmanaged`, outs: inputs };
  },
  async update(_id, _olds, news) {
    await removeAll(news);
    return { outs: news };
  },
  async delete() {},
};

/** Removes, on `up`, the hooks listed in `hookIds`. Type token `pulumi-nodejs:dynamic/taskcluster:UnmanagedHooks`. */
export class UnmanagedHooks extends pulumi.dynamic.Resource {
  constructor(name: string, args: UnmanagedHooksInputs, opts?: pulumi.CustomResourceOptions) {
    super(unmanagedHooksProvider, name, { ...args }, opts, "taskcluster", "UnmanagedHooks");
  }
}
