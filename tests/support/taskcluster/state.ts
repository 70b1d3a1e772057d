/**
 * What the local Taskcluster server holds, and the direct access tests get to it (seed, edit or
 * delete a hook by hand, put a secret) without going through the API.
 */

/** A hook as the Hooks service stores and returns it (`hook-definition` schema). */
export interface HookDefinition {
  hookGroupId: string;
  hookId: string;
  metadata: { name: string; description: string; owner: string; emailOnError: boolean };
  task: Record<string, unknown>;
  schedule: string[];
  triggerSchema: Record<string, unknown>;
  bindings: { exchange: string; routingKeyPattern: string }[];
}

/** A secret as the Secrets service returns it. */
export interface SecretValue {
  secret: Record<string, unknown>;
  /** ISO date-time. */
  expires: string;
}

/** A hook's server-side fields, defaults filled in; omitted fields take the service's defaults. */
export function hookDefinition(hook: Partial<HookDefinition> & Pick<HookDefinition, "hookGroupId" | "hookId">): HookDefinition {
  return structuredClone({
    hookGroupId: hook.hookGroupId,
    hookId: hook.hookId,
    metadata: { name: hook.hookId, description: "", owner: "nobody@example.com", emailOnError: true, ...hook.metadata },
    task: hook.task ?? {},
    schedule: hook.schedule ?? [],
    triggerSchema: hook.triggerSchema ?? { type: "object", additionalProperties: false },
    bindings: hook.bindings ?? [],
  });
}

/** The hooks table; every read and write copies, so tests and server never share objects. */
export class HookStore {
  private readonly hooks = new Map<string, HookDefinition>();

  private static key(hookGroupId: string, hookId: string): string {
    return `${hookGroupId}/${hookId}`;
  }

  /** The stored hook, or undefined. */
  get(hookGroupId: string, hookId: string): HookDefinition | undefined {
    const hook = this.hooks.get(HookStore.key(hookGroupId, hookId));
    return hook && structuredClone(hook);
  }

  /** Stores a hook as is (tests: seed one; server: after validation), filling the service's defaults. */
  put(hook: Partial<HookDefinition> & Pick<HookDefinition, "hookGroupId" | "hookId">): HookDefinition {
    const definition = hookDefinition(hook);
    this.hooks.set(HookStore.key(hook.hookGroupId, hook.hookId), definition);
    return structuredClone(definition);
  }

  /** Edits a stored hook by hand, as someone in the Taskcluster UI would; throws if it is absent. */
  edit(hookGroupId: string, hookId: string, change: (hook: HookDefinition) => void): HookDefinition {
    const hook = this.get(hookGroupId, hookId);
    if (!hook) throw new Error(`no hook ${hookGroupId}/${hookId} to edit`);
    change(hook);
    return this.put(hook);
  }

  /** Deletes a hook; returns whether it existed. */
  delete(hookGroupId: string, hookId: string): boolean {
    return this.hooks.delete(HookStore.key(hookGroupId, hookId));
  }

  /** The hooks of one group, or of every group, sorted by id. */
  list(hookGroupId?: string): HookDefinition[] {
    return [...this.hooks.values()]
      .filter((hook) => hookGroupId === undefined || hook.hookGroupId === hookGroupId)
      .sort((a, b) => HookStore.key(a.hookGroupId, a.hookId).localeCompare(HookStore.key(b.hookGroupId, b.hookId)))
      .map((hook) => structuredClone(hook));
  }
}

/** The secrets table. */
export class SecretStore {
  private readonly secrets = new Map<string, SecretValue>();

  /** Stores a secret; `expires` defaults to a year from now. */
  set(name: string, secret: Record<string, unknown>, expires = new Date(Date.now() + 365 * 86400_000).toJSON()): void {
    this.secrets.set(name, structuredClone({ secret, expires }));
  }

  get(name: string): SecretValue | undefined {
    const value = this.secrets.get(name);
    return value && structuredClone(value);
  }

  delete(name: string): boolean {
    return this.secrets.delete(name);
  }
}
