import type { Annotation } from '../model/annotation';
import { CodePointIndex, codePointLength } from '../model/offsets';

export interface ReanchorResult {
  readonly annotations: Annotation[];
  /** Annotations whose text was found at another place. */
  readonly moved: number;
  /** Annotations whose text is nowhere in the document; kept with `orphan: true`. */
  readonly orphans: number;
}

/**
 * Places each annotation on the current text. A span whose covered text still matches stays.
 * Otherwise its quote is searched for: spans whose quote occurs once are anchored first; they tell
 * how far their part of the document moved, and each remaining span takes the occurrence nearest
 * to where that movement predicts it (its old place shifted like its nearest anchored neighbour),
 * which is how surrounding context breaks ties between repeated quotes. Spans whose quote is gone
 * become orphans at their old offsets (clamped), never dropped.
 *
 * Offsets are code points, as in sidecars.
 */
export function reanchorAnnotations(annotations: readonly Annotation[], text: string, index = new CodePointIndex(text)): ReanchorResult {
  const length = index.codePointLength;
  const slice = (start: number, end: number): string => text.slice(index.toUtf16(start), index.toUtf16(end));
  const result: (Annotation | undefined)[] = annotations.map((a) => (a.end <= length && a.start <= a.end && slice(a.start, a.end) === a.text ? withoutOrphan(a) : undefined));
  if (result.every((a) => a !== undefined)) return { annotations: result as Annotation[], moved: 0, orphans: 0 };

  const occurrences = new Map<string, number[]>();
  const find = (quote: string): number[] => {
    let found = occurrences.get(quote);
    if (!found) {
      found = [];
      if (quote.length > 0) {
        for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) found.push(index.toCodePoint(i));
      }
      occurrences.set(quote, found);
    }
    return found;
  };

  // Movement known from spans that are certain: unchanged ones, then unique quotes.
  const anchors: { old: number; delta: number }[] = [];
  annotations.forEach((a, i) => {
    if (result[i]) anchors.push({ old: a.start, delta: 0 });
  });
  let moved = 0;
  annotations.forEach((a, i) => {
    if (result[i]) return;
    const found = find(a.text);
    if (found.length === 1) {
      const start = found[0] as number;
      result[i] = withoutOrphan({ ...a, start, end: start + codePointLength(a.text) });
      anchors.push({ old: a.start, delta: start - a.start });
      moved++;
    }
  });
  anchors.sort((x, y) => x.old - y.old);

  let orphans = 0;
  annotations.forEach((a, i) => {
    if (result[i]) return;
    const found = find(a.text);
    if (found.length === 0) {
      orphans++;
      const start = Math.min(a.start, length);
      result[i] = { ...a, start, end: Math.min(Math.max(a.end, start), length), orphan: true };
      return;
    }
    const predicted = a.start + nearestDelta(anchors, a.start);
    let best = found[0] as number;
    for (const f of found) if (Math.abs(f - predicted) < Math.abs(best - predicted)) best = f;
    result[i] = withoutOrphan({ ...a, start: best, end: best + codePointLength(a.text) });
    moved++;
  });
  return { annotations: result as Annotation[], moved, orphans };
}

function nearestDelta(anchors: readonly { old: number; delta: number }[], offset: number): number {
  if (anchors.length === 0) return 0;
  let lo = 0;
  let hi = anchors.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((anchors[mid] as { old: number }).old < offset) lo = mid + 1;
    else hi = mid;
  }
  const after = anchors[lo];
  const before = anchors[lo - 1];
  if (!before) return (after as { delta: number }).delta;
  if (!after) return before.delta;
  return offset - before.old <= after.old - offset ? before.delta : after.delta;
}

function withoutOrphan(a: Annotation): Annotation {
  if (!a.orphan) return a;
  const { orphan: _orphan, ...rest } = a;
  return rest;
}
