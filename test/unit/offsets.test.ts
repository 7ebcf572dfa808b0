import { strict as assert } from 'node:assert';
import { CodePointIndex } from '../../src/core/model/offsets';

describe('CodePointIndex smoke', () => {
  it('counts an emoji as one code point', () => {
    const idx = new CodePointIndex('a😀b');
    assert.equal(idx.toCodePoint(3), 2);
    assert.equal(idx.toUtf16(2), 3);
  });
});
