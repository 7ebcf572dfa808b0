import type { Annotation } from '../model/annotation';
import { CodePointIndex, codePointLength } from '../model/offsets';
import { coveredText } from '../model/fragments';

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
 * which is how surrounding context breaks ties between repeated quotes; the end of the text, whose
 * old length the sidecar records (`savedLength`), counts as one more such neighbour. Spans whose quote is gone
 * become orphans at their old offsets (clamped), never dropped.
 *
 * Moving never puts one label twice on one span: spans that did not move claim their places first;
 * annotations of one quote and label then share the free occurrences in their old order, as near
 * as possible to where each is predicted, and those left without one become orphans. Otherwise
 * deleting one of two tagged occurrences of a quote would stack both tags on the other, and
 * restoring the text could not bring the first back.
 *
 * Offsets are code points, as in sidecars.
 */
export function reanchorAnnotations(annotations: readonly Annotation[], text: string, index = new CodePointIndex(text), savedLength?: number): ReanchorResult {
  const length = index.codePointLength;
  const slice = (start: number, end: number): string => text.slice(index.toUtf16(start), index.toUtf16(end));
  const claimed = new Set<string>();
  const claim = (start: number, end: number, label: string): boolean => {
    const key = `${start}:${end}:${label}`;
    if (claimed.has(key)) return false;
    claimed.add(key);
    return true;
  };
  // Spans whose text is still at their offsets stay, even two alike (the file said so; nothing
  // here made them), and claim their places. An orphan that fits its old place again is back,
  // unless a placed span already has that place and label.
  // An orphan's fragments are where they were (only its cover is clamped), perhaps past the end now.
  const inText = (a: Annotation): boolean => a.end <= length && a.start <= a.end && (a.fragments ?? []).every(([s, e]) => s <= e && e <= length);
  const fits = (a: Annotation): boolean => inText(a) && coveredText(a, slice) === a.text;
  const result: (Annotation | undefined)[] = annotations.map((a) => (!a.orphan && fits(a) ? a : undefined));
  if (result.every((a) => a !== undefined)) return { annotations: result as Annotation[], moved: 0, orphans: 0 };
  for (const a of result) if (a) claim(a.start, a.end, a.label);
  annotations.forEach((a, i) => {
    if (a.orphan && fits(a) && claim(a.start, a.end, a.label)) result[i] = withoutOrphan(a);
  });

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

  let orphans = 0;
  const orphan = (a: Annotation, i: number): void => {
    orphans++;
    const start = Math.min(a.start, length);
    result[i] = { ...a, start, end: Math.min(Math.max(a.end, start), length), orphan: true };
  };

  // Annotations still to place, by quote and label: only these compete for the same places.
  const groups = new Map<string, number[]>();
  annotations.forEach((a, i) => {
    if (result[i]) return;
    // A discontinuous span is one quote split in places no search can recover: kept as an orphan.
    if (a.fragments) return orphan(a, i);
    const key = `${a.label}\u0000${a.text}`;
    const members = groups.get(key);
    if (members) members.push(i);
    else groups.set(key, [i]);
  });

  // Movement known from spans that are certain: unchanged ones, then unique quotes wanted by one
  // annotation only (two tags of one label on a quote now found once are settled below, by place).
  const anchors: { old: number; delta: number }[] = [];
  annotations.forEach((a, i) => {
    if (result[i] && !result[i].orphan) anchors.push({ old: a.start, delta: 0 });
  });
  let moved = 0;
  for (const members of groups.values()) {
    const i = members[0] as number;
    const a = annotations[i] as Annotation;
    const found = find(a.text);
    if (members.length !== 1 || found.length !== 1) continue;
    const start = found[0] as number;
    const end = start + codePointLength(a.text);
    if (!claim(start, end, a.label)) orphan(a, i);
    else {
      result[i] = withoutOrphan({ ...a, start, end });
      anchors.push({ old: a.start, delta: start - a.start });
      moved++;
    }
  }
  // The end of the text moved by the whole change in length: with no tag left in place, that is
  // all there is to tell an occurrence that moved with the text from one that was there before.
  if (savedLength !== undefined) anchors.push({ old: savedLength, delta: length - savedLength });
  anchors.sort((x, y) => x.old - y.old);

  for (const members of groups.values()) {
    const first = annotations[members[0] as number] as Annotation;
    if (result[members[0] as number]) continue;
    const span = codePointLength(first.text);
    const free = find(first.text).filter((f) => !claimed.has(`${f}:${f + span}:${first.label}`));
    // Each takes an occurrence near where the movement around it predicts, in their old order.
    const ordered = [...members].sort((i, j) => (annotations[i] as Annotation).start - (annotations[j] as Annotation).start || i - j);
    const predicted = ordered.map((i) => (annotations[i] as Annotation).start + nearestDelta(anchors, (annotations[i] as Annotation).start));
    const places = assignInOrder(predicted, free);
    ordered.forEach((i, k) => {
      const a = annotations[i] as Annotation;
      const start = places[k];
      if (start === undefined) return orphan(a, i);
      claim(start, start + span, a.label);
      result[i] = withoutOrphan({ ...a, start, end: start + span });
      moved++;
    });
  }
  return { annotations: result as Annotation[], moved, orphans };
}

/** Above this many tag × occurrence pairs the placement is greedy instead of optimal. */
const MAX_ASSIGNMENT_CELLS = 1 << 22;

/**
 * Places annotations of one quote and label on free occurrences of the quote: as many as there are
 * occurrences, keeping their order, as near as possible to where each is predicted (least total
 * distance); the rest get none. `predicted` is in the annotations' old order, `free` ascending.
 * Dynamic programming over (annotations, occurrences); greedy (nearest free occurrence, in order)
 * when that table would be too large.
 */
function assignInOrder(predicted: readonly number[], free: readonly number[]): (number | undefined)[] {
  const n = predicted.length;
  const m = free.length;
  if (n === 1) {
    const p = predicted[0] as number;
    let best: number | undefined;
    for (const f of free) if (best === undefined || Math.abs(f - p) < Math.abs(best - p)) best = f;
    return [best];
  }
  if (n * m > MAX_ASSIGNMENT_CELLS) {
    const taken = new Set<number>();
    return predicted.map((p) => {
      let best: number | undefined;
      for (const f of free) if (!taken.has(f) && (best === undefined || Math.abs(f - p) < Math.abs(best - p))) best = f;
      if (best !== undefined) taken.add(best);
      return best;
    });
  }
  // unplaced[i][j], distance[i][j]: the best for the first i annotations over the first j
  // occurrences, fewest unplaced first, then least distance. step: 0 unplaced, 1 skip, 2 place.
  const width = m + 1;
  const unplaced = new Float64Array((n + 1) * width);
  const distance = new Float64Array((n + 1) * width);
  const step = new Uint8Array((n + 1) * width);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const at = i * width + j;
      if (i === 0) continue;
      let bestU = (unplaced[at - width] as number) + 1;
      let bestD = distance[at - width] as number;
      let bestStep = 0;
      const consider = (u: number, d: number, s: number): void => {
        if (u < bestU || (u === bestU && d < bestD)) [bestU, bestD, bestStep] = [u, d, s];
      };
      if (j > 0) {
        consider(unplaced[at - 1] as number, distance[at - 1] as number, 1);
        const place = at - width - 1;
        consider(unplaced[place] as number, (distance[place] as number) + Math.abs((free[j - 1] as number) - (predicted[i - 1] as number)), 2);
      }
      unplaced[at] = bestU;
      distance[at] = bestD;
      step[at] = bestStep;
    }
  }
  const places: (number | undefined)[] = predicted.map(() => undefined);
  for (let i = n, j = m; i > 0;) {
    const s = step[i * width + j];
    if (s === 1) j--;
    else {
      if (s === 2) places[i - 1] = free[--j];
      i--;
    }
  }
  return places;
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
