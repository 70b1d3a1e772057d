import type { ChangeKind, PropertyChange, ResourceChange, StackDiff } from "./diff";
import { formatValue } from "./flatten";
import { RENAMED_WITH } from "./renames";

/*
 * The pull-request comment: per stack, what the change adds, replaces, changes and removes, with
 * property-level differences. Secret values are never rendered, not even their fingerprints: a
 * secret row only says that the value changed.
 */

/** A stack that could not be synthesized on one side of the diff. */
export interface SynthFailure {
  stack: string;
  side: "base" | "change";
  message: string;
}

const HEADINGS: Record<ChangeKind, string> = {
  replace: "Replaced (deleted, then created)",
  change: "Changed (updated in place)",
  add: "Added",
  remove: "Removed",
};
const KINDS: ChangeKind[] = ["replace", "change", "add", "remove"];
const MAX_VALUE = 120;

/** The whole comment for `diffs` (one per stack) of the change against `base`. */
export function renderMarkdown(base: string, diffs: StackDiff[], failures: SynthFailure[] = []): string {
  const out = [`## Offline preview against \`${base}\``, ""];
  out.push(`| stack | ${KINDS.join(" | ")} |`, "|---|---|---|---|---|");
  for (const d of diffs) {
    const count = (k: ChangeKind) => d.changes.filter((c) => c.kind === k).length;
    out.push(`| \`${d.stack}\`${d.status === "existing" ? "" : ` (${d.status})`} | ${KINDS.map((k) => count(k) || "").join(" | ")} |`);
  }
  for (const stack of [...new Set(failures.map((f) => f.stack))]) out.push(`| \`${stack}\` (not synthesized, see below) |  |  |  |  |`);
  out.push("", "Secret values are never shown, only whether they changed; `[unknown]` is a value known only after deploy.", "");
  for (const f of failures) {
    out.push(`> **\`${f.stack}\` could not be synthesized at the ${f.side === "base" ? "base" : "change"}:**`, ">", ...fence(f.message).map((l) => `> ${l}`), "");
  }
  for (const d of diffs) out.push(...renderStack(d));
  return `${out.join("\n").trimEnd()}\n`;
}

function renderStack(d: StackDiff): string[] {
  const out = [`### \`${d.stack}\``, ""];
  if (d.status === "new") out.push("New stack file: everything below is created.", "");
  if (d.status === "deleted") out.push("Stack file deleted: `pulumi destroy` and `pulumi stack rm` remain to be run by hand.", "");
  if (d.changes.length === 0) return [...out, "No changes.", ""];
  // Shown under the replacement they follow from, not on their own.
  const consequences = d.changes.filter((c) => c.causedBy.length > 0);
  for (const kind of KINDS) {
    const changes = d.changes.filter((c) => c.kind === kind && !consequences.includes(c));
    if (changes.length === 0) continue;
    out.push(`#### ${HEADINGS[kind]}`, "");
    const keys = new Set(changes.map(keyOf));
    const roots = changes.filter((c) => c.parent === null || !keys.has(c.parent));
    for (const c of roots) out.push(...renderChange(c, changes, consequences, ""));
  }
  return out;
}

function renderChange(c: ResourceChange, same: ResourceChange[], consequences: ResourceChange[], indent: string): string[] {
  const out = [`${indent}- ${title(c)}${why(c)}`];
  const body = `${indent}  `;
  if (c.kind === "add" && c.properties.length > 0) {
    out.push("", `${body}<details><summary>inputs</summary>`, "", ...table(c.properties, false).map((l) => body + l), "", `${body}</details>`, "");
  } else if (c.kind !== "remove" && c.properties.length > 0) {
    out.push("", ...table(c.properties, true).map((l) => body + l), "");
  }
  for (const [kind, label] of [["replace", "Replaced with it"], ["change", "Updated because of it"]] as const) {
    const caused = consequences.filter((x) => x.kind === kind && x.causedBy.includes(keyOf(c)));
    if (caused.length > 0) out.push(`${body}${label}: ${caused.map(title).join(", ")}`, "");
  }
  for (const child of same.filter((x) => x.parent === keyOf(c))) out.push(...renderChange(child, same, consequences, body));
  return out;
}

function title(c: ResourceChange): string {
  return `**${code(c.name)}** (${code(c.type)})`;
}

function why(c: ResourceChange): string {
  if (c.kind !== "replace") return "";
  const renamed = c.renamedFrom === undefined ? "" : `, renamed from ${code(c.renamedFrom)}`;
  return c.reasons.includes(RENAMED_WITH) ? `${renamed}, with the resource it is named after` : `, because ${c.reasons.map(code).join(", ")} changed${renamed}`;
}

/** A property table; `withBefore` false for a new resource (one value column). */
function table(properties: PropertyChange[], withBefore: boolean): string[] {
  const rows = properties.map((p) => {
    if (!withBefore) return `| ${code(p.path)} | ${p.secret ? "*secret*" : value(p.after)} |`;
    if (p.secret) return `| ${code(p.path)} | *secret* | *secret, ${!("before" in p) ? "added" : !("after" in p) ? "removed" : "changed"}* |`;
    return `| ${code(p.path)} | ${"before" in p ? value(p.before) : "*(none)*"} | ${"after" in p ? value(p.after) : "*(none)*"} |`;
  });
  return withBefore ? ["| property | before | after |", "|---|---|---|", ...rows] : ["| property | value |", "|---|---|", ...rows];
}

function value(v: unknown): string {
  return code(formatValue(v, MAX_VALUE));
}

/** Inline code that survives a Markdown table: pipes escaped, backticks fenced. */
function code(text: string): string {
  const escaped = text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return escaped.includes("`") ? `\`\` ${escaped} \`\`` : `\`${escaped}\``;
}

function fence(text: string): string[] {
  return ["```", ...text.split("\n"), "```"];
}

function keyOf(c: ResourceChange): string {
  return `${c.type}::${c.name}`;
}
