import { strict as assert } from 'node:assert';
import { changedSpanRange } from '../../../src/core/model/changedSpanRange';
import type { PaintedSpan } from '../../../src/core/model/changedSpanRange';

const span = (start: number, end: number, label = 'LOC'): PaintedSpan => ({ start, end, label });

describe('changedSpanRange', () => {
  const before = [span(0, 5), span(10, 15, 'PER'), span(100, 110), span(200, 210)];

  it('is null when nothing changed, with or without an edit that moved the spans', () => {
    assert.equal(changedSpanRange(before, before, 0), null);
    assert.equal(changedSpanRange(before.slice(0, 2), [...before.slice(0, 2)], 3), null);
  });

  it('is null when the spans before an edit stayed and the spans after it moved with it', () => {
    // Four characters typed at 50: the first two spans stay, the last two move by 4.
    assert.equal(changedSpanRange(before, [span(0, 5), span(10, 15, 'PER'), span(104, 114), span(204, 214)], 4), null);
  });

  it('marks only a new span near the caret when typing shifted every span after it', () => {
    // Three characters typed at 50, and a new suggestion there: the spans after it moved by 3.
    const after = [span(0, 5), span(10, 15, 'PER'), span(48, 53, 'ORG'), span(103, 113), span(203, 213)];
    assert.deepEqual(changedSpanRange(before, after, 3), { start: 48, end: 53 });
  });

  it('marks a relabelled span and a removed one where they are in the new text', () => {
    assert.deepEqual(changedSpanRange(before, [span(0, 5), span(10, 15, 'ORG'), span(100, 110), span(200, 210)], 0), { start: 10, end: 15 });
    assert.deepEqual(changedSpanRange(before, [span(0, 5), span(10, 15, 'PER'), span(200, 210)], 0), { start: 100, end: 110 });
  });

  it('marks everything between the first and the last difference', () => {
    const after = [span(1, 5), span(10, 15, 'PER'), span(100, 110), span(200, 211)];
    assert.deepEqual(changedSpanRange(before, after, 0), { start: 0, end: 211 });
  });

  it('covers the lists from empty and to empty', () => {
    assert.deepEqual(changedSpanRange([], before, 0), { start: 0, end: 210 });
    assert.deepEqual(changedSpanRange(before, [], -300), { start: 0, end: 210 });
  });
});
