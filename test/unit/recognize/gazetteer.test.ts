import { strict as assert } from 'node:assert';
import { GazetteerError, mergeGazetteers, parseGazetteer } from '../../../src/core/recognize/gazetteer';
import { found } from './helpers';

describe('gazetteers', () => {
  it('parses a user file of entities and kinds', () => {
    const g = parseGazetteer('name: towns\nlabel: LOC\nentries:\n  - تيفلت\n  - text: المكتب الوطني للكهرباء\n    label: ORG\n', 'towns.yaml');
    assert.equal(g.name, 'towns');
    assert.equal(g.kind, 'entities');
    assert.deepEqual(g.entries, [{ text: 'تيفلت' }, { text: 'المكتب الوطني للكهرباء', label: 'ORG' }]);
    const names = parseGazetteer('kind: given-names\nentries: [دريد]\n', 'dir/names.yml');
    assert.equal(names.name, 'names');
  });

  it('reports problems with the file name and line', () => {
    const cases: Array<[string, RegExp]> = [
      ['label: LOC\nentries:\n  - [unclosed\n', /^bad\.yaml:\d+: /],
      ['label: LOC\nentries: nope\n', /^bad\.yaml:2: "entries" must be a list/],
      ['label: LOC\nentries:\n  - ok\n  - ""\n', /^bad\.yaml:4: entry 2: has no text/],
      ['kind: people\nentries: []\n', /^bad\.yaml:1: unknown kind "people"/],
      ['entries:\n  - الرباط\n', /^bad\.yaml:2: entry 1: no label/],
      ['label: LOC\nentries: []\ncolour: red\n', /^bad\.yaml:3: unknown key "colour"/],
      ['label: LOC\nentries:\n  - text: x\n    lable: ORG\n', /^bad\.yaml:4: entry 1: unknown key "lable"/],
      ['label: "not a label"\nentries: []\n', /^bad\.yaml:1: label "not a label"/],
    ];
    for (const [yaml, message] of cases) {
      assert.throws(
        () => parseGazetteer(yaml, 'bad.yaml'),
        (e: unknown) => e instanceof GazetteerError && message.test(e.message),
        yaml,
      );
    }
  });

  it('uses extra gazetteers next to the built-in ones, with proclitics', () => {
    const extra = mergeGazetteers([parseGazetteer('label: LOC\nentries: [تيفلت]\n', 'a.yaml')], [parseGazetteer('label: ORG\nentries: [شركة النور للتوزيع]\n', 'b.yaml')]);
    assert.deepEqual(found('وصل إلى تيفلت وبتيفلت', 'LOC', { gazetteers: extra }), [
      ['تيفلت', undefined],
      ['تيفلت', undefined],
    ]);
    assert.deepEqual(found('أعلنت شركة النور للتوزيع', 'ORG', { gazetteers: extra }), [['شركة النور للتوزيع', undefined]]);
    const span = found('وصل إلى تيفلت', 'LOC', { gazetteers: extra });
    assert.equal(span.length, 1);
    assert.deepEqual(found('وصل إلى تيفلت', 'LOC'), []);
  });
});
