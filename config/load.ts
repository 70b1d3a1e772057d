import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError, parseStackConfig, type StackConfig } from "./stack";

/** The Pulumi project name, which namespaces every key of a stack file. */
export const PROJECT = "releng-infra";

/** Branches that have a stack file in `dir` (the Pulumi CLI runs programs in the project folder). */
export function branchesWithStackFile(dir: string = process.cwd()): string[] {
  return fs
    .readdirSync(dir)
    .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
    .filter((b): b is string => b !== undefined)
    .sort();
}

/**
 * The `releng-infra:` keys of a flat Pulumi config map (as `pulumi.runtime.allConfig()` returns it),
 * without the namespace, with structured values decoded.
 */
export function projectConfig(all: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    if (!key.startsWith(`${PROJECT}:`)) continue;
    out[key.slice(PROJECT.length + 1)] = decode(value);
  }
  return out;
}

/** Pulumi passes structured values, booleans and numbers as JSON text and strings as they are. */
function decode(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Reads and validates the current stack's config. Throws ConfigError naming the stack file. */
export function loadStackConfig(): StackConfig {
  const stack = pulumi.getStack();
  const file = `Pulumi.${stack}.yaml`;
  const raw = projectConfig(pulumi.runtime.allConfig());
  if (Object.keys(raw).length === 0 && !fs.existsSync(path.join(process.cwd(), file))) {
    const known = branchesWithStackFile();
    throw new ConfigError(stack, file, [
      {
        field: "(the stack file)",
        message: `stack \`${stack}\` has no ${file}: a stack is a branch, and the branches with a stack file are ${known.map((b) => `\`${b}\``).join(", ") || "none"}`,
      },
    ]);
  }
  return parseStackConfig(stack, file, raw);
}
