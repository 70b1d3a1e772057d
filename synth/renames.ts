import { isSecretMarker, UNKNOWN_VALUE, type SynthResource } from "./present";
import { ANY_INPUT, replaceRule } from "./replaceRules";

/*
 * A resource is identified by type and name, so when a component names a resource after one of
 * its replacing inputs (a bucket named after its bucket), renaming that input makes the resource
 * disappear under one name and appear under another. Pulumi will delete the one and create the
 * other: for a reviewer that is one replacement, and the resources named after it (its policy, its
 * children) are replaced with it. Values that embed the old name elsewhere are updated because of
 * it. This file finds those relations; text shorter than three characters is never substituted, so
 * a region change (`us` → `eu`) cannot explain unrelated differences.
 */

/** A replacing input's old and new text, and the `type::name` of the resource it replaced. */
export interface Substitution {
  from: string;
  to: string;
  by: string;
}

export interface RenamePair {
  before: SynthResource;
  after: SynthResource;
  /** The replacing input that changed, or `RENAMED_WITH` when the pair follows another renamed resource. */
  reasons: string[];
  /** For a pair that follows another renamed resource: that resource's `type::name`. */
  follows?: string;
}

/** The reason of a replacement that only follows the rename of the resource it is named after. */
export const RENAMED_WITH = "(renamed with another resource)";

const MIN_LENGTH = 3;

/**
 * Pairs removed with added resources of the same type that are one resource renamed. First by a
 * replacing input whose old → new text turns the old name (and parent) into the new one, then,
 * repeatedly, by the substitutions found so far. Returns the pairs and the new substitutions.
 */
export function pairRenames(removed: SynthResource[], added: SynthResource[], known: Substitution[]): { pairs: RenamePair[]; substitutions: Substitution[] } {
  const pairs: RenamePair[] = [];
  const found: Substitution[] = [];
  const free = (r: SynthResource) => !pairs.some((p) => p.before === r || p.after === r);

  for (const b of removed) {
    const rule = replaceRule(b.type);
    if (rule === ANY_INPUT) continue;
    for (const a of added.filter((x) => x.type === b.type && free(x))) {
      const key = rule.find((k) => {
        const s = textChange(b.inputs[k], a.inputs[k]);
        return s !== undefined && renames(b, a, [s]);
      });
      if (key === undefined) continue;
      pairs.push({ before: b, after: a, reasons: [key] });
      addSubstitution(found, { from: b.inputs[key] as string, to: a.inputs[key] as string, by: `${a.type}::${a.name}` });
      break;
    }
  }
  for (let progress = true; progress; ) {
    progress = false;
    const all = [...known, ...found];
    for (const b of removed.filter(free)) {
      for (const a of added.filter((x) => x.type === b.type && free(x))) {
        const s = all.find((x) => renames(b, a, [x]));
        if (s === undefined) continue;
        pairs.push({ before: b, after: a, reasons: [RENAMED_WITH], follows: s.by });
        progress = true;
        break;
      }
    }
  }
  return { pairs, substitutions: found };
}

/** True when applying `subs` to the name and parent of `b` gives those of `a`. */
function renames(b: SynthResource, a: SynthResource, subs: Substitution[]): boolean {
  return subs.some((s) => b.name.includes(s.from)) && apply(subs, b.name) === a.name && apply(subs, b.parent ?? "") === (a.parent ?? "");
}

/** Adds `s` unless the same old → new text is already there: the first resource to make it leads. */
export function addSubstitution(list: Substitution[], s: Substitution): void {
  if (!list.some((x) => x.from === s.from && x.to === s.to)) list.push(s);
}

function textChange(before: unknown, after: unknown): Substitution | undefined {
  if (typeof before !== "string" || typeof after !== "string" || before === after) return undefined;
  if (before.length < MIN_LENGTH || [before, after].some((v) => isSecretMarker(v) || v.includes(UNKNOWN_VALUE))) return undefined;
  return { from: before, to: after, by: "" };
}

/**
 * `text` with every `from` replaced by its `to` in one pass, longest first, so a new name that
 * contains the old one (`tokens` → `tokens2`) is not substituted again.
 */
function apply(subs: Substitution[], text: string): string {
  const usable = subs.filter((s) => s.from.length >= MIN_LENGTH).sort((a, b) => b.from.length - a.from.length);
  if (usable.length === 0) return text;
  const to = new Map(usable.map((s) => [s.from, s.to]));
  const pattern = new RegExp([...to.keys()].map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  return text.replace(pattern, (m) => to.get(m)!);
}

/**
 * The replaced resources whose new text explains every difference of a changed resource (a bucket
 * policy naming the renamed bucket), or none when one difference is not explained or is secret.
 */
export function explainedBy(properties: { before?: unknown; after?: unknown; secret: boolean }[], subs: Substitution[]): string[] {
  const usable = subs.filter((s) => s.from.length >= MIN_LENGTH);
  if (properties.length === 0 || usable.length === 0) return [];
  for (const p of properties) {
    if (p.secret || !("before" in p) || !("after" in p)) return [];
    if (apply(usable, JSON.stringify(p.before)) !== JSON.stringify(p.after)) return [];
  }
  const by = usable.filter((s) => properties.some((p) => JSON.stringify(p.before).includes(s.from))).map((s) => s.by);
  return [...new Set(by)].sort();
}
