import { strict as assert } from 'node:assert';
import { findDocumentDate } from '../../../src/core/recognize/documentDate';

describe('findDocumentDate', () => {
  it('finds a dateline', () => {
    const text = 'الرباط - 18 يناير 2023\nاتفق المغرب وإسرائيل على تعزيز التعاون.';
    assert.deepEqual(findDocumentDate(text), { date: '2023-01-18', start: 9, end: 22, text: '18 يناير 2023' });
    assert.equal(findDocumentDate('طنجة (7 نونبر 2022) - حقق الميناء رقما قياسيا في 3 مارس 2020 وما بعده من أشهر طويلة جدا جدا')?.date, '2022-11-07');
  });

  it('finds a date line at the top', () => {
    assert.equal(findDocumentDate('\nالأربعاء 18/01/2023\nنص الخبر')?.date, '2023-01-18');
  });

  it('ignores an event date inside a long first sentence, and partial dates', () => {
    const long = 'أعلنت الوزارة في بيان طويل صدر بعد اجتماع مطول مع الشركاء أن المشروع الذي أطلق في 3 مارس 2020 سيكتمل قريبا';
    assert.equal(findDocumentDate(long), undefined);
    assert.equal(findDocumentDate('الرباط - 18 يناير\nنص'), undefined);
  });
});
