import type { Annotation } from './annotation';
import { compareAnnotations, nextAnnotationId } from './annotation';
import type { TextEdit } from './shift';
import { shiftSpan } from './shift';

/**
 * What kind of change: an ordinary edit (false), an undo or a redo when the editor tells them
 * apart, or true for "an undo or a redo". A span cut by an undo comes back on the redo, not on
 * the next undo (which may put back the same characters by chance).
 */
export type UndoKind = boolean | 'undo' | 'redo';

/** Reads the current text between two offsets (after the edits being applied); clamps an end past the text. */
export type TextReader = (start: number, end: number) => string;

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

const MAX_TOMBSTONES = 500;

/**
 * The live annotations of one open document, kept sorted by start, with offsets in the editor's
 * unit (UTF-16). Text edits shift them without re-deriving anything from the text; spans cut or
 * deleted by an edit are remembered and restored when an undo or redo puts their text back.
 * Orphans (annotations with no place in the text) are kept aside, untouched, for the next save.
 */
export class TrackedAnnotations {
  /**
   * The live spans, sorted. Typing moves every span after the cursor by the same amount, so that
   * shift is kept pending (`pendingFrom`, `pendingDelta`) instead of rewriting tens of thousands of
   * spans per keystroke; reading `items` applies it first. Only the keystroke path and range
   * queries read `stored` directly, knowing about the pending shift.
   */
  private stored: Annotation[] = [];
  private pendingFrom = -1;
  private pendingDelta = 0;

  private get items(): Annotation[] {
    this.settle();
    return this.stored;
  }

  private set items(list: Annotation[]) {
    this.stored = list;
    this.pendingFrom = -1;
    this.pendingDelta = 0;
  }

  /** Applies the pending shift to the spans it covers. */
  private settle(): void {
    if (this.pendingFrom < 0) return;
    const from = this.pendingFrom;
    const d = this.pendingDelta;
    this.pendingFrom = -1;
    this.pendingDelta = 0;
    if (d === 0) return;
    const list = this.stored;
    for (let i = from; i < list.length; i++) {
      const a = list[i] as Annotation;
      list[i] = { ...a, start: a.start + d, end: a.end + d };
    }
  }

  /** The start of the i-th stored span, pending shift included. */
  private trueStart(i: number): number {
    const a = this.stored[i] as Annotation;
    return this.pendingFrom >= 0 && i >= this.pendingFrom ? a.start + this.pendingDelta : a.start;
  }

  /** The i-th stored span with the pending shift applied (a copy only when it is shifted). */
  private trueItem(i: number): Annotation {
    const a = this.stored[i] as Annotation;
    return this.pendingFrom >= 0 && i >= this.pendingFrom && this.pendingDelta !== 0 ? { ...a, start: a.start + this.pendingDelta, end: a.end + this.pendingDelta } : a;
  }
  private orphanItems: Annotation[] = [];
  private tombstones: Tombstone[] = [];
  /**
   * Ids removed by the user (directly or by an annotation undo) and not put back since: a text undo
   * must not bring them back into view.
   */
  private readonly removedIds = new Set<string>();
  /**
   * Removed spans, still moved by text edits out of sight (and cut and restored like live ones):
   * when an annotation undo puts one back, its tombstones stay valid and a later text undo restores
   * it whole, as it would have restored it had it never been removed.
   */
  private removedItems: Annotation[] = [];
  /**
   * Every id this session has held (live, orphan, buried or removed). A new annotation must not reuse
   * one: a text undo or an annotation undo would bring the old one back under the same id and
   * replace the new one.
   */
  private readonly usedIds = new Set<string>();
  /** Longest span, so range queries can bound how far back a covering span may start. */
  private maxLength = 0;

  constructor(annotations: readonly Annotation[] = []) {
    this.reset(annotations);
  }

  reset(annotations: readonly Annotation[]): void {
    this.items = annotations.filter((a) => !a.orphan).sort(compareAnnotations);
    this.orphanItems = annotations.filter((a) => a.orphan);
    this.tombstones = [];
    this.removedIds.clear();
    this.removedItems = [];
    this.usedIds.clear();
    for (const a of annotations) this.usedIds.add(a.id);
    this.recomputeMaxLength();
  }

  /**
   * Copies of the tombstones of an annotation (live or removed) on the span given, under another
   * id: the annotation history keeps its copies in a tracker of its own and needs their text
   * history too, so that a copy taken after a cut is restored by the same text undo.
   */
  tombstonesOf(annotation: Annotation): readonly Tombstone[] {
    const now = this.items.find((a) => a.id === annotation.id) ?? this.removedItems.find((a) => a.id === annotation.id);
    if (!now || now.start !== annotation.start || now.end !== annotation.end) return [];
    return this.tombstones.filter((t) => t.annotation.id === annotation.id);
  }

  /**
   * Copies of every tombstone of an id whose span is buried (deleted with its text, neither live
   * nor removed): the annotation history hands them to the live tracker with an annotation it
   * brings back as an orphan, so the text undo that puts the text back restores it live.
   */
  buriedTombstones(id: string): readonly Tombstone[] {
    if (this.items.some((a) => a.id === id) || this.removedItems.some((a) => a.id === id)) return [];
    return this.tombstones.filter((t) => t.annotation.id === id);
  }

  /** Takes tombstones from another tracker (see tombstonesOf) for the annotation with the given id. */
  adoptTombstones(id: string, tombstones: readonly Tombstone[]): void {
    for (const t of tombstones) this.tombstones.push({ ...t, annotation: { ...t.annotation, id }, covered: t.covered.map((c) => ({ ...c })) });
  }

  /** Whether the id was held in this session (live, orphan, removed or buried). */
  hasUsed(id: string): boolean {
    return this.usedIds.has(id);
  }

  /** A fresh id (`tN`) never held in this session, nor in `reserved` (ids about to be added). */
  nextId(reserved: Iterable<string> = []): string {
    const ids = [...this.usedIds, ...reserved].map((id) => ({ id }) as Annotation);
    return nextAnnotationId(ids);
  }

  get all(): readonly Annotation[] {
    return this.items;
  }

  get orphans(): readonly Annotation[] {
    return this.orphanItems;
  }

  get size(): number {
    return this.stored.length;
  }

  byId(id: string): Annotation | undefined {
    return this.items.find((a) => a.id === id) ?? this.orphanItems.find((a) => a.id === id);
  }

  /** Annotations that overlap start..end, or that contain the point when start === end. */
  inRange(start: number, end: number): Annotation[] {
    const out: Annotation[] = [];
    for (let i = this.firstStartingAtOrAfter(start - this.maxLength); i < this.stored.length; i++) {
      const a = this.trueItem(i);
      if (a.start > end || (a.start === end && start !== end)) break;
      const touches = start === end ? a.start <= start && start <= a.end : a.start < end && a.end > start;
      if (touches) out.push(a);
    }
    return out;
  }

  add(annotation: Annotation): void {
    // One id is one annotation: an older copy (from a history entry) is replaced, never doubled.
    this.removeQuietly(annotation.id);
    this.takeBack(annotation);
    const i = this.insertionIndex(annotation);
    this.items.splice(i, 0, annotation);
    this.maxLength = Math.max(this.maxLength, annotation.end - annotation.start);
  }

  /** Adds an annotation to the live spans, or to the orphans when it has no place. */
  put(annotation: Annotation): void {
    if (annotation.orphan) {
      this.removeQuietly(annotation.id);
      this.takeBack(annotation);
      this.orphanItems.push(annotation);
    } else this.add(annotation);
  }

  /**
   * Removes by id (live or orphan); returns the removed annotation. This is the user's removal (or
   * an annotation undo): a text undo will not bring the annotation back unless it is put again.
   */
  remove(id: string): Annotation | undefined {
    this.removedIds.add(id);
    const removed = this.removeQuietly(id);
    if (removed && !removed.orphan) {
      this.removedItems = this.removedItems.filter((a) => a.id !== id);
      this.removedItems.push(removed);
    }
    return removed;
  }

  /**
   * An id comes back into view. Its hidden removed version, if on the same span, keeps its
   * tombstones (the same text history); otherwise they describe another span and are dropped.
   */
  private takeBack(annotation: Annotation): void {
    this.usedIds.add(annotation.id);
    if (!this.removedIds.delete(annotation.id)) return;
    const hidden = this.removedItems.find((a) => a.id === annotation.id);
    this.removedItems = this.removedItems.filter((a) => a.id !== annotation.id);
    const same = hidden !== undefined && !annotation.orphan && hidden.start === annotation.start && hidden.end === annotation.end;
    if (!same) this.tombstones = this.tombstones.filter((t) => t.annotation.id !== annotation.id);
  }

  /** Replaces the annotation with the same id, keeping the order. */
  replace(annotation: Annotation): void {
    if (this.removeQuietly(annotation.id)) this.put(annotation);
  }

  private removeQuietly(id: string): Annotation | undefined {
    for (const list of [this.items, this.orphanItems]) {
      const i = list.findIndex((a) => a.id === id);
      if (i >= 0) return list.splice(i, 1)[0];
    }
    return undefined;
  }

  /**
   * Applies the edits of one document change. Edits are in the coordinates of the text before the
   * change and must not overlap (VS Code's content changes). `read` gives the text after the change.
   * With `isUndoOrRedo`, spans whose text the change put back are restored.
   * Returns whether any annotation moved or changed.
   */
  applyEdits(edits: readonly TextEdit[], read: TextReader, kind: UndoKind = false): boolean {
    if (kind === false && edits.length === 1 && this.fresh.length === 0) {
      const fast = this.applyTyping(edits[0] as TextEdit, read);
      if (fast !== undefined) return fast;
    }
    const isUndoOrRedo = kind !== false;
    /** Whether this change may restore a tombstone buried by an undo (or by anything else). */
    const reverses = (t: Tombstone): boolean => kind === true || (kind === 'redo') === t.byUndo;
    if (edits.length === 0) return false;
    // Last edit first, so the offsets of the earlier ones stay valid.
    const ordered = [...edits].sort((x, y) => y.start - x.start || y.end - x.end);
    let changed = false;
    const retext = new Set<string>();
    /** Tombstones whose burying edit this change replaces wholly: only these may be restored. */
    const undone = new Set<Tombstone>();
    for (const edit of ordered) {
      /** Tombstones whose start this edit puts back in place (already in the coordinates after it). */
      const placed = new Set<Tombstone>();
      const removes = edit.start < edit.end;
      for (const t of this.tombstones) {
        const holdsAt = edit.start <= t.at && t.at <= edit.end;
        if (isUndoOrRedo && holdsAt && edit.insertedLength > 0 && t.covered.length > 0) {
          // Undoing the latest edit that removed the text around this point: it comes back exactly.
          const back = t.covered.pop() as Tombstone['covered'][number];
          t.at = edit.start + back.at;
          t.insertedEnd = back.end === undefined ? Math.max(t.at, shiftPoint(t.insertedEnd, edit)) : edit.start + back.end;
          placed.add(t);
          // Several undo steps can come as one change (a run of backspaces undone at once): it puts
          // back more than the covering edit removed, and this point lies inside what it put back.
          const merged = edit.insertedLength > back.removed && edit.start < t.at && t.insertedEnd < edit.start + edit.insertedLength;
          if (t.covered.length === 0 && merged && reverses(t)) undone.add(t);
        } else if (isUndoOrRedo && holdsAt && t.insertedEnd <= edit.end) {
          if (edit.insertedLength > 0 && t.covered.length === 0 && reverses(t)) undone.add(t);
        } else if (!isUndoOrRedo && removes && holdsAt) {
          const endInside = edit.start <= t.insertedEnd && t.insertedEnd <= edit.end;
          t.covered.push({ at: t.at - edit.start, ...(endInside ? { end: t.insertedEnd - edit.start } : {}), removed: edit.end - edit.start });
        }
      }
      const shifted = (list: readonly Annotation[]): Annotation[] => {
        const next: Annotation[] = [];
        for (const a of list) {
          const outcome = shiftSpan(a, edit);
          switch (outcome.kind) {
            case 'unchanged':
              next.push(a);
              break;
            case 'moved':
              changed = true;
              if (outcome.end - outcome.start !== a.end - a.start) retext.add(a.id);
              next.push({ ...a, start: outcome.start, end: outcome.end });
              break;
            case 'damaged':
              changed = true;
              this.bury(a, edit, kind === 'undo');
              retext.add(a.id);
              next.push({ ...a, start: outcome.start, end: outcome.end });
              break;
            case 'deleted':
              changed = true;
              this.bury(a, edit, kind === 'undo');
              break;
          }
        }
        return next;
      };
      this.items = shifted(this.items);
      this.removedItems = shifted(this.removedItems);
      for (const t of this.tombstones) {
        if (placed.has(t)) continue;
        t.at = shiftPoint(t.at, edit);
        t.insertedEnd = Math.max(t.at, shiftPoint(t.insertedEnd, edit));
      }
      // Buried by this edit: already in the coordinates after it.
      this.tombstones.push(...this.fresh);
      this.fresh = [];
      if (this.tombstones.length > MAX_TOMBSTONES) this.tombstones.splice(0, this.tombstones.length - MAX_TOMBSTONES);
    }
    if (retext.size > 0) {
      const reread = (a: Annotation): Annotation => (retext.has(a.id) ? { ...a, text: read(a.start, a.end) } : a);
      this.items = this.items.map(reread);
      this.removedItems = this.removedItems.map(reread);
    }
    if (undone.size > 0) changed = this.restoreFromTombstones(read, undone) || changed;
    if (changed) {
      this.ensureSorted();
      this.recomputeMaxLength();
    }
    return changed;
  }

  /**
   * The keystroke path: one ordinary edit (not an undo) while no tombstone is pending. Spans wholly
   * after the edit take a pending shift; only the few that can touch the edit (bounded by the
   * longest span) are worked out one by one. Returns undefined to leave the edit to the general
   * path when the result would not stay sorted.
   */
  private applyTyping(edit: TextEdit, read: TextReader): boolean | undefined {
    const delta = edit.insertedLength - (edit.end - edit.start);
    // Everything after the edit moves by delta; find that suffix on true starts.
    let lo = 0;
    let hi = this.stored.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.trueStart(mid) < edit.end) lo = mid + 1;
      else hi = mid;
    }
    const suffix = lo;
    // Spans before the suffix that may touch the edit; earlier ones end before it.
    const first = this.firstStartingAtOrAfter(edit.start - this.maxLength);
    if (this.pendingFrom >= 0 && this.pendingFrom !== suffix) this.settle();
    let changed = false;
    /** What the general path does to one span for this edit; buried spans go to `fresh`. */
    const shiftOne = (a: Annotation, out: Annotation[]): void => {
      const outcome = shiftSpan(a, edit);
      if (outcome.kind === 'unchanged') out.push(a);
      else if (outcome.kind === 'moved') {
        changed = true;
        const moved = { ...a, start: outcome.start, end: outcome.end };
        out.push(outcome.end - outcome.start !== a.end - a.start ? { ...moved, text: read(moved.start, moved.end) } : moved);
      } else if (outcome.kind === 'damaged') {
        changed = true;
        this.bury(a, edit, false);
        out.push({ ...a, start: outcome.start, end: outcome.end, text: read(outcome.start, outcome.end) });
      } else {
        changed = true;
        this.bury(a, edit, false);
      }
    };
    const middle: Annotation[] = [];
    for (let i = first; i < suffix; i++) shiftOne(this.stored[i] as Annotation, middle);
    middle.sort(compareAnnotations);
    const nextSuffix = first + middle.length;
    const lastMiddle = middle[middle.length - 1];
    if (lastMiddle && suffix < this.stored.length) {
      const head = this.trueItem(suffix);
      if (compareAnnotations(lastMiddle, { ...head, start: head.start + delta, end: head.end + delta }) > 0) {
        this.fresh = [];
        return undefined;
      }
    }
    // Nothing below can fail any more: commit, in the order the general path works.
    const removes = edit.start < edit.end;
    for (const t of this.tombstones) {
      if (removes && edit.start <= t.at && t.at <= edit.end) {
        const endInside = edit.start <= t.insertedEnd && t.insertedEnd <= edit.end;
        t.covered.push({ at: t.at - edit.start, ...(endInside ? { end: t.insertedEnd - edit.start } : {}), removed: edit.end - edit.start });
      }
    }
    this.stored.splice(first, suffix - first, ...middle);
    const hadPending = this.pendingFrom >= 0;
    if (delta !== 0 && nextSuffix < this.stored.length) {
      changed = true;
      this.pendingFrom = nextSuffix;
      this.pendingDelta = (hadPending ? this.pendingDelta : 0) + delta;
    } else if (hadPending) this.pendingFrom = nextSuffix;
    for (const a of middle) this.maxLength = Math.max(this.maxLength, a.end - a.start);
    if (this.removedItems.length > 0) {
      const removed: Annotation[] = [];
      for (const a of this.removedItems) shiftOne(a, removed);
      this.removedItems = removed;
    }
    for (const t of this.tombstones) {
      t.at = shiftPoint(t.at, edit);
      t.insertedEnd = Math.max(t.at, shiftPoint(t.insertedEnd, edit));
    }
    this.tombstones.push(...this.fresh);
    this.fresh = [];
    if (this.tombstones.length > MAX_TOMBSTONES) this.tombstones.splice(0, this.tombstones.length - MAX_TOMBSTONES);
    return changed;
  }

  /**
   * Remembers the span as it was before the edit, relative to the edit's place. Every version is
   * kept (a span cut twice has two), so undoing only the later edit restores the version before it.
   */
  private bury(annotation: Annotation, edit: TextEdit, byUndo: boolean): void {
    this.fresh.push({ annotation, at: edit.start, insertedEnd: edit.start + edit.insertedLength, covered: [], byUndo, offsetFromEdit: annotation.start - edit.start });
  }

  /** Tombstones of the edit being applied, added once the older ones have been shifted by it. */
  private fresh: Tombstone[] = [];

  private restoreFromTombstones(read: TextReader, undone: ReadonlySet<Tombstone>): boolean {
    const restored = new Map<string, number>();
    // Oldest first: when several edits are undone at once, the oldest version is the whole span.
    this.tombstones.forEach((t, index) => {
      const a = t.annotation;
      if (!undone.has(t) || restored.has(a.id)) return;
      // The undo puts the text back exactly where the edit took it from; text that merely looks
      // the same nearby is not this span.
      const length = a.end - a.start;
      const start = t.at + t.offsetFromEdit;
      if (length === 0 || start < 0 || read(start, start + length) !== a.text) return;
      if (this.removedIds.has(a.id)) {
        // Removed by the user: restored out of sight, for an annotation undo to bring back.
        const hidden = this.removedItems.find((x) => x.id === a.id) ?? a;
        this.removedItems = [...this.removedItems.filter((x) => x.id !== a.id), { ...hidden, start, end: start + length, text: a.text }];
        restored.set(a.id, index);
        return;
      }
      // What the user changed since (a label, a note) stays; the span and its text come back.
      const current = this.items.find((x) => x.id === a.id) ?? this.orphanItems.find((x) => x.id === a.id);
      const { orphan: _orphan, ...base } = current ?? a;
      this.removeQuietly(a.id);
      const i = this.insertionIndex({ ...base, start, end: start + length, text: a.text } as Annotation);
      this.items.splice(i, 0, { ...base, start, end: start + length, text: a.text } as Annotation);
      restored.set(a.id, index);
    });
    // The restored versions and later ones of the same spans are spent; older ones stay for further undos.
    this.tombstones = this.tombstones.filter((t, index) => {
      const from = restored.get(t.annotation.id);
      return from === undefined || index < from;
    });
    return [...restored.keys()].some((id) => !this.removedIds.has(id));
  }

  private ensureSorted(): void {
    for (let i = 1; i < this.items.length; i++) {
      if (compareAnnotations(this.items[i - 1] as Annotation, this.items[i] as Annotation) > 0) {
        this.items.sort(compareAnnotations);
        return;
      }
    }
  }

  private recomputeMaxLength(): void {
    let max = 0;
    for (const a of this.items) max = Math.max(max, a.end - a.start);
    this.maxLength = max;
  }

  private firstStartingAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.stored.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.trueStart(mid) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private insertionIndex(annotation: Annotation): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareAnnotations(this.items[mid] as Annotation, annotation) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A point moves with text before it; an insertion exactly at the point goes after it. */
function shiftPoint(p: number, edit: TextEdit): number {
  const { start: s, end: e, insertedLength: n } = edit;
  if (e < p || (e === p && s < e)) return p + n - (e - s);
  if (s < p) return s;
  return p;
}
