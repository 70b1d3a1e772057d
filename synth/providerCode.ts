/*
 * Offline synth never shows dynamic providers' code (`__provider`), yet Pulumi serializes it for
 * every provider the program uses, with its closure serializer: about a second per run with our
 * providers, more than the rest of the evaluation. The synth CLI therefore stands a constant in for
 * that text, in its own process only; `--keep-provider-code` (used by the tests that search the
 * code for secrets) keeps the real serialization. Serialization errors are left to `pulumi preview`
 * and to the providers' own tests, which serialize them for real.
 */

/** The `__provider` text of every dynamic resource when serialization is skipped. */
export const SKIPPED_PROVIDER_CODE = "(provider code not serialized by offline synth)";

interface ClosureModule {
  serializeFunction: (...args: unknown[]) => Promise<{ text: string; exportName: string; containsSecrets: boolean }>;
}

/**
 * Replaces Pulumi's `serializeFunction` (as resolved from `dir`, the checkout whose program runs)
 * by a stand-in. Returns false, changing nothing, when this SDK has no such module.
 */
export function skipProviderSerialization(dir: string): boolean {
  let closure: ClosureModule;
  try {
    closure = require(require.resolve("@pulumi/pulumi/runtime/closure/serializeClosure", { paths: [dir] })) as ClosureModule;
  } catch {
    return false;
  }
  if (typeof closure.serializeFunction !== "function") return false;
  closure.serializeFunction = async () => ({ text: SKIPPED_PROVIDER_CODE, exportName: "handler", containsSecrets: false });
  return true;
}
