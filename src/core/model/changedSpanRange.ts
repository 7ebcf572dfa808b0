/** A span as it is painted: where it is and what it shows. */
export interface PaintedSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/**
 * The stretch of text in which two sorted lists of spans differ, in the coordinates of `after`, or
 * `null` when they are the same. The text may have been edited between the two lists by one
 * change of length `delta` (after's text length minus before's): spans past that change are the
 * same when they moved by exactly `delta`, as an editor's decorations do with the text, so a
 * recomputation after typing marks only what really changed near the caret, not every span after it.
 */
export function changedSpanRange(before: readonly PaintedSpan[], after: readonly PaintedSpan[], delta: number): { start: number; end: number } | null {
  let head = 0;
  const shortest = Math.min(before.length, after.length);
  while (head < shortest && same(before[head] as PaintedSpan, after[head] as PaintedSpan, 0)) head++;
  let tail = 0;
  while (tail < shortest - head && same(before[before.length - 1 - tail] as PaintedSpan, after[after.length - 1 - tail] as PaintedSpan, delta)) tail++;
  const gone = before.slice(head, before.length - tail);
  const come = after.slice(head, after.length - tail);
  // Every span kept its place or moved with the edit.
  if (gone.length === 0 && come.length === 0) return null;
  // Where the first and the last difference lie, spans that went counted at their place in `after`'s text.
  const starts = [...come.map((s) => s.start), ...gone.map((s) => Math.min(s.start, s.start + delta))];
  const ends = [...come.map((s) => s.end), ...gone.map((s) => Math.max(s.end, s.end + delta))];
  const start = Math.max(0, Math.min(...starts));
  const end = Math.max(...ends);
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

function same(a: PaintedSpan, b: PaintedSpan, delta: number): boolean {
  return a.label === b.label && b.start === a.start + delta && b.end === a.end + delta;
}
