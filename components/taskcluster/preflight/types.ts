/** What preflight needs besides the hook definition; all optional. */
export interface PreflightInputs {
  /** Name of the branch secret; a task that mentions it must hold `secrets:get:<name>`. Default: not checked. */
  branchSecret?: string;
  /**
   * Scopes of the hook's role `assume:hook-id:<group>/<id>`, which the hooks service creates the task
   * with. Default: unknown, so the scopes the Queue asks of the creator are not checked.
   */
  roleScopes?: string[];
  /** Payload of the `triggerHook` context, validated against the hook's triggerSchema. Default: `{}`. */
  samplePayload?: Record<string, unknown>;
  /**
   * Pulse messages by exchange, as the hooks service's listener receives them: `{payload, routingKey?,
   * routes?}`; only `payload` reaches the JSON-e context. Default per binding: a message shaped like
   * the exchange's (Queue task exchanges), or `{payload: {}}`.
   */
  samplePulseMessages?: Record<string, Record<string, unknown>>;
}

/** One thing that would go wrong when the hook fires. */
export interface PreflightProblem {
  /** `schedule`, `triggerHook`, `pulseMessage <exchange>`, or `hook` for the definition itself. */
  context: string;
  /** JSON path, e.g. `task.payload.env.FOO` (template or rendered task), `payload.x` (trigger payload). */
  path: string;
  message: string;
}

/** The outcome of firing a hook in one context. */
export interface PreflightContextResult {
  context: string;
  problems: PreflightProblem[];
  /** The template rendered to null: the hooks service creates no task, which is allowed. */
  declined: boolean;
}

/** One problem before the context is known; callers add it. */
export type Finding = Omit<PreflightProblem, "context">;
