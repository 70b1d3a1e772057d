import * as pulumi from "@pulumi/pulumi";
import type { HookConfig } from "../../config";
import { TaskclusterHook } from "./hook";
import { buildHook, type HookBranch } from "./hookDefinition";
import type { PreflightInputs } from "./preflight";

/** Arguments of ProjectHooks. */
export interface ProjectHooksArgs {
  /** Project id, e.g. `tooltool/api`; part of every hook id. */
  project: string;
  /** The project's hooks, as validated by config/ (`hooks` of the project). An empty list makes no hook. */
  hooks: HookConfig[];
  /** The branch's settings: the StackConfig (group, prefix, secret, task defaults, repository). */
  branch: HookBranch;
  /** Image the tasks run, pinned by digest (the project's image from components/docker). */
  image: pulumi.Input<string>;
}

/**
 * The Taskcluster hooks of one project on one branch, one TaskclusterHook each, named
 * `<name><suffix>` (e.g. `tooltool-api-replicate`).
 */
export class ProjectHooks extends pulumi.ComponentResource {
  /** Hook ids, in the order of `hooks`. */
  public readonly hookIds: string[];
  public readonly hooks: TaskclusterHook[];

  constructor(name: string, args: ProjectHooksArgs, opts?: pulumi.ComponentResourceOptions) {
    super("releng-infra:taskcluster:ProjectHooks", name, {}, opts);
    // The image passes through the pure builder untouched: an Output stays one, so only
    // `task.payload.image` is unknown while a new image is pending.
    const built = args.hooks.map((hook) => ({ suffix: hook.suffix, ...buildHook(args.project, hook, args.branch, args.image) }));
    this.hooks = built.map(
      ({ suffix, hookGroupId, hookId, hook }, i) =>
        new TaskclusterHook(`${name}${suffix}`, { hookGroupId, hookId, hook, preflight: preflightInputs(args.hooks[i]!, args.branch), rootUrl: args.branch.taskcluster.rootUrl }, { parent: this }),
    );
    this.hookIds = built.map((b) => b.hookId);
    this.registerOutputs({ hookIds: this.hookIds });
  }
}

/** What preflight checks a hook's template with: the branch secret, role scopes and samples from the stack file. */
function preflightInputs(hook: HookConfig, branch: HookBranch): PreflightInputs {
  return {
    branchSecret: branch.taskcluster.secret,
    ...(hook.roleScopes && { roleScopes: hook.roleScopes }),
    samplePayload: hook.samplePayload,
    samplePulseMessages: hook.samplePulseMessages,
  };
}
