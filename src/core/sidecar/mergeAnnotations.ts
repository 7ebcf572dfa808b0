import type { Annotation } from '../model/annotation';
import type { Relation } from '../model/relation';
import { nextRelationId } from '../model/relation';

/**
 * Union of two versions of one annotator's annotations (mine and one found on disk), for the
 * "merge" answer to a concurrent change: the command line's checked writes, `import --merge` and
 * the editor's "Merge Both". Same span and label is one annotation; where both changed it, mine
 * wins. Ids of theirs that clash with an id already in the result, or that `isTaken` reports
 * (held earlier in the editing session), are renewed.
 *
 * One pass over each side with a set of span keys and a set of ids, and one running counter for
 * new ids: n log n at worst however many annotations both sides hold (a search of the result per
 * annotation made merging 20,000 into 20,000 take minutes).
 */
export function mergeAnnotations(mine: readonly Annotation[], theirs: readonly Annotation[], isTaken: (id: string) => boolean = () => false): Annotation[] {
  return mergeWithIds(mine, theirs, isTaken).merged;
}

/** Annotations and relations of one side of a merge. */
export interface SidecarParts {
  readonly annotations: readonly Annotation[];
  readonly relations: readonly Relation[];
}

/**
 * `mergeAnnotations` with relations: theirs follow their ends to the annotations they became
 * (mine, where both have the span; a renewed id, where theirs clashed). A relation both sides have
 * (same type and ends after that) is one; where ids clash, theirs get fresh `rN` ids.
 */
export function mergeSidecarParts(mine: SidecarParts, theirs: SidecarParts, isTaken: (id: string) => boolean = () => false): { annotations: Annotation[]; relations: Relation[] } {
  const { merged, idOf } = mergeWithIds(mine.annotations, theirs.annotations, isTaken);
  const relations = [...mine.relations];
  const keys = new Set(relations.map(relationKey));
  const ids = new Set(relations.map((r) => r.id));
  for (const r of theirs.relations) {
    const from = idOf.get(r.from);
    const to = idOf.get(r.to);
    if (from === undefined || to === undefined) continue;
    const moved = { ...r, from, to };
    const key = relationKey(moved);
    if (keys.has(key)) continue;
    keys.add(key);
    const id = ids.has(r.id) ? nextRelationId(relations, (x) => ids.has(x)) : r.id;
    ids.add(id);
    relations.push({ ...moved, id });
  }
  return { annotations: merged, relations };
}

/**
 * Three-way merge of one sidecar's annotations and relations (for a git merge driver): starting
 * from mine, what theirs added since `base` is added (as `mergeSidecarParts` adds it), and what
 * theirs removed since `base` is removed where mine still has it unchanged. Changes both sides made
 * to one annotation keep mine. Removing an annotation removes its relations.
 */
export function mergeThreeWay(base: SidecarParts, mine: SidecarParts, theirs: SidecarParts): { annotations: Annotation[]; relations: Relation[] } {
  const theirKeys = new Set(theirs.annotations.map(mergeKey));
  const baseKeys = new Set(base.annotations.map(mergeKey));
  const sameAsBase = new Set(base.annotations.map((a) => JSON.stringify(a)));
  // Removed by theirs, and untouched by me: removed.
  const removed = new Set(mine.annotations.filter((a) => baseKeys.has(mergeKey(a)) && !theirKeys.has(mergeKey(a)) && sameAsBase.has(JSON.stringify(a))).map((a) => a.id));
  const keyOfBase = keysById(base.annotations);
  const keyOfMine = keysById(mine.annotations);
  const keyOfTheirs = keysById(theirs.annotations);
  const theirRelationKeys = new Set(theirs.relations.map((r) => relationKeyBySpan(r, keyOfTheirs)));
  const baseRelationKeys = new Set(base.relations.map((r) => relationKeyBySpan(r, keyOfBase)));
  const keptMine: SidecarParts = {
    annotations: mine.annotations.filter((a) => !removed.has(a.id)),
    relations: mine.relations.filter((r) => {
      if (removed.has(r.from) || removed.has(r.to)) return false;
      const key = relationKeyBySpan(r, keyOfMine);
      return !(baseRelationKeys.has(key) && !theirRelationKeys.has(key));
    }),
  };
  // Theirs adds only what base lacked (what base had and I removed stays removed).
  const keptKeys = new Set(keptMine.annotations.map(mergeKey));
  const added: SidecarParts = {
    // Theirs that base lacked, and theirs I still have (so that their relations find their ends).
    annotations: theirs.annotations.filter((a) => !baseKeys.has(mergeKey(a)) || keptKeys.has(mergeKey(a))),
    relations: theirs.relations.filter((r) => !baseRelationKeys.has(relationKeyBySpan(r, keyOfTheirs))),
  };
  return mergeSidecarParts(keptMine, added);
}

function relationKey(r: Relation): string {
  return `${r.type}\u0000${r.from}\u0000${r.to}`;
}

/** A relation named by its ends' spans and labels, which ids (renumbered on each side) do not tell. */
function relationKeyBySpan(r: Relation, keyOf: ReadonlyMap<string, string>): string {
  const end = (id: string): string => keyOf.get(id) ?? `id\u0000${id}`;
  return `${r.type}\u0001${end(r.from)}\u0001${end(r.to)}`;
}

function keysById(annotations: readonly Annotation[]): Map<string, string> {
  return new Map(annotations.map((a) => [a.id, mergeKey(a)]));
}

function mergeWithIds(mine: readonly Annotation[], theirs: readonly Annotation[], isTaken: (id: string) => boolean): { merged: Annotation[]; idOf: Map<string, string> } {
  const merged = [...mine];
  /** Their id → the id it has in the result. */
  const idOf = new Map<string, string>();
  const mineByKey = new Map(mine.map((a) => [mergeKey(a), a.id]));
  const keys = new Set(mine.map(mergeKey));
  const ids = new Set(mine.map((a) => a.id));
  let highest = 0;
  const note = (id: string): void => {
    const n = idNumber(id);
    if (n !== undefined && n > highest) highest = n;
  };
  for (const a of mine) note(a.id);
  /** The next `tN` above every id in the result that is not taken elsewhere. */
  const fresh = (): string => {
    let id = `t${++highest}`;
    while (isTaken(id) || ids.has(id)) id = `t${++highest}`;
    return id;
  };
  for (const t of theirs) {
    const key = mergeKey(t);
    if (keys.has(key)) {
      const same = mineByKey.get(key);
      if (same !== undefined) idOf.set(t.id, same);
      continue;
    }
    keys.add(key);
    const id = ids.has(t.id) || isTaken(t.id) ? fresh() : t.id;
    ids.add(id);
    note(id);
    idOf.set(t.id, id);
    merged.push(id === t.id ? t : { ...t, id });
  }
  return { merged, idOf };
}

/**
 * What makes two annotations the same tag. An orphan's offsets are only where it used to be, so an
 * orphan is the same as another orphan with the same quote and label, never as a placed span that
 * happens to sit at those offsets (which would drop that span from the merge).
 */
function mergeKey(a: Annotation): string {
  const fragments = a.fragments ? `:${a.fragments.map(([s, e]) => `${s}-${e}`).join(',')}` : '';
  return a.orphan ? `orphan\u0000${a.label}\u0000${a.text}` : `${a.start}:${a.end}:${a.label}${fragments}`;
}

function idNumber(id: string): number | undefined {
  const match = /^t(\d+)$/.exec(id);
  return match ? Number(match[1]) : undefined;
}
