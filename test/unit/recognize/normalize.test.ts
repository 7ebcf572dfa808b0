import { strict as assert } from 'node:assert';
import { normalizeArabic, originalSpan } from '../../../src/core/recognize/normalize';

describe('normalizeArabic', () => {
  it('folds alef variants, alef maqsura and ta marbuta', () => {
    assert.equal(normalizeArabic('أإآٱ').text, 'اااا');
    assert.equal(normalizeArabic('مستشفى').text, 'مستشفي');
    assert.equal(normalizeArabic('وزارة').text, 'وزاره');
    assert.equal(normalizeArabic('وزارة', { foldTaMarbuta: false }).text, 'وزارة');
  });

  it('removes harakat and maps each folded character back to its original', () => {
    const original = 'مُحَمَّد في';
    const n = normalizeArabic(original);
    assert.equal(n.text, 'محمد في');
    assert.deepEqual(Array.from(n.offsets), [0, 2, 4, 7, 8, 9, 10, 11]);
    // The span of the folded word covers the original word with all its harakat.
    const span = originalSpan(n, 0, 4);
    assert.equal(original.slice(span.start, span.end), 'مُحَمَّد');
  });

  it('removes tatweel and keeps offsets exact around it', () => {
    const original = 'الربـــاط هـ';
    const n = normalizeArabic(original);
    assert.equal(n.text, 'الرباط ه');
    const span = originalSpan(n, 0, 6);
    assert.equal(original.slice(span.start, span.end), 'الربـــاط');
    const era = originalSpan(n, 7, 8);
    assert.equal(original.slice(era.start, era.end), 'هـ');
  });

  it('keeps astral characters, CR and a BOM as they are, one offset per UTF-16 unit', () => {
    const original = '\uFEFFأمس 😀\r\nغداً';
    const n = normalizeArabic(original);
    assert.equal(n.text, '\uFEFFامس 😀\r\nغدا');
    assert.equal(n.offsets.length, n.text.length + 1);
    const span = originalSpan(n, n.text.length - 3, n.text.length);
    assert.equal(original.slice(span.start, span.end), 'غداً');
  });

  it('has an identity map when there is nothing to fold', () => {
    const n = normalizeArabic('abc 123');
    assert.deepEqual(Array.from(n.offsets), [0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
