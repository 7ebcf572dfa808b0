import type { Annotation } from './annotation';
import type { TextEdit } from './shift';

/** A span that an edit deleted or cut, remembered so that undoing the edit brings it back whole. */
export interface Tombstone {
  readonly annotation: Annotation;
  /** Where the edit happened; follows later edits as a point that stays left of insertions at it. */
  at: number;
  /**
   * End of the text the edit inserted (at + its length), followed like `at`. Only a change that
   * replaces all of at..insertedEnd (the undo of this very edit, perhaps merged with later ones)
   * may bring the span back; any other change that happens to re-create its text must not.
   */
  insertedEnd: number;
  /**
   * Where at..insertedEnd was, relative to the start of each later edit that removed text all
   * around it (most recent last). Undo is last in, first out: the next undo that replaces this
   * range undoes the latest of those edits, which puts the range back exactly where it was, and
   * only an undo with nothing left here undoes the burying edit itself.
   */
  readonly covered: { readonly at: number; readonly end?: number; readonly removed: number }[];
  /** Whether the burying change was an undo: then only a redo may restore it. */
  readonly byUndo: boolean;
  /** The span's start minus the edit's start when it was buried. */
  readonly offsetFromEdit: number;
}

/** Tombstones kept per document; the oldest go first. */
const MAX_TOMBSTONES = 500;

/** The tombstone of a span as it was before `edit`, relative to the edit's place. */
export function bury(annotation: Annotation, edit: TextEdit, byUndo: boolean): Tombstone {
  return { annotation, at: edit.start, insertedEnd: edit.start + edit.insertedLength, covered: [], byUndo, offsetFromEdit: annotation.start - edit.start };
}

/** Whether an edit's range holds the tombstone's point. */
export function holdsPoint(t: Tombstone, edit: TextEdit): boolean {
  return edit.start <= t.at && t.at <= edit.end;
}

/** An ordinary edit that removes the text around a tombstone's point covers it (see `covered`). */
export function cover(t: Tombstone, edit: TextEdit): void {
  const endInside = edit.start <= t.insertedEnd && t.insertedEnd <= edit.end;
  t.covered.push({ at: t.at - edit.start, ...(endInside ? { end: t.insertedEnd - edit.start } : {}), removed: edit.end - edit.start });
}

/** Moves a tombstone's points by an edit. */
export function follow(t: Tombstone, edit: TextEdit): void {
  t.at = shiftPoint(t.at, edit);
  t.insertedEnd = Math.max(t.at, shiftPoint(t.insertedEnd, edit));
}

/** Keeps the newest tombstones only. */
export function trimmed(tombstones: Tombstone[]): Tombstone[] {
  if (tombstones.length > MAX_TOMBSTONES) tombstones.splice(0, tombstones.length - MAX_TOMBSTONES);
  return tombstones;
}

/** A point moves with text before it; an insertion exactly at the point goes after it. */
export function shiftPoint(p: number, edit: TextEdit): number {
  const { start: s, end: e, insertedLength: n } = edit;
  if (e < p || (e === p && s < e)) return p + n - (e - s);
  if (s < p) return s;
  return p;
}
