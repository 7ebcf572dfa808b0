import { strict as assert } from 'node:assert';
import type { FleissCounts } from '../../../src/core/review/fleissKappa';
import { addFleissItem, emptyFleissCounts, fleissKappa, mergeFleissCounts } from '../../../src/core/review/fleissKappa';
import { close } from './helpers';

function countsOf(items: readonly (readonly string[])[]): FleissCounts {
  const c = emptyFleissCounts();
  for (const i of items) addFleissItem(c, i);
  return c;
}

describe('review/fleissKappa', () => {
  it('matches a hand computation with three annotators', () => {
    // Items (a,a,a) and (a,a,b); N 2, r 3.
    // Σ n_ij(n_ij − 1) = 3·2 + 2·1 = 8; P̄ = 8/(2·3·2) = 2/3.
    // p_a = 5/6, p_b = 1/6; P̄_e = 25/36 + 1/36 = 13/18. κ = (2/3 − 13/18)/(1 − 13/18) = (−1/18)/(5/18) = −1/5.
    const k = fleissKappa(
      countsOf([
        ['a', 'a', 'a'],
        ['a', 'a', 'b'],
      ]),
    );
    close(k.value, -1 / 5);
    assert.equal(k.items, 2);
  });

  it('agrees with the published 14-rater example (κ = 0.210)', () => {
    // Fleiss' example table: 10 subjects, 14 raters, 5 categories (counts per category).
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const items = table.map((row) => row.flatMap((k, j) => Array<string>(k).fill(`c${j}`)));
    assert.equal(fleissKappa(countsOf(items)).value?.toFixed(3), '0.210');
  });

  it('is 1 for perfect agreement with variation', () => {
    close(
      fleissKappa(
        countsOf([
          ['a', 'a', 'a'],
          ['b', 'b', 'b'],
        ]),
      ).value,
      1,
    );
  });

  it('is null with a reason for two annotators, mixed numbers of annotators, one category, no items', () => {
    assert.match(
      fleissKappa(
        countsOf([
          ['a', 'b'],
          ['a', 'a'],
        ]),
      ).reason ?? '',
      /three or more/,
    );
    const mixed = countsOf([['a', 'a', 'b']]);
    mergeFleissCounts(mixed, countsOf([['a', 'b', 'b', 'b']]));
    assert.equal(fleissKappa(mixed).value, null);
    assert.match(fleissKappa(mixed).reason ?? '', /differs between documents/);
    assert.match(fleissKappa(countsOf([['O', 'O', 'O']])).reason ?? '', /chance agreement is 1/);
    assert.equal(fleissKappa(emptyFleissCounts()).value, null);
  });

  it('adds documents with the same annotators by summing counts', () => {
    const part = countsOf([['a', 'a', 'a']]);
    mergeFleissCounts(part, countsOf([['a', 'a', 'b']]));
    close(fleissKappa(part).value, -1 / 5);
  });
});
