/**
 * Spans sorted by start, answering "which overlap this range" by binary search: only the spans
 * that start at most the longest span's length before the range can reach into it.
 */
export class SortedSpans<T extends { readonly start: number; readonly end: number }> {
  private readonly items: readonly T[];
  private readonly longest: number;

  /** `items` must be sorted by start. */
  constructor(items: readonly T[]) {
    this.items = items;
    let longest = 0;
    for (const s of items) longest = Math.max(longest, s.end - s.start);
    this.longest = longest;
  }

  get size(): number {
    return this.items.length;
  }

  /** Spans sharing a character with start..end (end exclusive). */
  overlapping(start: number, end: number): T[] {
    const out: T[] = [];
    let lo = 0;
    let hi = this.items.length;
    const from = start - this.longest;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.items[mid] as T).start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.items.length; i++) {
      const s = this.items[i] as T;
      if (s.start >= end) break;
      if (s.end > start && s.end > s.start) out.push(s);
    }
    return out;
  }
}
