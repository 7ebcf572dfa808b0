import type { ExportWarning } from '../formats/formatTypes';

/**
 * How many distinct spans the warnings of an export name. One span can be named by two warnings
 * (a note left out and a value left out), and it is still one span the user has to look at.
 * Notices name spans that were written as they are, so they are not counted.
 */
export function spansNamedByWarnings(warnings: readonly ExportWarning[]): number {
  const seen = new Set<string>();
  for (const w of warnings) if (!w.notice) for (const a of w.annotations) seen.add(`${w.path}\u0000${a.id}`);
  return seen.size;
}
