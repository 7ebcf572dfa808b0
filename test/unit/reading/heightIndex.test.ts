import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { HeightIndex } from '../../../src/core/reading/heightIndex';

describe('paragraph heights', () => {
  it('finds where each paragraph starts and which one covers a position', () => {
    const h = new HeightIndex([10, 20, 30]);
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => h.top(i)),
      [0, 10, 30, 60],
    );
    assert.equal(h.total, 60);
    assert.deepEqual(
      [-5, 0, 9.9, 10, 29, 30, 59, 60, 1000].map((y) => h.indexAt(y)),
      [0, 0, 0, 1, 1, 2, 2, 2, 2],
    );
  });

  it('follows a measured height', () => {
    const h = new HeightIndex([10, 10, 10]);
    h.set(1, 50);
    assert.equal(h.top(2), 60);
    assert.equal(h.indexAt(59), 1);
    assert.equal(h.total, 70);
  });

  it('inserts and removes paragraphs', () => {
    const h = new HeightIndex([10, 20, 30, 40]);
    h.splice(1, 2, [5, 5, 5]);
    assert.equal(h.count, 5);
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((i) => h.height(i)),
      [10, 5, 5, 5, 40],
    );
    assert.equal(h.total, 65);
  });

  it('has nothing to find in an empty list', () => {
    assert.equal(new HeightIndex().indexAt(10), -1);
  });

  it('agrees with plain sums after any sequence of changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 80 })), { maxLength: 20 }),
        fc.nat(3000),
        (start, changes, y) => {
          const plain = [...start];
          const h = new HeightIndex(start);
          for (const [i, v] of changes) {
            if (i < plain.length) plain[i] = v;
            h.set(i, v);
          }
          let top = 0;
          let covering = plain.length - 1;
          for (let i = 0; i < plain.length; i++) {
            assert.equal(h.top(i), top);
            if (y >= top && y < top + (plain[i] as number)) covering = i;
            top += plain[i] as number;
          }
          assert.equal(h.indexAt(y), covering);
        },
      ),
    );
  });
});
