import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { mockCall, mockState } from "./mocks";

/*
 * Evaluates the real program for one stack under Pulumi's mock runtime: no CLI, no engine, no cloud.
 * Pulumi's runtime is process-global, so one process evaluates one stack (node --test runs each test
 * file in its own process; the synth command is a process per stack).
 */

/** Marks a secret value in recorded inputs, as the Pulumi wire protocol does. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** The value Pulumi sends for anything not known until deploy. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** One resource as the program registered it. */
export interface RecordedResource {
  type: string;
  name: string;
  /** `type::name`, unique within a stack. */
  key: string;
  /** Key of the parent; undefined for children of the stack. */
  parent?: string;
  custom: boolean;
  /** Inputs with secrets unwrapped (see `secretPaths`); unknown values are `UNKNOWN`. */
  inputs: Record<string, unknown>;
  /** Dotted paths of inputs that were secret, e.g. `vars.DATABASE_URL`. */
  secretPaths: string[];
  protect: boolean;
  /** Keys of the resources this one explicitly depends on. */
  dependsOn: string[];
  /** Key of the provider given explicitly (`pulumi:providers:aws::name`); undefined for the default provider. */
  provider?: string;
}

export interface Evaluation {
  stack: string;
  resources: RecordedResource[];
  /** Stack outputs, secrets unwrapped. */
  outputs: Record<string, unknown>;
  /** Dotted paths of stack outputs that are secret, e.g. `frontends.docs.deployUser.secretAccessKey` (always set by `evaluateStack`). */
  secretOutputPaths?: string[];
}

export interface EvaluateOptions {
  /**
   * Folder holding the stack files, made the working directory as the Pulumi CLI does. The program
   * is always this repository's `index.ts`. Default: the repository root.
   */
  dir?: string;
  /** Evaluate as `pulumi preview` (true) or `pulumi up` (false). Default: true. */
  preview?: boolean;
  /** State returned for a new resource, on top of its inputs. Default: synth/mocks. */
  mockState?: (type: string, name: string, inputs: Record<string, unknown>) => Record<string, unknown>;
  /** Answer to provider functions (`aws:...:getX`). Default: synth/mocks, which fails on unknown tokens. */
  call?: (token: string, inputs: Record<string, unknown>) => Record<string, unknown>;
  /** Module exporting the program (used by the synth benchmark's empty program). Default: `index.ts`. */
  program?: string;
}

const PROJECT = "releng-infra";
const ROOT = path.resolve(__dirname, "..");

/** The `config:` map of a stack file, flattened as the Pulumi CLI hands it to a program. */
export function readStackFileConfig(dir: string, stack: string): Record<string, string> {
  const file = path.join(dir, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file)) return {};
  const doc = (parseYaml(fs.readFileSync(file, "utf8")) ?? {}) as { config?: Record<string, unknown> };
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc.config ?? {})) {
    const full = key.includes(":") ? key : `${PROJECT}:${key}`;
    flat[full] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return flat;
}

/** Evaluates the program for `stack` and returns what it registered. */
export async function evaluateStack(stack: string, options: EvaluateOptions = {}): Promise<Evaluation> {
  const dir = options.dir ?? ROOT;
  // The SDK must be loaded after the config is in place, and only once per process.
  const pulumi = await import("@pulumi/pulumi");
  process.chdir(dir);
  pulumi.runtime.setAllConfig(readStackFileConfig(dir, stack));

  const byUrn = new Map<string, RecordedResource>();
  const opts = new Map<string, { parent?: string; protect: boolean; dependsOn: string[]; provider?: string }>();
  const recorded: RecordedResource[] = [];

  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const { value, secretPaths } = unwrap(args.inputs ?? {});
        const inputs = value as Record<string, unknown>;
        const resource: RecordedResource = {
          type: args.type,
          name: args.name,
          key: `${args.type}::${args.name}`,
          custom: args.custom ?? true,
          inputs,
          secretPaths,
          protect: false,
          dependsOn: [],
        };
        recorded.push(resource);
        byUrn.set(`${args.type}::${args.name}`, resource);
        const extra = (options.mockState ?? mockState)(args.type, args.name, inputs);
        return { id: args.custom === false ? undefined : `${args.name}-id`, state: { ...args.inputs, ...extra } };
      },
      call(args) {
        return (options.call ?? mockCall)(args.token, args.inputs);
      },
    },
    PROJECT,
    stack,
    options.preview ?? true,
  );

  const program = require(options.program ?? path.join(ROOT, "index.ts")) as (() => Promise<Record<string, unknown>>) | { default: () => Promise<Record<string, unknown>> };
  const main = typeof program === "function" ? program : program.default;

  let failure: { err: unknown } | undefined;
  let secretOutputPaths: string[] = [];
  const outputs = await pulumi.runtime.runInPulumiStack(async () => {
    pulumi.runtime.registerStackTransformation((args) => {
      opts.set(`${args.type}::${args.name}`, {
        parent: args.opts.parent === undefined || args.opts.parent === pulumi.runtime.getStackResource() ? undefined : keyOf(args.opts.parent),
        protect: args.opts.protect === true,
        dependsOn: toArray(args.opts.dependsOn as unknown).map(keyOf),
        provider: args.opts.provider === undefined ? undefined : keyOf(args.opts.provider),
      });
      return undefined;
    });
    // A failing program is reported by rethrowing below: letting it reject here would also
    // reject the stack resource's own promises, which nothing awaits.
    return main().then(async (out) => {
      secretOutputPaths = await secretPathsOf(pulumi, out);
      return out;
    }).catch((err: unknown) => {
      failure = { err };
      return {};
    });
  });
  await settle(pulumi);
  if (failure !== undefined) throw failure.err;

  for (const [key, o] of opts) {
    const r = byUrn.get(key);
    if (r === undefined) continue;
    r.parent = o.parent;
    r.protect = o.protect;
    r.dependsOn = o.dependsOn;
    r.provider = o.provider;
  }
  return { stack, resources: recorded, outputs: unwrap(outputs ?? {}).value as Record<string, unknown>, secretOutputPaths };
}

/** Waits until every registration the program started has reached the mock monitor. */
async function settle(pulumi: typeof import("@pulumi/pulumi")): Promise<void> {
  // Registrations are promise chains; a few turns of the event loop let them drain.
  for (let i = 0; i < 5; i++) {
    await pulumi.runtime.awaitStackRegistrations?.();
    await new Promise((r) => setImmediate(r));
  }
}

/** Paths of the secret Outputs in the plain objects and arrays a program returns (not looking inside Outputs or resources). */
async function secretPathsOf(pulumi: typeof import("@pulumi/pulumi"), value: unknown, at = ""): Promise<string[]> {
  if (pulumi.Output.isInstance(value)) return (await pulumi.isSecret(value)) ? [at] : [];
  if (value === null || pulumi.Resource.isInstance(value) || typeof value !== "object") return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return (await Promise.all(entries.map(([k, v]) => secretPathsOf(pulumi, v, join(at, k))))).flat();
}

function toArray<T>(x: T | T[] | undefined): T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
}

/** `type::name` of a resource object. */
function keyOf(resource: unknown): string {
  const r = resource as { __pulumiType?: string; __name?: string };
  return `${r.__pulumiType}::${r.__name}`;
}

/** Strips Pulumi's secret wrappers, remembering where they were. */
export function unwrap(value: unknown, at = ""): { value: unknown; secretPaths: string[] } {
  if (Array.isArray(value)) {
    const paths: string[] = [];
    const out = value.map((v, i) => {
      const u = unwrap(v, join(at, String(i)));
      paths.push(...u.secretPaths);
      return u.value;
    });
    return { value: out, secretPaths: paths };
  }
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (obj[SIG_KEY] === SECRET_SIG) {
      const inner = unwrap(obj.value, at);
      return { value: inner.value, secretPaths: [at || "(whole value)", ...inner.secretPaths.filter((p) => p !== at)] };
    }
    const paths: string[] = [];
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) {
      const u = unwrap(v, join(at, k));
      paths.push(...u.secretPaths);
      out[k] = u.value;
    }
    return { value: out, secretPaths: paths };
  }
  return { value, secretPaths: [] };
}

function join(a: string, b: string): string {
  return a === "" ? b : `${a}.${b}`;
}
