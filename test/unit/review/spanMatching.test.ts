import { strict as assert } from 'node:assert';
import { exactMatchCounts, overlapMatchCounts, spanFigures } from '../../../src/core/review/spanMatching';
import { close, raw } from './helpers';

describe('review/spanMatching', () => {
  // a: LOC[0,5) PER[10,15) ORG[20,30)          (3 spans)
  // b: LOC[0,5) PER[10,14) ORG[40,45) MISC[50,55) (4 spans)
  const a = [raw('LOC', 0, 5), raw('PER', 10, 15), raw('ORG', 20, 30)];
  const b = [raw('LOC', 0, 5), raw('PER', 10, 14), raw('ORG', 40, 45), raw('MISC', 50, 55)];

  it('exact match: same start, end and label', () => {
    // Only LOC[0,5) is in both: matched 1. P = 1/4 (over b), R = 1/3 (over a), F1 = 2·1/(3+4) = 2/7.
    const f = spanFigures(exactMatchCounts(a, b));
    assert.deepEqual([f.matched, f.spansA, f.spansB], [1, 3, 4]);
    close(f.precision.value, 1 / 4);
    close(f.recall.value, 1 / 3);
    close(f.f1.value, 2 / 7);
    assert.deepEqual([f.precision.items, f.recall.items, f.f1.items], [4, 3, 7]);
    assert.equal(f.f1.unit, 'spans');
  });

  it('overlap match: same label and a shared code point', () => {
    // LOC↔LOC and PER[10,15)↔PER[10,14) (4 shared code points); ORG[20,30) and ORG[40,45) do not meet.
    // matched 2: P = 2/4, R = 2/3, F1 = 4/7.
    const f = spanFigures(overlapMatchCounts(a, b));
    assert.equal(f.matched, 2);
    close(f.precision.value, 1 / 2);
    close(f.recall.value, 2 / 3);
    close(f.f1.value, 4 / 7);
  });

  it('overlap match is one-to-one and prefers the pair sharing more code points', () => {
    // a LOC[0,10) overlaps b LOC[0,4) (4 shared) and b LOC[5,10) (5 shared): only one pair counts.
    // matched 1: P = 1/2, R = 1/1, F1 = 2/3.
    const f = spanFigures(overlapMatchCounts([raw('LOC', 0, 10)], [raw('LOC', 0, 4), raw('LOC', 5, 10)]));
    assert.equal(f.matched, 1);
    close(f.precision.value, 1 / 2);
    close(f.recall.value, 1);
    close(f.f1.value, 2 / 3);
    // Two spans of a each overlapping the one span of b: still one match.
    assert.equal(overlapMatchCounts([raw('X', 0, 6), raw('X', 6, 12)], [raw('X', 3, 9)]).matched, 1);
  });

  it('overlap match needs the same label and a shared code point (touching is not overlapping)', () => {
    assert.equal(overlapMatchCounts([raw('LOC', 0, 5)], [raw('ORG', 0, 5)]).matched, 0);
    assert.equal(overlapMatchCounts([raw('LOC', 0, 5)], [raw('LOC', 5, 9)]).matched, 0);
  });

  it('greedy pairing keeps a larger overlap over a first-come one', () => {
    // a: X[0,10) X[10,20); b: X[8,18). Overlaps: a0↔b 2 code points, a1↔b 8: a1 takes b. matched 1.
    assert.equal(overlapMatchCounts([raw('X', 0, 10), raw('X', 10, 20)], [raw('X', 8, 18)]).matched, 1);
    // a: X[0,10) X[5,7); b: X[0,10) X[4,8): a0↔b0 10, a1↔b1 2 → both matched (2), whatever the order.
    assert.equal(overlapMatchCounts([raw('X', 5, 7), raw('X', 0, 10)], [raw('X', 4, 8), raw('X', 0, 10)]).matched, 2);
  });

  it('undefined ratios are null with a reason, never NaN', () => {
    const none = spanFigures(exactMatchCounts([], []));
    for (const f of [none.precision, none.recall, none.f1]) {
      assert.equal(f.value, null);
      assert.ok(f.reason && f.reason.length > 0);
    }
    // b empty: precision undefined, recall 0/1 = 0, F1 = 0/(1+0) = 0.
    const bEmpty = spanFigures(exactMatchCounts([raw('LOC', 0, 5)], []));
    assert.equal(bEmpty.precision.value, null);
    assert.equal(bEmpty.recall.value, 0);
    assert.equal(bEmpty.f1.value, 0);
  });
});
