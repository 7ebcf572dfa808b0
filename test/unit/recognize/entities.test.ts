import { strict as assert } from 'node:assert';
import { linkMentions } from '../../../src/core/recognize/consistency';
import { recognize } from '../../../src/core/recognize/recognize';
import { found } from './helpers';

describe('entities', () => {
  it("starts spans after proclitics, at the article's ل in لل", () => {
    assert.deepEqual(found('اتفق المغرب وإسرائيل على', 'LOC'), [
      ['المغرب', undefined],
      ['إسرائيل', undefined],
    ]);
    assert.deepEqual(found('في العاصمة بالرباط', 'LOC'), [['الرباط', undefined]]);
    const spans = recognize('المفتش العام للقوات المسلحة الملكية، أنّ').filter((s) => s.label === 'ORG');
    assert.equal(spans.length, 1);
    assert.equal(spans[0]?.text, 'لقوات المسلحة الملكية');
    assert.equal(spans[0]?.start, 'المفتش العام ل'.length);
  });

  it('keeps UTF-16 offsets into the original text through harakat and tatweel', () => {
    const text = 'زار الرئيسُ مُحَمَّد بن سلمان الريـــاض';
    for (const s of recognize(text)) assert.equal(text.slice(s.start, s.end), s.text);
    assert.deepEqual(found(text, 'LOC'), [['الريـــاض', undefined]]);
  });

  it('does not tag nisba adjectives as places', () => {
    assert.deepEqual(found('التعاون المغربي الإسرائيلي والجانب التونسي', 'LOC'), []);
  });

  it('finds countries through ICU region names and their variants', () => {
    assert.deepEqual(found('زار الوزير أذربيجان ثم أمريكا', 'LOC'), [
      ['أذربيجان', undefined],
      ['أمريكا', undefined],
    ]);
  });

  it('reads a name after a title, after adjectives and after a described office', () => {
    assert.deepEqual(found('وقال الرئيس الفرنسي إيمانويل ماكرون إن', 'PER'), [['إيمانويل ماكرون', undefined]]);
    assert.deepEqual(found('الذي ترأسه المفتش العام للقوات المسلحة الملكية بلخير الفاروق، ومدير', 'PER'), [['بلخير الفاروق', undefined]]);
    assert.deepEqual(found('ومدير مكتب الشؤون السياسية العسكرية بوزارة الأمن الإسرائيلية، درور شالوم، بحث', 'PER'), [['درور شالوم', undefined]]);
    assert.deepEqual(found('وقال الناطق باسم الحكومة سعيد المرابط إن', 'PER'), [['سعيد المرابط', undefined]]);
    assert.deepEqual(found('وقال الرئيس إن البلاد', 'PER'), []);
  });

  it('reads a person from a given name followed by a name', () => {
    assert.deepEqual(found('والتقى خالد بن سلطان آل نهيان بالوفد', 'PER'), [['خالد بن سلطان آل نهيان', undefined]]);
    assert.deepEqual(found('وقال علي حداد إن', 'PER'), [['علي حداد', undefined]]);
    assert.deepEqual(found('على الحكومة أن', 'PER'), []);
    assert.deepEqual(found('سعيد جدا بهذا', 'PER'), []);
  });

  it('reads organisation chains with genitives and adjectives', () => {
    assert.deepEqual(found('وكشفت القيادة العامة للقوات المسلحة الملكية، الثلاثاء', 'ORG'), [['القيادة العامة للقوات المسلحة الملكية', undefined]]);
    assert.deepEqual(found('مدير المكتب بوزارة الأمن الإسرائيلية، درور', 'ORG'), [['وزارة الأمن الإسرائيلية', undefined]]);
    assert.deepEqual(found('أعلن حزب العدالة والتنمية في بيان', 'ORG'), [['حزب العدالة والتنمية', undefined]]);
    assert.deepEqual(found('أعلنت وزارة الداخلية السعودية القبض على', 'ORG'), [['وزارة الداخلية السعودية', undefined]]);
    assert.deepEqual(found('وقال الناطق باسم الحكومة الناني ولد اشروقه', 'ORG'), []);
  });

  it('finds a name again in the same text, the surname alone included', () => {
    const spans = found('وقال الوزير عبد اللطيف لوديي إن الاتفاق مهم. وأضاف لوديي أن', 'PER');
    assert.deepEqual(spans, [
      ['عبد اللطيف لوديي', undefined],
      ['لوديي', undefined],
    ]);
  });

  it('links mentions across lines recognised separately', () => {
    const text = 'قال الرئيس عبد المجيد تبون إن\nوأكد تبون أن';
    const firstLine = recognize('قال الرئيس عبد المجيد تبون إن');
    const linked = linkMentions(text, firstLine);
    assert.deepEqual(
      linked.map((s) => [s.text, s.label, text.slice(s.start, s.end)]),
      [
        ['عبد المجيد تبون', 'PER', 'عبد المجيد تبون'],
        ['تبون', 'PER', 'تبون'],
      ],
    );
  });

  it('keeps only the requested labels', () => {
    const labels = new Set(recognize('زار الرئيس ماكرون الرباط أمس', { labels: ['LOC'] }).map((s) => s.label));
    assert.deepEqual([...labels], ['LOC']);
  });

  it('gives every span a reason and a source', () => {
    for (const s of recognize('وقال الملك محمد السادس في الرباط يوم 5 مارس 2023')) {
      assert.ok(s.reason.length > 0);
      assert.equal(s.source, 'rules');
    }
  });
});
