import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CodePointIndex, codePointLength, sliceCodePoints } from '../../../src/core/model/offsets';

describe('CodePointIndex', () => {
  it('counts an emoji as one code point and two UTF-16 units', () => {
    const text = 'a😀b';
    const idx = new CodePointIndex(text);
    assert.equal(idx.codePointLength, 3);
    assert.deepEqual(
      [0, 1, 2, 3].map((u) => idx.toUtf16(u)),
      [0, 1, 3, 4],
    );
    assert.deepEqual(
      [0, 1, 3, 4].map((u) => idx.toCodePoint(u)),
      [0, 1, 2, 3],
    );
  });

  it('maps an offset inside a surrogate pair to that character', () => {
    const idx = new CodePointIndex('😀😀');
    assert.equal(idx.toCodePoint(1), 0);
    assert.equal(idx.toCodePoint(3), 1);
  });

  it('treats harakat, tatweel, CR LF and a BOM as one unit each', () => {
    const text = '\uFEFFمُحَمّـد\r\nب';
    const idx = new CodePointIndex(text);
    assert.equal(idx.codePointLength, text.length);
    for (let i = 0; i <= text.length; i++) assert.equal(idx.toCodePoint(i), i);
  });

  it('places Arabic words after emoji exactly', () => {
    const text = '🇲🇦 المغرب 😀 وإسرائيل';
    const idx = new CodePointIndex(text);
    const u = text.indexOf('المغرب');
    const cp = idx.toCodePoint(u);
    assert.equal(cp, 3);
    assert.equal(sliceCodePoints(text, cp, cp + 6, idx), 'المغرب');
    assert.equal([...text].slice(cp, cp + 6).join(''), 'المغرب');
  });

  it('rejects offsets outside the text with a clear message', () => {
    const idx = new CodePointIndex('abc');
    assert.throws(() => idx.toUtf16(4), /code point offset 4 is outside 0..3/);
    assert.throws(() => idx.toCodePoint(-1), /UTF-16 offset -1/);
  });

  it('agrees with the spread iterator on random strings (property)', () => {
    const alphabet = fc.constantFrom('ا', 'ب', 'ً', 'ـ', '\r', '\n', ' ', '😀', '𝔸', 'a', '\uFEFF', '٣');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        const idx = new CodePointIndex(text);
        assert.equal(idx.codePointLength, codePointLength(text));
        assert.equal(idx.codePointLength, [...text].length);
        let u = 0;
        [...text].forEach((ch, cp) => {
          assert.equal(idx.toUtf16(cp), u);
          assert.equal(idx.toCodePoint(u), cp);
          u += ch.length;
        });
        assert.equal(idx.toUtf16(idx.codePointLength), text.length);
      }),
      { numRuns: 500 },
    );
  });
});
