// Taskcluster hooks of a branch: the builder, the dynamic resource and its provider.
export { cronProblem } from "./cron";
export { buildHook, fillPlaceholders, type BuiltHook, type HookBranch, type HookRequest } from "./hookDefinition";
export { hookProvider } from "./hookProvider";
export { TaskclusterHook, type TaskclusterHookArgs } from "./hook";
