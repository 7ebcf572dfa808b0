import type { Annotation } from './annotation';
import { compareAnnotations } from './annotation';
import type { TextEdit } from './shift';
import { shiftSpan } from './shift';

/** Reads the current text between two offsets (after the edits being applied); clamps an end past the text. */
export type TextReader = (start: number, end: number) => string;

/** A span that an edit deleted or cut, remembered so that undoing the edit brings it back whole. */
interface Tombstone {
  readonly annotation: Annotation;
  /** Where the edit happened; follows later edits as a point that stays left of insertions at it. */
  at: number;
  /** The span's start minus the edit's start when it was buried. */
  readonly offsetFromEdit: number;
}

const MAX_TOMBSTONES = 500;
/** How far (in units) from its expected place a restored span's text may be found. */
const RESTORE_WINDOW = 64;

/**
 * The live annotations of one open document, kept sorted by start, with offsets in the editor's
 * unit (UTF-16). Text edits shift them without re-deriving anything from the text; spans cut or
 * deleted by an edit are remembered and restored when an undo or redo puts their text back.
 * Orphans (annotations with no place in the text) are kept aside, untouched, for the next save.
 */
export class TrackedAnnotations {
  private items: Annotation[] = [];
  private orphanItems: Annotation[] = [];
  private tombstones: Tombstone[] = [];
  /** Longest span, so range queries can bound how far back a covering span may start. */
  private maxLength = 0;

  constructor(annotations: readonly Annotation[] = []) {
    this.reset(annotations);
  }

  reset(annotations: readonly Annotation[]): void {
    this.items = annotations.filter((a) => !a.orphan).sort(compareAnnotations);
    this.orphanItems = annotations.filter((a) => a.orphan);
    this.tombstones = [];
    this.recomputeMaxLength();
  }

  get all(): readonly Annotation[] {
    return this.items;
  }

  get orphans(): readonly Annotation[] {
    return this.orphanItems;
  }

  get size(): number {
    return this.items.length;
  }

  byId(id: string): Annotation | undefined {
    return this.items.find((a) => a.id === id) ?? this.orphanItems.find((a) => a.id === id);
  }

  /** Annotations that overlap start..end, or that contain the point when start === end. */
  inRange(start: number, end: number): Annotation[] {
    const out: Annotation[] = [];
    for (let i = this.firstStartingAtOrAfter(start - this.maxLength); i < this.items.length; i++) {
      const a = this.items[i] as Annotation;
      if (a.start > end || (a.start === end && start !== end)) break;
      const touches = start === end ? a.start <= start && start <= a.end : a.start < end && a.end > start;
      if (touches) out.push(a);
    }
    return out;
  }

  add(annotation: Annotation): void {
    const i = this.insertionIndex(annotation);
    this.items.splice(i, 0, annotation);
    this.maxLength = Math.max(this.maxLength, annotation.end - annotation.start);
  }

  /** Adds an annotation to the live spans, or to the orphans when it has no place. */
  put(annotation: Annotation): void {
    if (annotation.orphan) this.orphanItems.push(annotation);
    else this.add(annotation);
  }

  /** Removes by id (live or orphan); returns the removed annotation. */
  remove(id: string): Annotation | undefined {
    for (const list of [this.items, this.orphanItems]) {
      const i = list.findIndex((a) => a.id === id);
      if (i >= 0) return list.splice(i, 1)[0];
    }
    return undefined;
  }

  /** Replaces the annotation with the same id, keeping the order. */
  replace(annotation: Annotation): void {
    if (this.remove(annotation.id)) this.put(annotation);
  }

  /**
   * Applies the edits of one document change. Edits are in the coordinates of the text before the
   * change and must not overlap (VS Code's content changes). `read` gives the text after the change.
   * With `isUndoOrRedo`, spans whose text the change put back are restored.
   * Returns whether any annotation moved or changed.
   */
  applyEdits(edits: readonly TextEdit[], read: TextReader, isUndoOrRedo = false): boolean {
    if (edits.length === 0) return false;
    // Last edit first, so the offsets of the earlier ones stay valid.
    const ordered = [...edits].sort((x, y) => y.start - x.start || y.end - x.end);
    let changed = false;
    const retext = new Set<string>();
    for (const edit of ordered) {
      const next: Annotation[] = [];
      for (const a of this.items) {
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
            this.bury(a, edit.start);
            retext.add(a.id);
            next.push({ ...a, start: outcome.start, end: outcome.end });
            break;
          case 'deleted':
            changed = true;
            this.bury(a, outcome.at);
            break;
        }
      }
      this.items = next;
      for (const t of this.tombstones) t.at = shiftPoint(t.at, edit);
    }
    if (retext.size > 0) {
      this.items = this.items.map((a) => (retext.has(a.id) ? { ...a, text: read(a.start, a.end) } : a));
    }
    if (isUndoOrRedo) changed = this.restoreFromTombstones(read) || changed;
    if (changed) {
      this.ensureSorted();
      this.recomputeMaxLength();
    }
    return changed;
  }

  /** Remembers the span as it was before the edit, relative to the edit's place. */
  private bury(annotation: Annotation, at: number): void {
    if (this.tombstones.some((t) => t.annotation.id === annotation.id)) {
      // An older, whole version of this span is already remembered: keep that one.
      return;
    }
    this.tombstones.push({ annotation, at, offsetFromEdit: annotation.start - at });
    if (this.tombstones.length > MAX_TOMBSTONES) this.tombstones.shift();
  }

  private restoreFromTombstones(read: TextReader): boolean {
    let restored = false;
    this.tombstones = this.tombstones.filter((t) => {
      const a = t.annotation;
      // Later edits near the point (several backspaces undone at once) can leave it a few places
      // off, so look for the exact text around where it is expected and take the nearest.
      const length = a.end - a.start;
      const expected = t.at + t.offsetFromEdit;
      const from = Math.max(0, expected - length - RESTORE_WINDOW);
      const around = read(from, expected + 2 * length + RESTORE_WINDOW);
      let best = -1;
      for (let i = around.indexOf(a.text); i >= 0; i = around.indexOf(a.text, i + 1)) {
        if (best < 0 || Math.abs(from + i - expected) < Math.abs(from + best - expected)) best = i;
      }
      if (length === 0 || best < 0) return true;
      this.remove(a.id);
      this.add({ ...a, start: from + best, end: from + best + length });
      restored = true;
      return false;
    });
    return restored;
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
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.items[mid] as Annotation).start < offset) lo = mid + 1;
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
