import type { Contingency } from './contingency';
import type { Figure } from './figure';
import { defined, undefinedFigure } from './figure';

/**
 * Cohen's κ from a two-annotator contingency table over tokens:
 * κ = (p_o − p_e) / (1 − p_e), with p_o the share of tokens on the diagonal and
 * p_e = Σ_c (row_c / N)·(column_c / N). Worked in integers (N·diagonal − Σ row·column over
 * N² − Σ row·column) so that a table of identical single-category tags is recognised exactly as
 * undefined instead of giving 0/0.
 */
export function cohenKappa(table: Contingency): Figure {
  const rows = new Map<string, number>();
  const columns = new Map<string, number>();
  let n = 0;
  let diagonal = 0;
  for (const [row, cells] of table) {
    for (const [column, count] of cells) {
      n += count;
      rows.set(row, (rows.get(row) ?? 0) + count);
      columns.set(column, (columns.get(column) ?? 0) + count);
      if (row === column) diagonal += count;
    }
  }
  if (n === 0) return undefinedFigure('no tokens', 0, 'tokens');
  let chance = 0;
  for (const [category, count] of rows) chance += count * (columns.get(category) ?? 0);
  const denominator = n * n - chance;
  if (denominator === 0) {
    return undefinedFigure('chance agreement is 1: both annotators gave every token the same single tag', n, 'tokens');
  }
  return defined((n * diagonal - chance) / denominator, n, 'tokens');
}
