import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Annotation } from '../../../src/core/model/annotation';
import { firstIndexWhere } from '../../../src/core/model/binarySearch';
import { LazyShiftedSpans } from '../../../src/core/model/lazyShiftedSpans';
import { SessionIds } from '../../../src/core/model/sessionIds';
import { bury, cover, follow, shiftPoint } from '../../../src/core/model/tombstones';
import { TrackedAnnotations } from '../../../src/core/model/trackedAnnotations';
import type { TextEdit } from '../../../src/core/model/shift';

const span = (id: string, start: number, end: number, label = 'LOC'): Annotation => ({
  id,
  label,
  start,
  end,
  text: 'x'.repeat(end - start),
  status: 'accepted',
  source: 'manual',
});
const key = (a: Annotation): string => `${a.id}:${a.start}-${a.end}`;

describe('the span index and its parts', () => {
  it('firstIndexWhere finds the first index of a false-then-true predicate, or the end', () => {
    const xs = [1, 3, 3, 7, 9];
    assert.equal(
      firstIndexWhere(0, xs.length, (i) => (xs[i] as number) >= 3),
      1,
    );
    assert.equal(
      firstIndexWhere(0, xs.length, (i) => (xs[i] as number) >= 10),
      5,
    );
    assert.equal(
      firstIndexWhere(0, 0, () => true),
      0,
    );
  });

  it('LazyShiftedSpans keeps a shift pending for the suffix and reads through it', () => {
    const spans = new LazyShiftedSpans();
    spans.items = [span('a', 0, 2), span('b', 10, 12), span('c', 20, 25)];
    // Typing 3 characters at 5: nothing in the window, everything from index 1 moves.
    spans.replaceAndShift(1, 1, [], 3);
    assert.equal(spans.startAt(1), 13);
    assert.equal(spans.itemAt(2).end, 28);
    assert.equal(spans.firstStartingAtOrAfter(13), 1);
    assert.equal(spans.firstStartingAtOrAfter(14), 2);
    // A second keystroke on the same suffix adds to the pending shift.
    spans.replaceAndShift(1, 1, [], -1);
    assert.deepEqual(spans.items.map(key), ['a:0-2', 'b:12-14', 'c:22-27']);
  });

  it('LazyShiftedSpans settles a pending shift before another suffix takes one', () => {
    const spans = new LazyShiftedSpans();
    spans.items = [span('a', 0, 2), span('b', 10, 12), span('c', 20, 25)];
    spans.replaceAndShift(2, 2, [], 4);
    spans.replaceAndShift(1, 1, [], 1);
    assert.deepEqual(spans.items.map(key), ['a:0-2', 'b:11-13', 'c:25-30']);
    assert.equal(spans.insertionIndex(span('d', 11, 12)), 1);
  });

  it('tombstone points stay left of an insertion at them and follow other edits', () => {
    assert.equal(shiftPoint(5, { start: 5, end: 5, insertedLength: 2 }), 5);
    assert.equal(shiftPoint(5, { start: 1, end: 3, insertedLength: 0 }), 3);
    assert.equal(shiftPoint(5, { start: 2, end: 8, insertedLength: 1 }), 2);
    const t = bury(span('a', 4, 6), { start: 3, end: 7, insertedLength: 1 }, false);
    assert.deepEqual([t.at, t.insertedEnd, t.offsetFromEdit], [3, 4, 1]);
    cover(t, { start: 2, end: 5, insertedLength: 0 });
    assert.deepEqual(t.covered, [{ at: 1, end: 2, removed: 3 }]);
    follow(t, { start: 0, end: 0, insertedLength: 10 });
    assert.deepEqual([t.at, t.insertedEnd], [13, 14]);
  });

  it('SessionIds never gives an id held before, even a removed one, and remembers removals until taken back', () => {
    const ids = new SessionIds();
    ids.reset([span('t1', 0, 1), span('t4', 1, 2)]);
    assert.equal(ids.next(), 't5');
    assert.equal(ids.next(['t5']), 't6');
    ids.markRemoved('t4');
    assert.ok(ids.isRemoved('t4'));
    assert.equal(ids.takeBack('t4'), true);
    assert.equal(ids.isRemoved('t4'), false);
    assert.equal(ids.takeBack('t9'), false);
    assert.ok(ids.hasUsed('t9'));
  });
});

describe('TrackedAnnotations: the keystroke path gives what the general path gives', () => {
  /** One random typing edit (insert, delete or replace) inside a text of the given length. */
  const editArb = fc.record({ at: fc.nat(400), removed: fc.nat(6), inserted: fc.nat(4) });

  it('for any sequence of single edits on non-overlapping and nested spans', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.nat(300), length: fc.integer({ min: 1, max: 12 }) }), { minLength: 1, maxLength: 40 }),
        fc.array(editArb, { minLength: 1, maxLength: 30 }),
        (spans, edits) => {
          let text = 'ب'.repeat(400);
          const initial = spans.map((s, i) => ({ ...span(`t${i + 1}`, s.start, Math.min(400, s.start + s.length)), text: text.slice(s.start, Math.min(400, s.start + s.length)) }));
          const fast = new TrackedAnnotations(initial);
          const general = new TrackedAnnotations(initial);
          const read = (s: number, e: number): string => text.slice(Math.max(0, s), e);
          for (const e of edits) {
            const start = Math.min(e.at, text.length);
            const end = Math.min(text.length, start + e.removed);
            const edit: TextEdit = { start, end, insertedLength: e.inserted };
            text = text.slice(0, start) + 'ا'.repeat(e.inserted) + text.slice(end);
            fast.applyEdits([edit], read);
            // Two edits (the second empty, at the very end) always take the general path.
            general.applyEdits([edit, { start: text.length + 1000, end: text.length + 1000, insertedLength: 0 }], read);
            assert.deepEqual(fast.all.map(key), general.all.map(key));
            assert.deepEqual(
              fast.all.map((a) => a.text),
              general.all.map((a) => a.text),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers range queries through a pending shift', () => {
    const tracked = new TrackedAnnotations([span('t1', 0, 3), span('t2', 10, 14), span('t3', 20, 22)]);
    const text = 'x'.repeat(40);
    tracked.applyEdits([{ start: 5, end: 5, insertedLength: 2 }], (s, e) => text.slice(s, e));
    assert.deepEqual(tracked.inRange(12, 12).map(key), ['t2:12-16']);
    assert.deepEqual(tracked.inRange(21, 30).map(key), ['t3:22-24']);
  });
});
