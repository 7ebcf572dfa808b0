/** One change of a text as an editor reports it: a range of lines (before the change) and the text put there. */
export interface LineChange {
  readonly startLine: number;
  /** The line of the range's end, before the change. */
  readonly endLine: number;
  readonly text: string;
}

/** Lines `at .. at+removed-1` before a change became lines `at .. at+inserted-1` after it; the others only moved. */
export interface LineSplice {
  readonly at: number;
  readonly removed: number;
  readonly inserted: number;
}

/**
 * The lines one change event touched. The changes of an event do not overlap and their ranges are
 * in the coordinates of the text before it (as VS Code reports them), so the lines from the first
 * change's start to the last change's end are replaced, the block growing or shrinking by the line
 * breaks inserted and removed. Returns undefined for an event without changes.
 */
export function lineSpliceOf(changes: readonly LineChange[]): LineSplice | undefined {
  if (changes.length === 0) return undefined;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let delta = 0;
  for (const c of changes) {
    first = Math.min(first, c.startLine);
    last = Math.max(last, c.endLine);
    delta += lineBreaks(c.text) - (c.endLine - c.startLine);
  }
  const removed = last - first + 1;
  return { at: first, removed, inserted: removed + delta };
}

/** Line breaks in a text: CR LF, LF and CR each count once. */
export function lineBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
}

/** A per-line array after a splice: the removed entries give way to the new ones (no argument-count limit on huge pastes). */
export function spliceLines<T>(list: readonly T[], splice: LineSplice, inserted: readonly T[]): T[] {
  return list.slice(0, splice.at).concat(inserted, list.slice(splice.at + splice.removed));
}
