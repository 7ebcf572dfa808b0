import { strict as assert } from 'node:assert';
import { clusterEnd, clusterStart, codePointIn, inOrder, snapToClusters } from '../../../src/core/reading/readingOffsets';

describe('selection offsets in the reading view', () => {
  const harakat = 'قَالَ مُحَمَّدٌ';

  it('keeps a letter with its harakat and shadda', () => {
    const m = harakat.indexOf('م');
    // A selection ending between م and its damma takes the damma too.
    assert.deepEqual(snapToClusters(harakat, m, m + 1), { start: m, end: m + 2 });
    // One starting on the shadda's mark starts at its letter.
    const shadda = harakat.indexOf('\u0651');
    assert.equal(clusterStart(harakat, shadda), harakat.lastIndexOf('م'));
  });

  it('never cuts an emoji, a flag or a joined sequence', () => {
    const text = 'وصل 🇲🇦 اليوم 👩‍👩‍👧';
    const flag = text.indexOf('🇲🇦');
    assert.deepEqual(snapToClusters(text, flag + 1, flag + 3), { start: flag, end: flag + 4 });
    const family = text.indexOf('👩');
    assert.equal(clusterEnd(text, family + 2), text.length);
  });

  it('leaves tatweel and plain letters where they are', () => {
    const text = 'مـــصر';
    assert.deepEqual(snapToClusters(text, 1, 4), { start: 1, end: 4 });
  });

  it('gives code points of the document: astral characters count one', () => {
    const paragraph = { text: '😀 المغرب', cpStart: 100 };
    assert.equal(codePointIn(paragraph, paragraph.text.indexOf('ا')), 102);
    assert.equal(codePointIn(paragraph, 0), 100);
    assert.equal(codePointIn(paragraph, 999), 100 + [...paragraph.text].length);
  });

  it('orders the ends of a backwards selection', () => {
    assert.deepEqual(inOrder({ line: 2, character: 5 }, { line: 1, character: 9 }), [
      { line: 1, character: 9 },
      { line: 2, character: 5 },
    ]);
  });
});
