// Taskcluster hooks of a branch: the builder, the dynamic resources and their providers, the
// per-project component and the unmanaged-hook watch.
export { cronProblem } from "./cron";
export { buildHook, fillPlaceholders, type BuiltHook, type HookBranch, type HookRequest } from "./hookDefinition";
export { hookProvider } from "./hookProvider";
export { TaskclusterHook, type TaskclusterHookArgs } from "./hook";
export { UnmanagedHooks, unmanagedHooksProvider } from "./hookPrune";
export { ProjectHooks, type ProjectHooksArgs } from "./projectHooks";
export { watchUnmanagedHooks } from "./unmanagedHooks";
