import type { Figure } from './figure';
import { defined, undefinedFigure } from './figure';

/**
 * Additive state of Krippendorff's α for nominal values. A unit (token) with m ≥ 2 values
 * contributes its values to n_c and Σ_c n_uc(n_uc − 1)/(m − 1) to the coincidence matrix's diagonal;
 * units with fewer than two values (missing annotators) are unpairable and left out. Nothing else of
 * the coincidence matrix is needed for nominal data.
 */
export interface AlphaCounts {
  /** Pairable units. */
  units: number;
  /** Pairable values, n. */
  values: number;
  /** Σ_c o_cc. */
  diagonal: number;
  /** n_c, pairable values per category. */
  readonly perCategory: Map<string, number>;
}

export function emptyAlphaCounts(): AlphaCounts {
  return { units: 0, values: 0, diagonal: 0, perCategory: new Map() };
}

/** Adds one unit given the values its annotators gave (missing annotators simply give none). */
export function addAlphaUnit(counts: AlphaCounts, values: readonly string[]): void {
  const m = values.length;
  if (m < 2) return;
  const perValue = new Map<string, number>();
  for (const v of values) perValue.set(v, (perValue.get(v) ?? 0) + 1);
  let same = 0;
  for (const [v, k] of perValue) {
    same += k * (k - 1);
    counts.perCategory.set(v, (counts.perCategory.get(v) ?? 0) + k);
  }
  counts.units += 1;
  counts.values += m;
  counts.diagonal += same / (m - 1);
}

export function mergeAlphaCounts(into: AlphaCounts, from: AlphaCounts): void {
  into.units += from.units;
  into.values += from.values;
  into.diagonal += from.diagonal;
  for (const [v, k] of from.perCategory) into.perCategory.set(v, (into.perCategory.get(v) ?? 0) + k);
}

/**
 * α = 1 − D_o / D_e with, for nominal values, D_o = (n − Σ_c o_cc) / n and
 * D_e = (n² − Σ_c n_c²) / (n(n − 1)), that is α = 1 − (n − 1)(n − Σ o_cc) / (n² − Σ n_c²).
 */
export function krippendorffAlpha(counts: AlphaCounts): Figure {
  const n = counts.values;
  if (counts.units === 0) return undefinedFigure('no token was tagged by two or more annotators', 0, 'tokens');
  let squares = 0;
  for (const k of counts.perCategory.values()) squares += k * k;
  const expected = n * n - squares;
  if (expected === 0) {
    return undefinedFigure('expected disagreement is 0: every token has the same single tag', counts.units, 'tokens');
  }
  return defined(1 - ((n - 1) * (n - counts.diagonal)) / expected, counts.units, 'tokens');
}
