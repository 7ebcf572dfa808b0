/**
 * Moving spans with text edits. Offsets here are in whatever unit the caller uses consistently
 * (the editor shifts in UTF-16 as VS Code reports edits; sidecars are converted at load and save).
 */
export interface TextEdit {
  /** Start of the replaced range, in the text before the edit. */
  readonly start: number;
  /** End of the replaced range (exclusive), in the text before the edit. */
  readonly end: number;
  /** Length of the inserted text. */
  readonly insertedLength: number;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What one edit did to one span. */
export type ShiftOutcome =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'moved'; readonly start: number; readonly end: number }
  /** Part of the span's text was replaced or deleted; the rest remains at start..end. */
  | { readonly kind: 'damaged'; readonly start: number; readonly end: number }
  /** The span's whole text was deleted or replaced. */
  | { readonly kind: 'deleted'; readonly at: number };

/**
 * Rules, chosen so that typing never silently widens a tag into neighbouring words:
 * - text inserted at the span's start goes before it, at its end goes after it, strictly inside
 *   joins it;
 * - a deletion or replacement that covers part of the span cuts that part off (replacement text at
 *   an edge stays outside);
 * - one that covers all of it deletes the span, at the edit's start (undo can restore it there).
 */
export function shiftSpan(span: Span, edit: TextEdit): ShiftOutcome {
  const { start: a, end: b } = span;
  const { start: s, end: e, insertedLength: n } = edit;
  const delta = n - (e - s);
  // Entirely before the span; an insertion exactly at its start counts as before.
  if (e <= a) return delta === 0 ? { kind: 'unchanged' } : { kind: 'moved', start: a + delta, end: b + delta };
  if (s >= b) return { kind: 'unchanged' };
  // The edit overlaps the span, or is an insertion strictly inside it.
  if (s === e) return { kind: 'moved', start: a, end: b + n };
  if (s <= a && e >= b) return { kind: 'deleted', at: s };
  if (s > a && e < b) return { kind: 'damaged', start: a, end: b + delta };
  if (s <= a) return { kind: 'damaged', start: s + n, end: b + delta };
  return { kind: 'damaged', start: a, end: s };
}
