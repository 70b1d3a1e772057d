import type { Policy, PolicyProviderResource, PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import type { Evaluation } from "../../synth/evaluate";

/*
 * Runs policy-pack rules the way the Pulumi engine does, without the engine: resources are handed
 * to `validateResource` one by one or to `validateStack` all together, and reported violations are
 * collected. Resources come from a mock evaluation of the program or from `policyResource`.
 */

/** One reported violation. */
export interface Violation {
  policy: string;
  message: string;
  /** URN of the resource it was reported against. */
  urn?: string;
}

/** What a test says about a resource; everything else gets the engine's defaults. */
export interface FakeResource {
  type: string;
  name: string;
  props: Record<string, unknown>;
  /** Default: `staging`. */
  stack?: string;
  protect?: boolean;
  /** The provider's type and inputs, e.g. `{ region: "eu-west-1" }`. Default: none. */
  provider?: Record<string, unknown>;
  propertyDependencies?: Record<string, PolicyResource[]>;
}

const PROJECT = "releng-infra";

export function urnOf(stack: string, type: string, name: string): string {
  return `urn:pulumi:${stack}::${PROJECT}::${type}::${name}`;
}

/** A resource as a policy sees it. */
export function policyResource(r: FakeResource): PolicyResource {
  const stack = r.stack ?? "staging";
  const provider: PolicyProviderResource | undefined =
    r.provider === undefined ? undefined : { type: "pulumi:providers:aws", name: "aws", urn: urnOf(stack, "pulumi:providers:aws", "aws"), props: r.provider };
  return {
    type: r.type,
    name: r.name,
    urn: urnOf(stack, r.type, r.name),
    props: r.props,
    opts: { protect: r.protect ?? false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } },
    provider,
    dependencies: [],
    propertyDependencies: r.propertyDependencies ?? {},
    isType: (cls) => (cls as unknown as { __pulumiType?: string }).__pulumiType === r.type,
    asType: () => {
      throw new Error("asType is not supported by the test harness; compare `type` instead");
    },
  };
}

/** The resources a mock evaluation registered, as policies would see them, with their explicit providers. */
export function policyResources(evaluation: Evaluation): PolicyResource[] {
  const byKey = new Map(evaluation.resources.map((r) => [r.key, r]));
  return evaluation.resources.map((r) => {
    const provider = r.provider === undefined ? undefined : byKey.get(r.provider);
    return policyResource({ type: r.type, name: r.name, props: r.inputs, stack: evaluation.stack, protect: r.protect, provider: provider?.inputs });
  });
}

class NotApplicable extends Error {}

/** Runs one rule over `resources` and returns what it reported, in order. */
export async function violationsOf(policy: Policy, resources: PolicyResource[]): Promise<Violation[]> {
  const found: Violation[] = [];
  const defaults = Object.fromEntries(Object.entries(policy.configSchema?.properties ?? {}).map(([k, s]) => [k, (s as { default?: unknown }).default]));
  const common = {
    stackTags: new Map<string, string>(),
    getConfig: <T extends object>() => defaults as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
  };
  const run = async (fn: () => unknown) => {
    try {
      await fn();
    } catch (err) {
      if (!(err instanceof NotApplicable)) throw err;
    }
  };
  if ("validateStack" in policy) {
    const stackPolicy = policy as StackValidationPolicy;
    await run(() => stackPolicy.validateStack({ ...common, resources }, (message, urn) => found.push({ policy: policy.name, message, urn })));
    return found;
  }
  const validations = ([] as unknown[]).concat((policy as ResourceValidationPolicy).validateResource ?? []) as ((a: ResourceValidationArgs, report: (m: string, urn?: string) => void) => unknown)[];
  for (const r of resources) {
    const args = { ...r, ...common } as unknown as ResourceValidationArgs;
    for (const validate of validations) await run(() => validate(args, (message, urn) => found.push({ policy: policy.name, message, urn: urn ?? r.urn })));
  }
  return found;
}
