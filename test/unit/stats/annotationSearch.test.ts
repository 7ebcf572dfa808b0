import { strict as assert } from 'node:assert';
import { indexForSearch, searchAnnotations, searchIndex, searchKey, searchKeys } from '../../../src/core/stats/annotationSearch';
import { StringPool } from '../../../src/core/stats/stringPool';
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

  it('with a pool, keeps one key per distinct folded text and field set, and finds exactly what it finds without', () => {
    const many: Item[] = [];
    for (let k = 0; k < 3000; k++) many.push(items[k % items.length] as Item);
    const pool = new StringPool();
    const pooled = indexForSearch(many, fields, pool);
    const plain = indexForSearch(many, fields);
    assert.deepEqual(
      pooled.map((e) => [e.text, e.rest]),
      plain.map((e) => [e.text, e.rest]),
    );
    // Four texts and four label-and-note combinations, however many annotations.
    assert.ok(pool.size <= 2 * items.length, `${pool.size} pooled keys`);
    for (const q of ['اسرائيل', 'مكان', 'رئيس', 'غزه']) assert.deepEqual(searchIndex(pooled, q), searchIndex(plain, q));
  });

  it('pools a string as a copy equal to it, the same copy each time', () => {
    const pool = new StringPool();
    const whole = 'نص طويل '.repeat(1000);
    const part = whole.slice(8, 30);
    const kept = pool.intern(part);
    assert.equal(kept, part);
    assert.equal(pool.intern(whole.slice(8, 30)), kept);
    assert.equal(pool.intern(''), '');
    assert.equal(pool.size, 2);
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
