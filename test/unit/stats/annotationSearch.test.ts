import { strict as assert } from 'node:assert';
import { indexForSearch, searchAnnotations, searchIndex, searchKey, searchKeys } from '../../../src/core/stats/annotationSearch';
import type { SearchFields } from '../../../src/core/stats/annotationSearch';

interface Item {
  readonly text: string;
  readonly label: string;
  readonly note?: string;
}

const NAMES: Record<string, readonly string[]> = { LOC: ['Place', 'مكان'], PER: ['Person', 'شخص'], ORG: ['Organisation', 'منظمة'] };
const fields = (i: Item): SearchFields => ({ text: i.text, label: [i.label, ...(NAMES[i.label] ?? [])], ...(i.note !== undefined ? { note: i.note } : {}) });
const find = (items: Item[], q: string): string[] => searchAnnotations(items, q, fields).map((i) => i.text);

describe('stats/annotationSearch', () => {
  const items: Item[] = [
    { text: 'إسرائيل', label: 'LOC' },
    { text: 'غزّة', label: 'LOC' },
    { text: 'بنيـامين نتنياهو', label: 'PER', note: 'رئيس الوزراء' },
    { text: 'الأمم المتحدة', label: 'ORG' },
    { text: 'Rabat', label: 'LOC' },
  ];

  it('folds alef variants, harakat, tatweel, ta marbuta and Latin case', () => {
    assert.equal(searchKey('إِسْرَائِيل'), 'اسرائيل');
    assert.equal(searchKey(' Al  QUDS '), 'al quds');
    assert.deepEqual(find(items, 'اسرائيل'), ['إسرائيل']);
    assert.deepEqual(find(items, 'غزه'), ['غزّة']);
    assert.deepEqual(find(items, 'بنيامين'), ['بنيـامين نتنياهو']);
    assert.deepEqual(find(items, 'الامم'), ['الأمم المتحدة']);
    assert.deepEqual(find(items, 'rabat'), ['Rabat']);
  });

  it('finds by label id or name and by note', () => {
    assert.deepEqual(find(items, 'per'), ['بنيـامين نتنياهو']);
    assert.deepEqual(find(items, 'مكان'), ['إسرائيل', 'غزّة', 'Rabat']);
    assert.deepEqual(find(items, 'الوزراء'), ['بنيـامين نتنياهو']);
  });

  it('needs every word, anywhere; ranks text matches first', () => {
    assert.deepEqual(find(items, 'نتنياهو رئيس'), ['بنيـامين نتنياهو']);
    assert.deepEqual(find(items, 'نتنياهو القدس'), []);
    const ranked = searchAnnotations(
      [
        { text: 'المغرب العربي', label: 'LOC' },
        { text: 'الرباط', label: 'LOC', note: 'المغرب' },
        { text: 'المغرب', label: 'LOC' },
      ],
      'المغرب',
      fields,
    ).map((i) => i.text);
    assert.deepEqual(ranked, ['المغرب', 'المغرب العربي', 'الرباط']);
  });

  it('an empty query keeps everything in order', () => {
    assert.deepEqual(
      find(items, '  '),
      items.map((i) => i.text),
    );
  });

  it('searches keys held in columns exactly as it searches entries', () => {
    const index = indexForSearch(items, fields);
    for (const q of ['', 'اسرائيل', 'مكان', 'رئيس', 'غزه', 'لا شيء']) {
      const positions = searchKeys(
        index.length,
        (i) => index[i]?.text ?? '',
        (i) => index[i]?.rest ?? '',
        q,
      );
      assert.deepEqual(
        positions.map((i) => items[i]),
        searchIndex(index, q),
      );
    }
  });
});
