import { strict as assert } from 'node:assert';
import * as fc from 'fast-check';
import { indexForSearch, searchIndex } from '../../../src/core/stats/annotationSearch';
import type { SearchFields } from '../../../src/core/stats/annotationSearch';
import { FindColumns } from '../../../src/core/stats/findColumns';
import type { FindableAnnotation } from '../../../src/core/stats/findColumns';

interface Added {
  readonly set: number;
  readonly annotation: FindableAnnotation & { readonly value?: string };
  readonly annotator: string;
}

const NAMES: Record<string, readonly string[]> = { LOC: ['Place', 'مكان'], PER: ['Person', 'شخص'], ORG: ['Organisation', 'منظمة'] };
const fields = (a: Added['annotation'], annotator: string): SearchFields => ({
  text: a.text,
  label: [a.label, ...(NAMES[a.label] ?? [])],
  ...(a.note !== undefined ? { note: a.note } : {}),
  other: [annotator, a.value ?? ''],
});
const fieldsOf = ({ annotation, annotator }: Added): SearchFields => fields(annotation, annotator);

const TEXTS = ['إسرائيل', 'اسرائيل', 'غزّة', 'بنيـامين نتنياهو', 'الأمم المتحدة', 'Rabat', 'الرباط', ''];
const added = fc.record({
  set: fc.nat(40),
  annotation: fc
    .record(
      {
        id: fc.constantFrom('t1', 't2', 't10', 'aBc9', 'T3'),
        label: fc.constantFrom('LOC', 'PER', 'ORG', 'FAC'),
        start: fc.nat(100_000),
        end: fc.nat(100_000),
        text: fc.constantFrom(...TEXTS),
        status: fc.constantFrom('accepted' as const, 'suggested' as const, 'rejected' as const),
        source: fc.constantFrom('manual' as const, 'rules' as const, 'import' as const),
        note: fc.constantFrom('رئيس الوزراء', 'check', ''),
      },
      { requiredKeys: ['id', 'label', 'start', 'end', 'text', 'status', 'source'] },
    )
    .map((a): FindableAnnotation => ({ ...a })),
  annotator: fc.constantFrom('salma', 'karim', 'سلمى'),
});

function columnsOf(items: readonly Added[]): FindColumns {
  const columns = new FindColumns(fields);
  for (const item of items) columns.add(item.set, item.annotation, item.annotator);
  return columns;
}

/** What a record gives back of an added annotation: everything but its value (searched, not shown). */
function shown(a: Added['annotation']): FindableAnnotation {
  const { value: _value, ...rest } = a;
  return rest;
}

describe('stats/findColumns', () => {
  it('gives back every annotation exactly as it was added, with its set', () => {
    fc.assert(
      fc.property(fc.array(added, { maxLength: 3000 }), (items) => {
        const columns = columnsOf(items);
        assert.equal(columns.length, items.length);
        items.forEach((item, i) => assert.deepEqual(columns.record(i), { set: item.set, annotation: shown(item.annotation) }));
      }),
      { numRuns: 60 },
    );
  });

  it('finds what a search over the same annotations as objects finds, in the same order', () => {
    const queries = ['', 'اسرائيل', 'غزه', 'مكان', 'PER', 'رئيس', 'سلمى', 'نتنياهو المتحدة', 'لا شيء', 'rabat', '2024', 'xxxx-01 karim'];
    fc.assert(
      fc.property(fc.array(added, { maxLength: 500 }), fc.constantFrom(...queries), (items, query) => {
        const columns = columnsOf(items);
        const expected = searchIndex(indexForSearch(items, fieldsOf), query);
        assert.deepEqual(
          columns.matches(query).map((i) => columns.record(i)),
          expected.map((item) => ({ set: item.set, annotation: shown(item.annotation) })),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every position across many chunks of numbers', () => {
    const texts = ['المغرب', 'الرباط', 'بوريطة'];
    let made = 0;
    const columns = new FindColumns((a) => {
      made++;
      return { text: a.text, label: [a.label] };
    });
    const count = 40_000;
    for (let i = 0; i < count; i++) {
      const text = texts[i % 3] as string;
      const annotation: FindableAnnotation = { id: `t${i}`, label: 'LOC', start: i, end: i + text.length, text, status: 'accepted', source: 'manual' };
      columns.add(i % 7, annotation, 'salma');
    }
    for (let i = 0; i < count; i++) {
      const { set, annotation } = columns.record(i);
      if (set !== i % 7 || annotation.start !== i || annotation.id !== `t${i}` || annotation.text !== texts[i % 3])
        assert.fail(`position ${i}: ${JSON.stringify({ set, annotation })}`);
    }
    assert.equal(columns.matches('بوريطه').length, Math.floor(count / 3));
    assert.equal(made, 1, 'the fields are asked for once per annotator, label, value and note');
  });

  it('keeps each note to its own annotation and refuses a position past the end', () => {
    const columns = columnsOf([
      { set: 0, annotation: { id: 't1', label: 'PER', start: 0, end: 4, text: 'سلمى', status: 'accepted', source: 'manual', note: 'الأولى' }, annotator: 'a' },
      { set: 0, annotation: { id: 't1', label: 'PER', start: 0, end: 4, text: 'سلمى', status: 'accepted', source: 'manual' }, annotator: 'a' },
    ]);
    assert.equal(columns.record(0).annotation.note, 'الأولى');
    assert.equal('note' in columns.record(1).annotation, false);
    assert.deepEqual(columns.matches('الاولى'), [0]);
    assert.throws(() => columns.record(2), RangeError);
    assert.throws(() => columns.record(-1), RangeError);
  });
});
