import type { TagSpan } from './annotatorSet';
import { tagKey } from './annotatorSet';
import type { Figure } from './figure';
import { ratio } from './figure';

/** Additive span counts for one pair of annotators: sum them over labels and documents, then divide. */
export interface SpanCounts {
  readonly matched: number;
  /** Spans of annotator a (the reference for recall). */
  readonly spansA: number;
  /** Spans of annotator b (the reference for precision). */
  readonly spansB: number;
}

export interface SpanFigures extends SpanCounts {
  /** matched / spans of b: how many of b's spans a also has. */
  readonly precision: Figure;
  /** matched / spans of a. */
  readonly recall: Figure;
  /** 2·matched / (spans of a + spans of b); symmetric in a and b. */
  readonly f1: Figure;
}

export const NO_SPANS: SpanCounts = { matched: 0, spansA: 0, spansB: 0 };

export function addSpanCounts(x: SpanCounts, y: SpanCounts): SpanCounts {
  return { matched: x.matched + y.matched, spansA: x.spansA + y.spansA, spansB: x.spansB + y.spansB };
}

/** Exact match: same start, end and label. Inputs must hold each span and label once. */
export function exactMatchCounts(a: readonly TagSpan[], b: readonly TagSpan[]): SpanCounts {
  const keys = new Set(a.map(tagKey));
  let matched = 0;
  for (const t of b) if (keys.has(tagKey(t))) matched++;
  return { matched, spansA: a.length, spansB: b.length };
}

/**
 * Overlap match: a span of a and a span of b match when they have the same label and share at least
 * one code point, and each span matches at most one other (one-to-one). The pairing is greedy: all
 * overlapping same-label pairs are taken in order of the number of shared code points (most first),
 * then of the total boundary difference (least first), then by position, and a pair is kept when
 * neither span is matched yet. Greedy is not always the largest matching, but it is deterministic,
 * cheap, and agrees with it on the usual cases (a span of one overlapping one span of the other).
 */
export function overlapMatchCounts(a: readonly TagSpan[], b: readonly TagSpan[]): SpanCounts {
  const sortedB = [...b].sort((x, y) => x.start - y.start);
  const candidates: { ia: number; ib: number; shared: number; drift: number }[] = [];
  a.forEach((sa, ia) => {
    for (let ib = 0; ib < sortedB.length; ib++) {
      const sb = sortedB[ib] as TagSpan;
      if (sb.start >= sa.end) break;
      if (sb.end <= sa.start || sb.label !== sa.label) continue;
      const shared = Math.min(sa.end, sb.end) - Math.max(sa.start, sb.start);
      candidates.push({ ia, ib, shared, drift: Math.abs(sa.start - sb.start) + Math.abs(sa.end - sb.end) });
    }
  });
  candidates.sort((x, y) => y.shared - x.shared || x.drift - y.drift || x.ia - y.ia || x.ib - y.ib);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  for (const c of candidates) {
    if (usedA.has(c.ia) || usedB.has(c.ib)) continue;
    usedA.add(c.ia);
    usedB.add(c.ib);
  }
  return { matched: usedA.size, spansA: a.length, spansB: b.length };
}

export function spanFigures(c: SpanCounts): SpanFigures {
  return {
    ...c,
    precision: ratio(c.matched, c.spansB, c.spansB, 'spans', 'the second annotator has no spans'),
    recall: ratio(c.matched, c.spansA, c.spansA, 'spans', 'the first annotator has no spans'),
    f1: ratio(2 * c.matched, c.spansA + c.spansB, c.spansA + c.spansB, 'spans', 'neither annotator has spans'),
  };
}
