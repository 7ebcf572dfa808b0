/**
 * The first index in lo..hi at which `holds` is true, for a predicate that is false and then true
 * over that range (hi when it never holds). The one binary search of the span index.
 */
export function firstIndexWhere(lo: number, hi: number, holds: (index: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
