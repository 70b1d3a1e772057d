import type * as pulumi from "@pulumi/pulumi";
import { Struct, type JavaScriptValue } from "google-protobuf/google/protobuf/struct_pb";
import { HerokuServer } from "./server";

/*
 * What the Pulumi engine does with a dynamic provider on `pulumi up` and `pulumi destroy`, reduced
 * to one resource: check, then create, or diff and update/replace, or nothing. Provider tests use
 * it to run the real providers against the local Heroku, as a deployment would.
 */

/** A resource as it stands in state. */
export interface Deployed<O> {
  id: string;
  outs: O;
}

export async function up<I, O>(provider: pulumi.dynamic.ResourceProvider<I, O>, current: Deployed<O> | undefined, inputs: I): Promise<Deployed<O>> {
  const checked = await provider.check!(current?.outs as unknown as I, inputs);
  if (checked.failures && checked.failures.length > 0) {
    throw new Error(`check failed: ${checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
  }
  const news = checked.inputs ?? inputs;
  if (current === undefined) return create(provider, news);
  const diff = await provider.diff!(current.id, current.outs, news);
  if (!diff.changes) return current;
  if ((diff.replaces ?? []).length > 0) {
    if (diff.deleteBeforeReplace) await provider.delete!(current.id, current.outs);
    const replacement = await create(provider, news);
    if (!diff.deleteBeforeReplace) await provider.delete!(current.id, current.outs);
    return replacement;
  }
  const { outs } = await provider.update!(current.id, current.outs, news);
  return { id: current.id, outs: wire(outs as O) };
}

async function create<I, O>(provider: pulumi.dynamic.ResourceProvider<I, O>, inputs: I): Promise<Deployed<O>> {
  const { id, outs } = await provider.create(inputs);
  return { id, outs: wire(outs as O) };
}

/**
 * A provider's answer as the engine receives it: the dynamic provider host sends it as a protobuf
 * Struct, which throws `Unexpected struct type.` on an `undefined` value.
 */
export function wire<T>(value: T): T {
  return Struct.fromJavaScript(value as Record<string, JavaScriptValue>).toJavaScript() as T;
}

/** Starts a local Heroku and points the providers at it through the environment. */
export async function startHeroku(options?: ConstructorParameters<typeof HerokuServer>[0]): Promise<HerokuServer> {
  const server = await new HerokuServer(options).start();
  process.env.HEROKU_API_URL = server.url;
  process.env.HEROKU_REGISTRY_URL = server.url;
  process.env.HEROKU_API_KEY = server.token;
  return server;
}

/** A fake image id (config digest) from a label, so tests can tell images apart. */
export function imageId(label: string): string {
  return `sha256:${Buffer.from(label.padEnd(32, ".")).toString("hex").slice(0, 64)}`;
}
