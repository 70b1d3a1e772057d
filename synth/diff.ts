import { containsSecret, flatten, topLevelKey } from "./flatten";
import { isSecretMarker, UNKNOWN_VALUE, type SynthDocument, type SynthResource } from "./present";
import { replacingKeys } from "./replaceRules";
import { addSubstitution, explainedBy, pairRenames, type Substitution } from "./renames";

/*
 * What a change does to one stack, from the synth of the base and the synth of the change. Pure:
 * two documents in, plain data out; the Markdown is rendered elsewhere.
 */

/** One property that differs. A side is absent when the property is new or gone. */
export interface PropertyChange {
  /** Display path, e.g. `vars.DATABASE_URL`; `(protect)` and `(parent)` for those options. */
  path: string;
  before?: unknown;
  after?: unknown;
  /** True when either side is secret: then neither value may be shown, only that it changed. */
  secret: boolean;
}

export type ChangeKind = "add" | "replace" | "change" | "remove";

export interface ResourceChange {
  kind: ChangeKind;
  type: string;
  /** The name after the change (before it, for a removal). */
  name: string;
  /** The name before the change, when a replacement also renamed the resource. */
  renamedFrom?: string;
  /** `type::name` of the parent (after the change, except for a removal). */
  parent: string | null;
  /** For a replacement: the inputs that force it, or `RENAMED_WITH` when it follows a renamed resource. */
  reasons: string[];
  /** Property-level differences; for an addition, every input of the new resource. */
  properties: PropertyChange[];
  /** Keys of the replaced resources whose new text explains every difference of this one. */
  causedBy: string[];
}

export interface StackDiff {
  stack: string;
  /** `new` when only the change has the stack file, `deleted` when only the base has it. */
  status: "new" | "deleted" | "existing";
  changes: ResourceChange[];
}

export const PROTECT = "(protect)";
export const PARENT = "(parent)";

const ORDER: Record<ChangeKind, number> = { replace: 0, change: 1, add: 2, remove: 3 };

/** Differences between the base and the change's desired state of one stack (either may be absent). */
export function diffDocuments(base: SynthDocument | undefined, head: SynthDocument | undefined): StackDiff {
  const stack = head?.stack ?? base?.stack ?? "";
  const before = new Map((base?.resources ?? []).map((r) => [keyOf(r), r]));
  const after = new Map((head?.resources ?? []).map((r) => [keyOf(r), r]));
  const changes: ResourceChange[] = [];
  const substitutions: Substitution[] = [];

  for (const [key, b] of before) {
    const a = after.get(key);
    if (a === undefined) continue;
    const c = compare(b, a, []);
    if (c !== undefined) changes.push(c);
  }
  const removed = [...before.keys()].filter((k) => !after.has(k)).map((k) => before.get(k)!);
  const added = [...after.keys()].filter((k) => !before.has(k)).map((k) => after.get(k)!);
  for (const c of changes) if (c.kind === "replace") substitutionsOf(c).forEach((s) => addSubstitution(substitutions, s));

  const renames = pairRenames(removed, added, substitutions);
  renames.substitutions.forEach((s) => addSubstitution(substitutions, s));
  const follows = new Map<ResourceChange, string>();
  for (const { before: b, after: a, reasons, follows: leader } of renames.pairs) {
    const c = compare(b, a, reasons)!;
    changes.push({ ...c, kind: "replace", renamedFrom: b.name, reasons: c.reasons.length > 0 ? c.reasons : reasons });
    if (leader !== undefined) follows.set(changes[changes.length - 1]!, leader);
  }
  const paired = new Set(renames.pairs.flatMap((r) => [r.before, r.after]));
  for (const r of added.filter((r) => !paired.has(r))) {
    changes.push({ kind: "add", type: r.type, name: r.name, parent: r.parent, reasons: [], properties: flatten(r.inputs).map((l) => ({ path: l.path, after: l.value, secret: containsSecret(l.value) })), causedBy: [] });
  }
  for (const r of removed.filter((r) => !paired.has(r))) {
    changes.push({ kind: "remove", type: r.type, name: r.name, parent: r.parent, reasons: [], properties: [], causedBy: [] });
  }
  // A replacement or change whose every difference is another replaced resource's new text (a
  // bucket's settings naming the renamed bucket) follows from that one.
  for (const c of changes) {
    const leader = follows.get(c);
    if (leader !== undefined && leader !== keyOf(c)) c.causedBy = [leader];
    else if (c.kind === "replace" || c.kind === "change") c.causedBy = explainedBy(c.properties, substitutions.filter((s) => s.by !== keyOf(c)));
  }
  // Two resources never follow each other: the first registered leads.
  const byKey = new Map(changes.map((c) => [keyOf(c), c]));
  for (const c of changes) c.causedBy = c.causedBy.filter((k) => !(byKey.get(k)?.causedBy ?? []).includes(keyOf(c)));

  changes.sort((x, y) => ORDER[x.kind] - ORDER[y.kind] || x.type.localeCompare(y.type) || x.name.localeCompare(y.name));
  return { stack, status: base === undefined ? "new" : head === undefined ? "deleted" : "existing", changes };
}

/** The change from `b` to `a` (same resource, or a renamed pair), or undefined when equal. */
function compare(b: SynthResource, a: SynthResource, reasons: string[]): ResourceChange | undefined {
  const properties = diffProperties(b, a);
  if (properties.length === 0 && reasons.length === 0) return undefined;
  const inputs = properties.map((p) => p.path).filter((p) => p !== PROTECT && p !== PARENT).map(topLevelKey);
  const replacing = replacingKeys(a.type, inputs);
  return { kind: replacing.length > 0 ? "replace" : "change", type: a.type, name: a.name, parent: a.parent, reasons: replacing, properties, causedBy: [] };
}

function diffProperties(b: SynthResource, a: SynthResource): PropertyChange[] {
  const left = new Map(flatten(b.inputs).map((l) => [l.path, l.value]));
  const right = new Map(flatten(a.inputs).map((l) => [l.path, l.value]));
  const out: PropertyChange[] = [];
  for (const path of new Set([...left.keys(), ...right.keys()])) {
    const has = [left.has(path), right.has(path)];
    const [x, y] = [left.get(path), right.get(path)];
    if (has[0] && has[1] && JSON.stringify(x) === JSON.stringify(y)) continue;
    out.push({ path, ...(has[0] ? { before: x } : {}), ...(has[1] ? { after: y } : {}), secret: containsSecret(x) || containsSecret(y) });
  }
  if (b.protect !== a.protect) out.push({ path: PROTECT, before: b.protect, after: a.protect, secret: false });
  if (b.parent !== a.parent) out.push({ path: PARENT, before: b.parent, after: a.parent, secret: false });
  return out;
}

/** Old → new values of the replacing inputs of a replacement, when both are plain text. */
function substitutionsOf(c: ResourceChange): Substitution[] {
  return c.properties
    .filter((p) => c.reasons.includes(p.path) && typeof p.before === "string" && typeof p.after === "string")
    .filter((p) => !isSecretMarker(p.before) && !isSecretMarker(p.after) && p.before !== UNKNOWN_VALUE && p.after !== UNKNOWN_VALUE)
    .map((p) => ({ from: p.before as string, to: p.after as string, by: `${c.type}::${c.name}` }));
}

function keyOf(r: { type: string; name: string }): string {
  return `${r.type}::${r.name}`;
}
