/**
 * A sparse table of counts: how often annotator a gave category `row` where b gave `column`.
 * Additive, so a folder's table is the sum of its documents' tables.
 */
export type Contingency = Map<string, Map<string, number>>;

export function addToContingency(table: Contingency, row: string, column: string, count = 1): void {
  let cells = table.get(row);
  if (cells === undefined) {
    cells = new Map();
    table.set(row, cells);
  }
  cells.set(column, (cells.get(column) ?? 0) + count);
}

/** Adds `from` into `into`. */
export function mergeContingency(into: Contingency, from: Contingency): void {
  for (const [row, cells] of from) for (const [column, count] of cells) addToContingency(into, row, column, count);
}
