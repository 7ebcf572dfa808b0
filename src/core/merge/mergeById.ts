import type { FieldRecord } from './mergeRecord';
import { mergeRecord, sameValue } from './mergeRecord';

/** An item of a sidecar list that carries a stable id: an annotation, and in schema 2 a relation. */
export interface IdRecord extends FieldRecord {
  readonly id: string;
}

/** Why an item could not be merged alone. */
export type ConflictReason = 'changed-both' | 'added-both' | 'removed-ours' | 'removed-theirs';

/** One item both sides changed incompatibly: the merged list holds `ours`; `theirs` is the other answer. */
export interface ItemConflict<T extends IdRecord> {
  readonly id: string;
  readonly reason: ConflictReason;
  /** The contested fields; empty when one side removed the item. */
  readonly fields: readonly string[];
  readonly base?: T;
  /** Ours, with every field theirs changed alone already taken; absent when ours removed it. */
  readonly ours?: T;
  /** Theirs, likewise; absent when theirs removed it. */
  readonly theirs?: T;
}

export interface ListMerge<T extends IdRecord> {
  readonly items: readonly T[];
  readonly conflicts: readonly ItemConflict<T>[];
}

export interface ListMergeOptions<T extends IdRecord> {
  /**
   * What makes two items the same thing whatever their ids (an annotation's span and label). Two
   * annotators on two branches both take the next free id, so new items are matched by this
   * first, and an id both sides gave to different things is renewed on theirs.
   */
  readonly identity: (item: T) => string;
  /** A fresh id, not used by any of the three versions nor handed out before. */
  readonly freshId: () => string;
}

/**
 * Three-way merge of an id'd list. Per id: unchanged on one side takes the other side (including
 * its removal); changed on both merges field by field, contested fields making a conflict; removed
 * on one side and changed on the other is a conflict. Items new on both sides are matched by
 * identity (the same span and label is one annotation, whatever its ids), and a new id both sides
 * used for different things keeps ours and gives theirs a fresh id. Result in ours' order, then
 * theirs' additions; the writer sorts.
 */
export function mergeById<T extends IdRecord>(base: readonly T[], ours: readonly T[], theirs: readonly T[], options: ListMergeOptions<T>): ListMerge<T> {
  const baseById = new Map(base.map((b) => [b.id, b]));
  const theirsById = new Map(theirs.map((t) => [t.id, t]));
  const oursIds = new Set(ours.map((o) => o.id));
  const items: T[] = [];
  const conflicts: ItemConflict<T>[] = [];
  /** Identities of ours' new items, to meet theirs' new items holding the same thing under another id. */
  const oursAdded = new Map<string, number>();
  const handled = new Set<string>();

  for (const o of ours) {
    const b = baseById.get(o.id);
    const t = theirsById.get(o.id);
    if (b === undefined) {
      if (t !== undefined && options.identity(t) === options.identity(o)) {
        handled.add(t.id);
        pushMerged(undefined, o, t, 'added-both');
      } else {
        items.push(o);
        oursAdded.set(options.identity(o), items.length - 1);
      }
      continue;
    }
    handled.add(o.id);
    if (t === undefined) {
      // Theirs removed it: fine when ours left it alone.
      if (!sameValue(b, o)) {
        conflicts.push({ id: o.id, reason: 'removed-theirs', fields: [], base: b, ours: o });
        items.push(o);
      }
      continue;
    }
    pushMerged(b, o, t, 'changed-both');
  }

  for (const t of theirs) {
    if (handled.has(t.id)) continue;
    const b = baseById.get(t.id);
    if (b !== undefined) {
      // Ours removed it: fine when theirs left it alone.
      if (!sameValue(b, t)) conflicts.push({ id: t.id, reason: 'removed-ours', fields: [], base: b, theirs: t });
      continue;
    }
    const same = oursAdded.get(options.identity(t));
    if (same !== undefined) {
      const o = items[same] as T;
      const merged = mergeRecord(undefined, o, { ...t, id: o.id });
      items[same] = merged.ours as T;
      if (merged.contested.length > 0) conflicts.push({ id: o.id, reason: 'added-both', fields: merged.contested, ours: merged.ours as T, theirs: merged.theirs as T });
      continue;
    }
    items.push(oursIds.has(t.id) ? { ...t, id: options.freshId() } : t);
  }
  return { items, conflicts };

  function pushMerged(b: T | undefined, o: T, t: T, reason: ConflictReason): void {
    const merged = mergeRecord(b, o, t);
    items.push(merged.ours as T);
    if (merged.contested.length > 0) {
      conflicts.push({ id: o.id, reason, fields: merged.contested, ...(b !== undefined ? { base: b } : {}), ours: merged.ours as T, theirs: merged.theirs as T });
    }
  }
}
