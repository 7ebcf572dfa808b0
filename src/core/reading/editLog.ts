import type { Span, TextEdit } from '../model/shift';
import { shiftSpan } from '../model/shift';

/**
 * The edits made since a set of spans was computed (suggestions and reviews are worked out a moment
 * after typing stops): spans are carried forward through them, and a range of the current text
 * mapped back, so that what was computed for the text before still shows in the right place
 * meanwhile. A span whose text an edit touched is left out until the next computation.
 */
export class EditLog {
  /** In the order applied; each in the coordinates of the text just before it. */
  private edits: TextEdit[] = [];

  get empty(): boolean {
    return this.edits.length === 0;
  }

  /** One change event: its edits are in the coordinates before it and do not overlap, so they apply last first. */
  record(edits: readonly TextEdit[]): void {
    this.edits.push(...[...edits].sort((x, y) => y.start - x.start));
  }

  clear(): void {
    this.edits = [];
  }

  /** Where a span computed before the edits is now; undefined when an edit changed its text. */
  forward(span: Span): Span | undefined {
    let { start, end } = span;
    for (const edit of this.edits) {
      const outcome = shiftSpan({ start, end }, edit);
      if (outcome.kind === 'unchanged') continue;
      if (outcome.kind !== 'moved' || outcome.end - outcome.start !== end - start) return undefined;
      start = outcome.start;
      end = outcome.end;
    }
    return { start, end };
  }

  /**
   * A point of the current text in the text before the edits. Where that is ambiguous (at a
   * deletion, inside inserted text) it goes to the earliest place with `before` and to the latest
   * with `after`, so that a range mapped with `before` at its start and `after` at its end covers
   * everything that was there.
   */
  backward(point: number, bias: 'before' | 'after' = 'before'): number {
    let p = point;
    for (let i = this.edits.length - 1; i >= 0; i--) {
      const { start, end, insertedLength } = this.edits[i] as TextEdit;
      if (p < start || (p === start && bias === 'before')) continue;
      if (p > start + insertedLength || (p === start + insertedLength && (bias === 'after' || insertedLength > 0))) p = p - insertedLength + (end - start);
      else p = bias === 'before' ? start : end;
    }
    return p;
  }
}
