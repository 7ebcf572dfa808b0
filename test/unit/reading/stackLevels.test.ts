import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { overlaps, stackLevels } from '../../../src/core/reading/stackLevels';

describe('stacked boxes', () => {
  it('draws a nested span around the one inside it', () => {
    // «وزارة الخارجية المغربية» (ORG) around «المغربية» (LOC)
    assert.deepEqual(
      stackLevels([
        { start: 0, end: 24 },
        { start: 15, end: 24 },
      ]),
      [1, 0],
    );
  });

  it('gives partly overlapping spans different levels and leaves disjoint ones on the lowest', () => {
    assert.deepEqual(
      stackLevels([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 20, end: 30 },
      ]),
      [0, 1, 0],
    );
  });

  it('puts a span around two nested ones above both', () => {
    assert.deepEqual(
      stackLevels([
        { start: 0, end: 30 },
        { start: 0, end: 20 },
        { start: 5, end: 10 },
      ]),
      [2, 1, 0],
    );
  });

  it('separates the same span tagged with two labels', () => {
    const levels = stackLevels([
      { start: 3, end: 9 },
      { start: 3, end: 9 },
    ]);
    assert.notEqual(levels[0], levels[1]);
  });

  it('never gives two overlapping spans one level, and keeps a container above what it contains', () => {
    const span = fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 20 })).map(([start, n]) => ({ start, end: start + n }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), (spans) => {
        const levels = stackLevels(spans);
        for (let i = 0; i < spans.length; i++)
          for (let j = 0; j < spans.length; j++) {
            if (i === j) continue;
            const a = spans[i] as { start: number; end: number };
            const b = spans[j] as { start: number; end: number };
            if (overlaps(a, b)) assert.notEqual(levels[i], levels[j]);
            const strictlyInside = b.start >= a.start && b.end <= a.end && b.end - b.start < a.end - a.start;
            if (strictlyInside) assert.ok((levels[i] as number) > (levels[j] as number), `${JSON.stringify(a)} above ${JSON.stringify(b)}`);
          }
      }),
    );
  });
});
