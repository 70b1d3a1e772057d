import { flatten, formatValue } from "./flatten";
import type { SynthDocument, SynthResource } from "./present";

/*
 * The desired state as a reviewer reads it in a terminal: resources as a tree under the stack, each
 * with its inputs, one per line, secrets as [secret] and values known after deploy as [unknown].
 *
 *   pulumi:pulumi:Stack  releng-infra-staging
 *     releng-infra:heroku:App  tokens-api
 *       pulumi-nodejs:dynamic/heroku:App  releng-staging-tokens  [protected]
 *           name   = "releng-staging-tokens"
 */

const STEP = "  ";

/** The text printed by `npm run synth -- --stack <branch>`. */
export function renderTable(doc: SynthDocument): string {
  const keys = new Set(doc.resources.map(keyOf));
  const stackRoot = doc.resources.find((r) => r.type === "pulumi:pulumi:Stack" && r.parent === null);
  const roots = doc.resources.filter((r) => r !== stackRoot && (r.parent === null || !keys.has(r.parent) || r.parent === keyOf(stackRoot)));
  const protectedCount = doc.resources.filter((r) => r.protect).length;
  const lines = [
    `Stack \`${doc.stack}\`: ${doc.resources.length} ${doc.resources.length === 1 ? "resource" : "resources"}, ${protectedCount} protected.`,
    "Secret values show as [secret]; values known only after deploy as [unknown].",
    "",
  ];
  const walk = (r: SynthResource, depth: number) => {
    lines.push(`${STEP.repeat(depth)}${r.type}  ${r.name}${r.protect ? "  [protected]" : ""}`);
    const leaves = flatten(r.inputs);
    const width = Math.max(0, ...leaves.map((l) => l.path.length));
    for (const l of leaves) lines.push(`${STEP.repeat(depth + 2)}${l.path.padEnd(width)} = ${formatValue(l.value)}`);
    for (const child of doc.resources.filter((c) => c !== r && c.parent === keyOf(r) && c !== stackRoot)) walk(child, depth + 1);
  };
  if (stackRoot !== undefined) {
    lines.push(`${stackRoot.type}  ${stackRoot.name}`);
    for (const r of roots) walk(r, 1);
  } else {
    for (const r of roots) walk(r, 0);
  }
  return `${lines.join("\n")}\n`;
}

function keyOf(r: SynthResource | undefined): string {
  return r === undefined ? "" : `${r.type}::${r.name}`;
}
