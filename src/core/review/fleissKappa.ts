import type { Figure } from './figure';
import { defined, undefinedFigure } from './figure';

/**
 * Additive state of Fleiss' κ. Fleiss' κ needs the same number of annotators r on every item; when
 * documents with different numbers are added together, `raters` becomes 'mixed' and κ is undefined
 * (Krippendorff's α is the figure that handles missing annotators).
 */
export interface FleissCounts {
  items: number;
  raters: number | 'mixed' | undefined;
  /** Σ_i Σ_j n_ij (n_ij − 1). */
  agreeingPairs: number;
  /** Σ_i n_ij per category j. */
  readonly perCategory: Map<string, number>;
}

export function emptyFleissCounts(): FleissCounts {
  return { items: 0, raters: undefined, agreeingPairs: 0, perCategory: new Map() };
}

export function addFleissItem(counts: FleissCounts, values: readonly string[]): void {
  counts.raters = sameRaters(counts.raters, values.length);
  const perValue = new Map<string, number>();
  for (const v of values) perValue.set(v, (perValue.get(v) ?? 0) + 1);
  for (const [v, k] of perValue) {
    counts.agreeingPairs += k * (k - 1);
    counts.perCategory.set(v, (counts.perCategory.get(v) ?? 0) + k);
  }
  counts.items += 1;
}

export function mergeFleissCounts(into: FleissCounts, from: FleissCounts): void {
  if (from.items === 0) return;
  into.raters = sameRaters(into.raters, from.raters);
  into.items += from.items;
  into.agreeingPairs += from.agreeingPairs;
  for (const [v, k] of from.perCategory) into.perCategory.set(v, (into.perCategory.get(v) ?? 0) + k);
}

function sameRaters(a: FleissCounts['raters'], b: FleissCounts['raters']): FleissCounts['raters'] {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a === b ? a : 'mixed';
}

/**
 * κ = (P̄ − P̄_e) / (1 − P̄_e) with P̄ = Σ_i Σ_j n_ij(n_ij − 1) / (N r (r − 1)) and
 * P̄_e = Σ_j p_j², p_j = Σ_i n_ij / (N r). With T = N r and S = Σ_j (Σ_i n_ij)², this is
 * (A·T − S(r − 1)) / ((r − 1)(T² − S)), worked in integers so a single-category table is caught exactly.
 */
export function fleissKappa(counts: FleissCounts): Figure {
  const { items, raters } = counts;
  if (items === 0 || raters === undefined) return undefinedFigure('no tokens', 0, 'tokens');
  if (raters === 'mixed') {
    return undefinedFigure('the number of annotators differs between documents; see Krippendorff’s α', items, 'tokens');
  }
  if (raters < 3) return undefinedFigure('reported for three or more annotators; see Cohen’s κ', items, 'tokens');
  const total = items * raters;
  let squares = 0;
  for (const k of counts.perCategory.values()) squares += k * k;
  const denominator = (raters - 1) * (total * total - squares);
  if (denominator === 0) {
    return undefinedFigure('chance agreement is 1: every token has the same single tag', items, 'tokens');
  }
  return defined((counts.agreeingPairs * total - squares * (raters - 1)) / denominator, items, 'tokens');
}
