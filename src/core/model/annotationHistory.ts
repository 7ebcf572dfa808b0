import type { Annotation } from './annotation';
import type { TextEdit } from './shift';
import type { TextReader, Tombstone, UndoKind } from './trackedAnnotations';
import { TrackedAnnotations } from './trackedAnnotations';
import type { Relation } from './relation';
import { relationsWithout } from './relation';

/** One user action on annotations: what the touched annotations were before and after it. */
export interface AnnotationChange {
  readonly before: readonly Annotation[];
  readonly after: readonly Annotation[];
  /**
   * For annotations of `after` that come back as orphans because their text is deleted (not
   * because it is gone for good): their text history, by id, so that the text undo that puts the
   * text back restores them live, as it would have had the action never been undone.
   */
  readonly buried?: ReadonlyMap<string, readonly Tombstone[]>;
  /**
   * From undo and redo: the text history of the other annotations of `after`, by id, as their
   * copies lived it. It replaces the live tracker's, which belongs to the version being replaced
   * (a fragment added and then cut would otherwise come back with the text undo).
   */
  readonly textHistory?: ReadonlyMap<string, readonly Tombstone[]>;
  /** Relations the action removed or replaced, and those it put (they do not move with text: kept as they are). */
  readonly relationsBefore?: readonly Relation[];
  readonly relationsAfter?: readonly Relation[];
}

/** A change as stored: keys of copies kept in the shadow tracker. */
interface StoredChange {
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly relationsBefore: readonly Relation[];
  readonly relationsAfter: readonly Relation[];
}

const MAX_ENTRIES = 200;

/**
 * Undo and redo of annotation actions, separate from text undo so that neither disturbs the other.
 * Entries hold annotation copies, so text edits must move them too: an undo after typing must put
 * a span back where its text now is, not where it was. The copies live in a shadow
 * `TrackedAnnotations` (each under its own key), so they follow text edits exactly as live spans
 * do: shifted, cut, and restored whole when a text undo puts their text back. A copy whose whole
 * text is deleted (and not put back) comes back from an annotation undo as an orphan that keeps
 * its quote, never as an invisible empty span.
 */
export class AnnotationHistory {
  private undoStack: StoredChange[] = [];
  private redoStack: StoredChange[] = [];
  private readonly shadow = new TrackedAnnotations();
  /** Each copy as recorded (its real id; its quote if its shadow entry is buried when it is needed). */
  private readonly copies = new Map<string, Annotation>();
  private nextKey = 0;

  /** `tracked`: the live annotations, whose text history (tombstones) copies start with. */
  constructor(private readonly tracked?: TrackedAnnotations) {}

  /**
   * `beforeHistory`: the text history of the annotations of `before` by id, taken before the action
   * put their new versions (which drops it from the live tracker when the span changes).
   */
  record(change: AnnotationChange, beforeHistory?: ReadonlyMap<string, readonly Tombstone[]>): void {
    const relationsBefore = change.relationsBefore ?? [];
    const relationsAfter = change.relationsAfter ?? [];
    if (change.before.length === 0 && change.after.length === 0 && relationsBefore.length === 0 && relationsAfter.length === 0) return;
    this.undoStack.push({
      before: change.before.map((a) => this.store(a, beforeHistory?.get(a.id))),
      after: change.after.map((a) => this.store(a)),
      relationsBefore,
      relationsAfter,
    });
    if (this.undoStack.length > MAX_ENTRIES) this.forget(this.undoStack.shift());
    for (const c of this.redoStack) this.forget(c);
    this.redoStack = [];
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** The change to apply to undo the last action (its before and after swapped), if any. */
  undo(): AnnotationChange | undefined {
    const change = this.undoStack.pop();
    if (!change) return undefined;
    this.redoStack.push(change);
    return { ...this.loadChange(change.after, change.before), relationsBefore: change.relationsAfter, relationsAfter: change.relationsBefore };
  }

  redo(): AnnotationChange | undefined {
    const change = this.redoStack.pop();
    if (!change) return undefined;
    this.undoStack.push(change);
    return { ...this.loadChange(change.before, change.after), relationsBefore: change.relationsBefore, relationsAfter: change.relationsAfter };
  }

  private loadChange(before: readonly string[], after: readonly string[]): AnnotationChange {
    const buried = new Map<string, readonly Tombstone[]>();
    const textHistory = new Map<string, readonly Tombstone[]>();
    const loaded = after.map((key) => {
      const a = this.load(key);
      const copy = this.copies.get(key) as Annotation;
      if (a.orphan && !copy.orphan) buried.set(a.id, this.shadow.buriedTombstones(key));
      const live = this.shadow.byId(key);
      if (live) textHistory.set(a.id, this.shadow.tombstonesOf(live));
      return a;
    });
    return { before: before.map((k) => this.load(k)), after: loaded, ...(buried.size > 0 ? { buried } : {}), ...(textHistory.size > 0 ? { textHistory } : {}) };
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.shadow.reset([]);
    this.copies.clear();
  }

  /**
   * Moves every remembered annotation by the edits of one document change (old coordinates), the
   * way `TrackedAnnotations.applyEdits` moves live ones; `read` gives the text after the change.
   */
  applyEdits(edits: readonly TextEdit[], read: TextReader, kind: UndoKind = false): void {
    if (this.copies.size === 0) return;
    this.shadow.applyEdits(edits, read, kind);
  }

  private store(a: Annotation, history?: readonly Tombstone[]): string {
    const key = `h${this.nextKey++}`;
    this.copies.set(key, a);
    // Orphans have no place in the text: they are kept as they are.
    if (!a.orphan) {
      this.shadow.add({ ...a, id: key });
      const tombstones = history ?? this.tracked?.tombstonesOf(a);
      if (tombstones) this.shadow.adoptTombstones(key, tombstones);
    }
    return key;
  }

  private load(key: string): Annotation {
    const copy = this.copies.get(key) as Annotation;
    if (copy.orphan) return copy;
    const live = this.shadow.byId(key);
    return live ? { ...live, id: copy.id } : { ...copy, orphan: true };
  }

  private forget(change: StoredChange | undefined): void {
    for (const key of [...(change?.before ?? []), ...(change?.after ?? [])]) {
      this.copies.delete(key);
      this.shadow.remove(key);
    }
  }
}

/**
 * Applies one document change to the live annotations and to the annotation history, as the
 * editor does on every text change. Returns whether any live annotation moved or changed.
 */
export function applyTextChange(tracked: TrackedAnnotations, history: AnnotationHistory, edits: readonly TextEdit[], read: TextReader, kind: UndoKind): boolean {
  history.applyEdits(edits, read, kind);
  return tracked.applyEdits(edits, read, kind);
}

/**
 * What one user action does: annotations to remove (by id) and to add or replace; relations
 * likewise. Relations of removed annotations go with them (a relation never names a missing
 * annotation), in the same undo step.
 */
export interface AnnotationEdit {
  readonly remove?: readonly string[];
  readonly put?: readonly Annotation[];
  readonly removeRelations?: readonly string[];
  readonly putRelations?: readonly Relation[];
}

/**
 * Applies a user action to the live annotations and records it for annotation undo, as the editor
 * does for every tag, removal and relabel. Returns the annotations put.
 */
export function applyAnnotationEdit(tracked: TrackedAnnotations, history: AnnotationHistory, edit: AnnotationEdit): Annotation[] {
  const before: Annotation[] = [];
  const after: Annotation[] = [];
  // Taken at once: putting a new version of the id on another span drops it from `tracked`.
  const beforeHistory = new Map<string, readonly Tombstone[]>();
  const take = (removed: Annotation | undefined): void => {
    if (!removed) return;
    before.push(removed);
    beforeHistory.set(removed.id, tracked.tombstonesOf(removed));
  };
  for (const id of edit.remove ?? []) take(tracked.remove(id));
  for (const a of edit.put ?? []) {
    take(tracked.remove(a.id));
    tracked.put(a);
    after.push(a);
  }
  const relationsBefore: Relation[] = [];
  const relationsAfter: Relation[] = [];
  const gone = new Set((edit.remove ?? []).filter((id) => !after.some((a) => a.id === id)));
  const dropped = new Set([...(edit.removeRelations ?? []), ...relationsWithout(tracked.relations, gone).dropped.map((r) => r.id)]);
  for (const id of dropped) {
    const r = tracked.removeRelation(id);
    if (r) relationsBefore.push(r);
  }
  for (const r of edit.putRelations ?? []) {
    const old = tracked.removeRelation(r.id);
    if (old && !relationsBefore.includes(old)) relationsBefore.push(old);
    tracked.putRelation(r);
    relationsAfter.push(r);
  }
  history.record({ before, after, relationsBefore, relationsAfter }, beforeHistory);
  return after;
}

/** Applies a change from `history.undo()` or `history.redo()`; false when there was none. */
export function replayChange(tracked: TrackedAnnotations, change: AnnotationChange | undefined): boolean {
  if (!change) return false;
  for (const a of change.before) tracked.remove(a.id);
  for (const a of change.after) {
    tracked.put(a);
    const history = change.buried?.get(a.id) ?? change.textHistory?.get(a.id);
    if (history) tracked.replaceTombstones(a.id, history);
  }
  for (const r of change.relationsBefore ?? []) tracked.removeRelation(r.id);
  for (const r of change.relationsAfter ?? []) tracked.putRelation(r);
  return true;
}
