import { strict as assert } from 'node:assert';
import type { AlphaCounts } from '../../../src/core/review/krippendorffAlpha';
import { addAlphaUnit, emptyAlphaCounts, krippendorffAlpha, mergeAlphaCounts } from '../../../src/core/review/krippendorffAlpha';
import { close } from './helpers';

function countsOf(units: readonly (readonly string[])[]): AlphaCounts {
  const c = emptyAlphaCounts();
  for (const u of units) addAlphaUnit(c, u);
  return c;
}

describe('review/krippendorffAlpha (nominal)', () => {
  it('matches a hand computation with two annotators', () => {
    // Units (a,a) (a,b) (b,b). o_cc: each agreeing pair unit adds k(k−1)/(m−1) = 2 → Σ o_cc = 4.
    // n = 6, n_a = n_b = 3, Σ n_c² = 18. α = 1 − (n−1)(n − Σ o_cc)/(n² − Σ n_c²) = 1 − 5·2/18 = 4/9.
    const a = krippendorffAlpha(
      countsOf([
        ['a', 'a'],
        ['a', 'b'],
        ['b', 'b'],
      ]),
    );
    close(a.value, 4 / 9);
    assert.equal(a.items, 3);
  });

  it('handles missing values and units of different sizes', () => {
    // (a,a,b): m 3, Σ k(k−1) = 2, /(m−1) → 1. (b,b): 2. (a): one value, unpairable, left out.
    // Σ o_cc = 3, n = 5, n_a 2, n_b 3, Σ n_c² = 13. α = 1 − 4·(5 − 3)/(25 − 13) = 1 − 8/12 = 1/3.
    const a = krippendorffAlpha(countsOf([['a', 'a', 'b'], ['b', 'b'], ['a']]));
    close(a.value, 1 / 3);
    assert.equal(a.items, 2);
  });

  it('agrees with the published four-coder example (α = 0.743)', () => {
    // Krippendorff's worked example: 4 coders, 12 units, values 1-5, '.' missing.
    const rows = ['1 2 3 3 2 1 4 1 2 . . .', '1 2 3 3 2 2 4 1 2 5 . 3', '. 3 3 3 2 3 4 2 2 5 1 .', '1 2 3 3 2 4 4 1 2 5 1 .'].map((r) => r.split(' '));
    const units = Array.from({ length: 12 }, (_, u) => rows.map((r) => r[u] as string).filter((v) => v !== '.'));
    const a = krippendorffAlpha(countsOf(units));
    assert.equal(a.value?.toFixed(3), '0.743');
    assert.equal(a.items, 11);
  });

  it('adds documents by summing counts', () => {
    const whole = countsOf([
      ['a', 'a'],
      ['a', 'b'],
      ['b', 'b'],
    ]);
    const part = countsOf([['a', 'a']]);
    mergeAlphaCounts(
      part,
      countsOf([
        ['a', 'b'],
        ['b', 'b'],
      ]),
    );
    assert.equal(krippendorffAlpha(part).value, krippendorffAlpha(whole).value);
  });

  it('is 1 for perfect agreement with variation, null with a reason when undefined', () => {
    close(
      krippendorffAlpha(
        countsOf([
          ['a', 'a'],
          ['b', 'b'],
        ]),
      ).value,
      1,
    );
    const none = krippendorffAlpha(emptyAlphaCounts());
    assert.equal(none.value, null);
    assert.match(none.reason ?? '', /two or more annotators/);
    const single = krippendorffAlpha(
      countsOf([
        ['O', 'O'],
        ['O', 'O'],
      ]),
    );
    assert.equal(single.value, null);
    assert.match(single.reason ?? '', /expected disagreement is 0/);
  });
});
