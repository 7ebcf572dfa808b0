import type { Annotation } from './annotation';
import { compareAnnotations } from './annotation';
import { firstIndexWhere } from './binarySearch';
import { moved } from './fragments';

/**
 * Annotations sorted by start (then end, then label), with one pending shift. Typing moves every
 * span after the cursor by the same amount, so that shift is kept pending (all spans from index
 * `pendingFrom` on are `pendingDelta` further than stored) instead of rewriting tens of thousands
 * of spans per keystroke. Reading `items` applies it first; the keystroke path and range queries
 * read through `startAt`/`itemAt`, which know about it.
 */
export class LazyShiftedSpans {
  private stored: Annotation[] = [];
  private pendingFrom = -1;
  private pendingDelta = 0;

  /** The spans, settled (the pending shift applied). Callers may change the array in place. */
  get items(): Annotation[] {
    this.settle();
    return this.stored;
  }

  set items(list: Annotation[]) {
    this.stored = list;
    this.pendingFrom = -1;
    this.pendingDelta = 0;
  }

  get length(): number {
    return this.stored.length;
  }

  /** Applies the pending shift to the spans it covers. */
  settle(): void {
    if (this.pendingFrom < 0) return;
    const from = this.pendingFrom;
    const d = this.pendingDelta;
    this.pendingFrom = -1;
    this.pendingDelta = 0;
    if (d === 0) return;
    const list = this.stored;
    for (let i = from; i < list.length; i++) {
      const a = list[i] as Annotation;
      list[i] = moved(a, d);
    }
  }

  private isShifted(i: number): boolean {
    return this.pendingFrom >= 0 && i >= this.pendingFrom && this.pendingDelta !== 0;
  }

  /** The start of the i-th span, pending shift included. */
  startAt(i: number): number {
    const a = this.stored[i] as Annotation;
    return this.isShifted(i) ? a.start + this.pendingDelta : a.start;
  }

  /** The i-th span with the pending shift applied (a copy only when it is shifted). */
  itemAt(i: number): Annotation {
    const a = this.stored[i] as Annotation;
    return this.isShifted(i) ? moved(a, this.pendingDelta) : a;
  }

  /** Index of the first span starting at or after `offset`. */
  firstStartingAtOrAfter(offset: number): number {
    return firstIndexWhere(0, this.stored.length, (i) => this.startAt(i) >= offset);
  }

  /** Where `annotation` goes to keep the order. */
  insertionIndex(annotation: Annotation): number {
    const items = this.items;
    return firstIndexWhere(0, items.length, (i) => compareAnnotations(items[i] as Annotation, annotation) >= 0);
  }

  insert(annotation: Annotation): void {
    this.items.splice(this.insertionIndex(annotation), 0, annotation);
  }

  /**
   * The keystroke path: replaces stored spans first..suffix with `middle` (already in the
   * coordinates after the edit) and shifts everything after them by `delta`, lazily. A pending
   * shift of another suffix is applied first, so at most one stays pending.
   */
  replaceAndShift(first: number, suffix: number, middle: readonly Annotation[], delta: number): void {
    if (this.pendingFrom >= 0 && this.pendingFrom !== suffix) this.settle();
    const hadPending = this.pendingFrom >= 0;
    this.stored.splice(first, suffix - first, ...middle);
    const nextSuffix = first + middle.length;
    if (delta !== 0 && nextSuffix < this.stored.length) {
      this.pendingFrom = nextSuffix;
      this.pendingDelta = (hadPending ? this.pendingDelta : 0) + delta;
    } else if (hadPending) this.pendingFrom = nextSuffix;
  }

  /** Whether the keystroke path would shift spans (there is a suffix to move). */
  hasAfter(index: number): boolean {
    return index < this.stored.length;
  }

  /** Sorts again if anything is out of order (after a general edit). */
  ensureSorted(): void {
    const items = this.items;
    for (let i = 1; i < items.length; i++) {
      if (compareAnnotations(items[i - 1] as Annotation, items[i] as Annotation) > 0) {
        items.sort(compareAnnotations);
        return;
      }
    }
  }
}
