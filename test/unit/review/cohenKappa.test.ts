import { strict as assert } from 'node:assert';
import { cohenKappa } from '../../../src/core/review/cohenKappa';
import type { Contingency } from '../../../src/core/review/contingency';
import { addToContingency } from '../../../src/core/review/contingency';
import { close } from './helpers';

function table(cells: readonly [string, string, number][]): Contingency {
  const t: Contingency = new Map();
  for (const [row, column, n] of cells) addToContingency(t, row, column, n);
  return t;
}

describe('review/cohenKappa', () => {
  it('matches a hand computation on a yes/no table', () => {
    // 50 items: yes/yes 20, yes/no 5, no/yes 10, no/no 15.
    // p_o = 35/50 = 0.7; rows yes 25, no 25; columns yes 30, no 20;
    // p_e = (25·30 + 25·20)/50² = 1250/2500 = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
    const k = cohenKappa(
      table([
        ['yes', 'yes', 20],
        ['yes', 'no', 5],
        ['no', 'yes', 10],
        ['no', 'no', 15],
      ]),
    );
    close(k.value, 0.4);
    assert.equal(k.items, 50);
    assert.equal(k.unit, 'tokens');
  });

  it('matches a hand computation on BIO tags with a category only one annotator used', () => {
    // a: O B-LOC O O O; b: O B-LOC O B-PER O. Cells O/O 3, B-LOC/B-LOC 1, O/B-PER 1.
    // N 5, diagonal 4, p_o = 0.8; rows O 4, B-LOC 1; columns O 3, B-LOC 1, B-PER 1;
    // p_e = (4·3 + 1·1)/25 = 13/25; κ = (5·4 − 13)/(25 − 13) = 7/12.
    close(
      cohenKappa(
        table([
          ['O', 'O', 3],
          ['B-LOC', 'B-LOC', 1],
          ['O', 'B-PER', 1],
        ]),
      ).value,
      7 / 12,
    );
  });

  it('is 1 for identical tags and negative for total disagreement', () => {
    close(
      cohenKappa(
        table([
          ['B-LOC', 'B-LOC', 2],
          ['O', 'O', 3],
        ]),
      ).value,
      1,
    );
    // a: B-LOC O; b: O B-PER. N 2, diagonal 0; Σ row·column = O: 1·1 = 1; κ = (0 − 1)/(4 − 1) = −1/3.
    close(
      cohenKappa(
        table([
          ['B-LOC', 'O', 1],
          ['O', 'B-PER', 1],
        ]),
      ).value,
      -1 / 3,
    );
  });

  it('is null with a reason when undefined', () => {
    const empty = cohenKappa(new Map());
    assert.equal(empty.value, null);
    assert.equal(empty.items, 0);
    assert.match(empty.reason ?? '', /no tokens/);
    // Both annotators all O: p_e = 1, κ = 0/0.
    const allOutside = cohenKappa(table([['O', 'O', 7]]));
    assert.equal(allOutside.value, null);
    assert.equal(allOutside.items, 7);
    assert.match(allOutside.reason ?? '', /chance agreement is 1/);
  });
});
