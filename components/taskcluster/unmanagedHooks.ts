/*
 * Hooks a stack owns but does not declare. A stack owns the ids under its prefix
 * (`services-<branch>-`) in its group; anything else there was left by hand or by old tooling.
 * The program lists the group once per run (preview too: one listHooks request whatever the number
 * of hooks), warns about each such hook, and with `pruneUnmanagedHooks: true` hands the ids to an
 * UnmanagedHooks resource that removes them on `up` (hookPrune.ts).
 */
import * as pulumi from "@pulumi/pulumi";
import { branchesWithStackFile, hookPrefix, type StackConfig } from "../../config";
import { callHooks, HookApiError } from "./hookApi";
import { UnmanagedHooks } from "./hookPrune";
import { offlineSynth } from "./secrets";

/** What decides which listed hooks are unmanaged. */
export interface OwnedHooks {
  /** The stack's prefix, e.g. `services-staging-`. */
  prefix: string;
  /** Hook ids the stack declares. */
  declared: readonly string[];
  /**
   * Prefixes of other branches that start with this one (`services-staging-foo-` for branch
   * `staging-foo` under `services-staging-`): their hooks are theirs, never this stack's.
   */
  otherPrefixes: readonly string[];
}

/**
 * The listed hook ids this stack owns and does not declare, sorted.
 *
 *   unmanagedHookIds(["services-staging-old", "services-staging-a", "other"],
 *                    {prefix: "services-staging-", declared: ["services-staging-a"], otherPrefixes: []})
 *     → ["services-staging-old"]
 */
export function unmanagedHookIds(listed: readonly string[], owned: OwnedHooks): string[] {
  return listed
    .filter((id) => id.startsWith(owned.prefix) && !owned.declared.includes(id))
    .filter((id) => !owned.otherPrefixes.some((other) => other.length > owned.prefix.length && id.startsWith(other)))
    .sort();
}

/**
 * The ids of every hook in a group, in one listHooks request; a group without hooks answers 404.
 * `rootUrl` (the stack file's) applies when `TASKCLUSTER_ROOT_URL` is not set.
 */
export async function listHookIds(hookGroupId: string, rootUrl?: string): Promise<string[]> {
  try {
    const { hooks } = await callHooks("listHooks", `HookGroup=${hookGroupId}`, (client) => client.listHooks(hookGroupId), rootUrl);
    return hooks.map((hook) => String(hook.hookId));
  } catch (err) {
    if (err instanceof HookApiError && err.statusCode === 404) return [];
    throw err;
  }
}

/** The warning for one unmanaged hook. */
export function unmanagedHookWarning(hookGroupId: string, hookId: string, prefix: string, file: string, pruning: boolean): string {
  const action = pruning
    ? "it is removed on `pulumi up` (`pruneUnmanagedHooks: true`)"
    : "declare it, delete it, or set `pruneUnmanagedHooks: true` to remove it on `pulumi up`";
  return `Hook=${hookGroupId}/${hookId} is under this stack's prefix \`${prefix}\` but not declared in ${file}: ${action}.`;
}

/** What a stack owns in its hook group, given the branches that have a stack file. */
export function ownedHooks(config: Pick<StackConfig, "branch" | "taskcluster" | "projects">, branches: readonly string[]): OwnedHooks {
  return {
    prefix: config.taskcluster.hookPrefix,
    declared: config.projects.flatMap((project) => project.hookIds),
    otherPrefixes: branches.filter((branch) => branch !== config.branch).map(hookPrefix),
  };
}

/**
 * Lists the stack's hook group once, warns about each unmanaged hook and, when pruning, registers
 * the UnmanagedHooks resource that removes them on `up`. Returns the unmanaged ids; undefined in
 * offline synth, which reads nothing from Taskcluster (tests that start a local Taskcluster run the
 * program without it and point `TASKCLUSTER_ROOT_URL` at their server).
 */
export async function watchUnmanagedHooks(config: StackConfig, opts?: pulumi.CustomResourceOptions): Promise<string[] | undefined> {
  if (offlineSynth(config)) return undefined;
  const { hookGroupId, hookPrefix: prefix, pruneUnmanagedHooks } = config.taskcluster;
  const unmanaged = unmanagedHookIds(await listHookIds(hookGroupId, config.taskcluster.rootUrl), ownedHooks(config, branchesWithStackFile()));
  for (const hookId of unmanaged) {
    void pulumi.log.warn(unmanagedHookWarning(hookGroupId, hookId, prefix, config.file, pruneUnmanagedHooks));
  }
  if (pruneUnmanagedHooks) new UnmanagedHooks("unmanaged-hooks", { hookGroupId, hookIds: unmanaged, rootUrl: config.taskcluster.rootUrl }, opts);
  return unmanaged;
}
