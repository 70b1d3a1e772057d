import * as pulumi from "@pulumi/pulumi";
import type { HookRequest } from "./hookDefinition";
import { hookProvider } from "./hookProvider";
import type { PreflightInputs } from "./preflight";

/** Inputs of a TaskclusterHook. */
export interface TaskclusterHookArgs {
  /** Hook group, e.g. `project-releng`; changing it replaces the hook. */
  hookGroupId: pulumi.Input<string>;
  /** Hook id, e.g. `services-staging-tooltool/api-replicate`; changing it replaces the hook. */
  hookId: pulumi.Input<string>;
  /** The create-hook-request body (see `buildHook`). */
  hook: pulumi.Input<HookRequest>;
  /** Samples and scopes preflight checks the task template with. Default: none (`{}`). */
  preflight?: pulumi.Input<PreflightInputs>;
  /** Taskcluster root URL when `TASKCLUSTER_ROOT_URL` is unset (the stack file's). Default: the environment's only. */
  rootUrl?: pulumi.Input<string>;
}

/**
 * A Taskcluster hook, managed through the Hooks API with the credentials of the environment (see
 * hookApi.ts). Type token `pulumi-nodejs:dynamic/taskcluster:Hook`.
 */
export class TaskclusterHook extends pulumi.dynamic.Resource {
  declare public readonly hookGroupId: pulumi.Output<string>;
  declare public readonly hookId: pulumi.Output<string>;
  declare public readonly hook: pulumi.Output<HookRequest>;

  constructor(name: string, args: TaskclusterHookArgs, opts?: pulumi.CustomResourceOptions) {
    super(hookProvider, name, { ...args }, opts, "taskcluster", "Hook");
  }
}
