import type { Annotation } from './annotation';
import { compareAnnotations } from './annotation';
import type { Span, TextEdit } from './shift';
import { shiftSpan } from './shift';
import type { Fragments } from './fragments';
import { coveredText, fragmentsAfterEdit, moved } from './fragments';
import type { Relation } from './relation';
import { compareRelations, nextRelationId } from './relation';
import { LazyShiftedSpans } from './lazyShiftedSpans';
import { SessionIds } from './sessionIds';
import type { Tombstone } from './tombstones';
import { bury, cover, follow, holdsPoint, shiftPoint, trimmed } from './tombstones';

export type { Tombstone } from './tombstones';

/**
 * What kind of change: an ordinary edit (false), an undo or a redo when the editor tells them
 * apart, or true for "an undo or a redo". A span cut by an undo comes back on the redo, not on
 * the next undo (which may put back the same characters by chance).
 */
export type UndoKind = boolean | 'undo' | 'redo';

/** Reads the current text between two offsets (after the edits being applied); clamps an end past the text. */
export type TextReader = (start: number, end: number) => string;

/** What one edit does to one span: its new version (if any), and whether its text must be read again. */
interface SpanAfterEdit {
  readonly next?: Annotation;
  readonly changed: boolean;
  readonly retext: boolean;
  readonly buried: boolean;
}

/** The one rule of moving a span by an edit (see `shiftSpan`), shared by the general and keystroke paths. */
function spanAfterEdit(a: Annotation, edit: TextEdit): SpanAfterEdit {
  if (a.fragments) return fragmentedAfterEdit(a, a.fragments, edit);
  const outcome = shiftSpan(a, edit);
  switch (outcome.kind) {
    case 'unchanged':
      return { next: a, changed: false, retext: false, buried: false };
    case 'moved':
      return { next: { ...a, start: outcome.start, end: outcome.end }, changed: true, retext: outcome.end - outcome.start !== a.end - a.start, buried: false };
    case 'damaged':
      return { next: { ...a, start: outcome.start, end: outcome.end }, changed: true, retext: true, buried: true };
    case 'deleted':
      return { changed: true, retext: false, buried: true };
  }
}

/**
 * A discontinuous span: each fragment moves by the span rule; the cover follows them. Text typed
 * between fragments stays outside; a fragment whose text is deleted drops out, and when one is
 * left the annotation is an ordinary span again. Its text is read again whenever a fragment changed length
 * or had text replaced.
 * An edit that cuts or deletes a fragment's text, or joins two fragments, buries the whole version
 * before it, as a cut buries an ordinary span: the text undo brings every fragment back.
 */
function fragmentedAfterEdit(a: Annotation, fragments: Fragments, edit: TextEdit): SpanAfterEdit {
  const next = fragmentsAfterEdit(fragments, edit);
  if (!next) return { changed: true, retext: false, buried: true };
  const buried = next.length !== fragments.length || fragments.some(([start, end]) => cutsText({ start, end }, edit));
  const first = next[0] as readonly [number, number];
  const last = next[next.length - 1] as readonly [number, number];
  const same = next.length === fragments.length && next.every((f, i) => f[0] === fragments[i]?.[0] && f[1] === fragments[i]?.[1]);
  if (same && !buried) return { next: a, changed: false, retext: false, buried: false };
  const lengths = (list: Fragments): string => list.map(([s, e]) => e - s).join(',');
  const { fragments: _old, ...rest } = a;
  const base = { ...rest, start: first[0], end: last[1] };
  return { next: next.length > 1 ? { ...base, fragments: next } : base, changed: true, retext: buried || lengths(next) !== lengths(fragments), buried };
}

/** Same start, end and fragments. */
function sameSpan(a: Annotation, b: Annotation): boolean {
  if (a.start !== b.start || a.end !== b.end) return false;
  const x = a.fragments ?? [];
  const y = b.fragments ?? [];
  return x.length === y.length && x.every((f, i) => f[0] === y[i]?.[0] && f[1] === y[i]?.[1]);
}

/** Whether an edit removes some of a span's text (see `shiftSpan`: damaged or deleted). */
function cutsText(span: Span, edit: TextEdit): boolean {
  const kind = shiftSpan(span, edit).kind;
  return kind === 'damaged' || kind === 'deleted';
}

/** The annotation on another span: its offsets, text and fragments (none when the span has none). */
function withSpan(a: Annotation, span: Pick<Annotation, 'start' | 'end' | 'text' | 'fragments'>): Annotation {
  const { fragments: _old, ...rest } = a;
  return { ...rest, start: span.start, end: span.end, text: span.text, ...(span.fragments ? { fragments: span.fragments } : {}) };
}

/**
 * The live annotations of one open document, kept sorted by start, with offsets in the editor's
 * unit (UTF-16). Text edits shift them without re-deriving anything from the text; spans cut or
 * deleted by an edit are remembered (tombstones) and restored when an undo or redo puts their text
 * back. Orphans (annotations with no place in the text) are kept aside, untouched, for the next save.
 */
export class TrackedAnnotations {
  private readonly spans = new LazyShiftedSpans();
  private orphanItems: Annotation[] = [];
  private tombstones: Tombstone[] = [];
  /** Tombstones of the edit being applied, added once the older ones have been shifted by it. */
  private fresh: Tombstone[] = [];
  private readonly ids = new SessionIds();
  /**
   * Removed spans, still moved by text edits out of sight (and cut and restored like live ones):
   * when an annotation undo puts one back, its tombstones stay valid and a later text undo restores
   * it whole, as it would have restored it had it never been removed.
   */
  private removedItems: Annotation[] = [];
  /** Longest span, so range queries can bound how far back a covering span may start. */
  private maxLength = 0;

  /** Relations between annotations by id; they do not move with text, so they sit beside the spans. */
  private relationItems = new Map<string, Relation>();

  constructor(annotations: readonly Annotation[] = [], relations: readonly Relation[] = []) {
    this.reset(annotations, relations);
  }

  reset(annotations: readonly Annotation[], relations: readonly Relation[] = []): void {
    this.relationItems = new Map(relations.map((r) => [r.id, r]));
    this.spans.items = annotations.filter((a) => !a.orphan).sort(compareAnnotations);
    this.orphanItems = annotations.filter((a) => a.orphan);
    this.tombstones = [];
    this.removedItems = [];
    this.ids.reset(annotations);
    this.recomputeMaxLength();
  }

  /**
   * Copies of the tombstones of an annotation (live or removed) on the span given, under another
   * id: the annotation history keeps its copies in a tracker of its own and needs their text
   * history too, so that a copy taken after a cut is restored by the same text undo.
   */
  tombstonesOf(annotation: Annotation): readonly Tombstone[] {
    const now = this.spans.items.find((a) => a.id === annotation.id) ?? this.removedItems.find((a) => a.id === annotation.id);
    if (!now || now.start !== annotation.start || now.end !== annotation.end) return [];
    return this.tombstones.filter((t) => t.annotation.id === annotation.id);
  }

  /**
   * Copies of every tombstone of an id whose span is buried (deleted with its text, neither live
   * nor removed): the annotation history hands them to the live tracker with an annotation it
   * brings back as an orphan, so the text undo that puts the text back restores it live.
   */
  buriedTombstones(id: string): readonly Tombstone[] {
    if (this.spans.items.some((a) => a.id === id) || this.removedItems.some((a) => a.id === id)) return [];
    return this.tombstones.filter((t) => t.annotation.id === id);
  }

  /** Takes tombstones from another tracker (see tombstonesOf) for the annotation with the given id. */
  adoptTombstones(id: string, tombstones: readonly Tombstone[]): void {
    for (const t of tombstones) this.tombstones.push({ ...t, annotation: { ...t.annotation, id }, covered: t.covered.map((c) => ({ ...c })) });
  }

  /** Like adoptTombstones, in place of the id's own: the text history of another version of it. */
  replaceTombstones(id: string, tombstones: readonly Tombstone[]): void {
    this.tombstones = this.tombstones.filter((t) => t.annotation.id !== id);
    this.adoptTombstones(id, tombstones);
  }

  /** Whether the id was held in this session (live, orphan, removed or buried). */
  hasUsed(id: string): boolean {
    return this.ids.hasUsed(id);
  }

  /** A fresh id (`tN`) never held in this session, nor in `reserved` (ids about to be added). */
  nextId(reserved: Iterable<string> = []): string {
    return this.ids.next(reserved);
  }

  get all(): readonly Annotation[] {
    return this.spans.items;
  }

  /** The relations, sorted by id. */
  get relations(): readonly Relation[] {
    return [...this.relationItems.values()].sort(compareRelations);
  }

  relationById(id: string): Relation | undefined {
    return this.relationItems.get(id);
  }

  /** Relations with the annotation at either end. */
  relationsOf(annotationId: string): Relation[] {
    return this.relations.filter((r) => r.from === annotationId || r.to === annotationId);
  }

  /** Adds or replaces a relation (by id). */
  putRelation(relation: Relation): void {
    this.relationItems.set(relation.id, relation);
  }

  removeRelation(id: string): Relation | undefined {
    const r = this.relationItems.get(id);
    this.relationItems.delete(id);
    return r;
  }

  /** A relation id not in use. */
  nextRelationId(): string {
    return nextRelationId(this.relationItems.values());
  }

  get orphans(): readonly Annotation[] {
    return this.orphanItems;
  }

  get size(): number {
    return this.spans.length;
  }

  byId(id: string): Annotation | undefined {
    return this.spans.items.find((a) => a.id === id) ?? this.orphanItems.find((a) => a.id === id);
  }

  /** Annotations that overlap start..end, or that contain the point when start === end. */
  inRange(start: number, end: number): Annotation[] {
    const out: Annotation[] = [];
    for (let i = this.spans.firstStartingAtOrAfter(start - this.maxLength); i < this.spans.length; i++) {
      const a = this.spans.itemAt(i);
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
    this.spans.insert(annotation);
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
    this.ids.markRemoved(id);
    const removed = this.removeQuietly(id);
    if (removed && !removed.orphan) {
      this.removedItems = this.removedItems.filter((a) => a.id !== id);
      this.removedItems.push(removed);
    }
    return removed;
  }

  /**
   * An id comes back into view. Its hidden removed version, if on the same span with the same
   * fragments, keeps its tombstones (the same text history); otherwise they describe another span
   * (a fragment added, then undone: restoring them would bring the fragment back) and are dropped.
   */
  private takeBack(annotation: Annotation): void {
    if (!this.ids.takeBack(annotation.id)) return;
    const hidden = this.removedItems.find((a) => a.id === annotation.id);
    this.removedItems = this.removedItems.filter((a) => a.id !== annotation.id);
    const same = hidden !== undefined && !annotation.orphan && sameSpan(hidden, annotation);
    if (!same) this.tombstones = this.tombstones.filter((t) => t.annotation.id !== annotation.id);
  }

  /** Replaces the annotation with the same id, keeping the order. */
  replace(annotation: Annotation): void {
    if (this.removeQuietly(annotation.id)) this.put(annotation);
  }

  private removeQuietly(id: string): Annotation | undefined {
    for (const list of [this.spans.items, this.orphanItems]) {
      const i = list.findIndex((a) => a.id === id);
      if (i >= 0) return list.splice(i, 1)[0];
    }
    return undefined;
  }

  /**
   * Moves every span of `list` by one edit, burying those it cuts or deletes (into `fresh`).
   * Spans whose text must be read again are named in `retext`.
   */
  private shiftAll(list: readonly Annotation[], edit: TextEdit, byUndo: boolean, retext: Set<string>): { next: Annotation[]; changed: boolean } {
    const next: Annotation[] = [];
    let changed = false;
    for (const a of list) {
      const after = spanAfterEdit(a, edit);
      changed ||= after.changed;
      if (after.buried) this.fresh.push(bury(a, edit, byUndo));
      if (after.retext) retext.add(a.id);
      if (after.next) next.push(after.next);
    }
    return { next, changed };
  }

  /** Tombstones of the edit just applied join the others (after those were moved by it). */
  private settleFresh(): void {
    this.tombstones.push(...this.fresh);
    this.fresh = [];
    this.tombstones = trimmed(this.tombstones);
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
        const holdsAt = holdsPoint(t, edit);
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
        } else if (!isUndoOrRedo && removes && holdsAt) cover(t, edit);
      }
      const live = this.shiftAll(this.spans.items, edit, kind === 'undo', retext);
      const removed = this.shiftAll(this.removedItems, edit, kind === 'undo', retext);
      changed ||= live.changed || removed.changed;
      this.spans.items = live.next;
      this.removedItems = removed.next;
      for (const t of this.tombstones) if (!placed.has(t)) follow(t, edit);
      this.settleFresh();
    }
    if (retext.size > 0) {
      const reread = (a: Annotation): Annotation => (retext.has(a.id) ? { ...a, text: coveredText(a, read) } : a);
      this.spans.items = this.spans.items.map(reread);
      this.removedItems = this.removedItems.map(reread);
    }
    if (undone.size > 0) changed = this.restoreFromTombstones(read, undone) || changed;
    if (changed) {
      this.spans.ensureSorted();
      this.recomputeMaxLength();
    }
    return changed;
  }

  /**
   * The keystroke path: one ordinary edit (not an undo) while no tombstone is pending. Spans wholly
   * after the edit take a pending shift; only the few that can touch the edit (bounded by the
   * longest span) are worked out one by one, by the same rule as the general path. Returns
   * undefined to leave the edit to the general path when the result would not stay sorted.
   */
  private applyTyping(edit: TextEdit, read: TextReader): boolean | undefined {
    const delta = edit.insertedLength - (edit.end - edit.start);
    // Everything from `suffix` on starts at or after the edit's end and moves by delta.
    const suffix = this.spans.firstStartingAtOrAfter(edit.end);
    // Spans before the suffix that may touch the edit; earlier ones end before it.
    const first = this.spans.firstStartingAtOrAfter(edit.start - this.maxLength);
    const retext = new Set<string>();
    const window: Annotation[] = [];
    for (let i = first; i < suffix; i++) window.push(this.spans.itemAt(i));
    const { next, changed: touched } = this.shiftAll(window, edit, false, retext);
    const middle = next.map((a) => (retext.has(a.id) ? { ...a, text: coveredText(a, read) } : a)).sort(compareAnnotations);
    const lastMiddle = middle[middle.length - 1];
    if (lastMiddle && this.spans.hasAfter(suffix)) {
      const head = this.spans.itemAt(suffix);
      if (compareAnnotations(lastMiddle, { ...head, start: head.start + delta, end: head.end + delta }) > 0) {
        this.fresh = [];
        return undefined;
      }
    }
    // Nothing below can fail any more: commit, in the order the general path works.
    const removes = edit.start < edit.end;
    if (removes) for (const t of this.tombstones) if (holdsPoint(t, edit)) cover(t, edit);
    this.spans.replaceAndShift(first, suffix, middle, delta);
    for (const a of middle) this.maxLength = Math.max(this.maxLength, a.end - a.start);
    let changed = touched || (delta !== 0 && this.spans.hasAfter(first + middle.length));
    if (this.removedItems.length > 0) {
      const removedRetext = new Set<string>();
      const removed = this.shiftAll(this.removedItems, edit, false, removedRetext);
      this.removedItems = removed.next.map((a) => (removedRetext.has(a.id) ? { ...a, text: coveredText(a, read) } : a));
      changed ||= removed.changed;
    }
    for (const t of this.tombstones) follow(t, edit);
    this.settleFresh();
    return changed;
  }

  private restoreFromTombstones(read: TextReader, undone: ReadonlySet<Tombstone>): boolean {
    const restored = new Map<string, number>();
    // Oldest first: when several edits are undone at once, the oldest version is the whole span.
    this.tombstones.forEach((t, index) => {
      const a = t.annotation;
      if (!undone.has(t) || restored.has(a.id)) return;
      // The undo puts the text back exactly where the edit took it from; text that merely looks
      // the same nearby is not this span.
      const start = t.at + t.offsetFromEdit;
      // The span as it was, where the undo put it back (fragments and all).
      const place = moved(a, start - a.start);
      if (a.end === a.start || start < 0 || coveredText(place, read) !== a.text) return;
      const span = { start: place.start, end: place.end, text: a.text, fragments: place.fragments };
      if (this.ids.isRemoved(a.id)) {
        // Removed by the user: restored out of sight, for an annotation undo to bring back.
        const hidden = this.removedItems.find((x) => x.id === a.id) ?? a;
        this.removedItems = [...this.removedItems.filter((x) => x.id !== a.id), withSpan(hidden, span)];
        restored.set(a.id, index);
        return;
      }
      // What the user changed since (a label, a note) stays; the span and its text come back.
      const current = this.spans.items.find((x) => x.id === a.id) ?? this.orphanItems.find((x) => x.id === a.id);
      const { orphan: _orphan, ...base } = current ?? a;
      this.removeQuietly(a.id);
      this.spans.insert(withSpan(base as Annotation, span));
      restored.set(a.id, index);
    });
    // The restored versions and later ones of the same spans are spent; older ones stay for further undos.
    this.tombstones = this.tombstones.filter((t, index) => {
      const from = restored.get(t.annotation.id);
      return from === undefined || index < from;
    });
    return [...restored.keys()].some((id) => !this.ids.isRemoved(id));
  }

  private recomputeMaxLength(): void {
    let max = 0;
    for (const a of this.spans.items) max = Math.max(max, a.end - a.start);
    this.maxLength = max;
  }
}
