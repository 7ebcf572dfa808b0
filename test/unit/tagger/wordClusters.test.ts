import { strict as assert } from 'node:assert';
import { clusterWords, pathPrefix } from '../../../src/core/tagger/wordClusters';
import { hashText } from '../../../src/core/tagger/featureHash';
import { coreHashOf, extractFeatures } from '../../../src/core/tagger/features';
import { readConll } from '../../../src/core/tagger/labelledSentence';
import { readModel, writeModel } from '../../../src/core/tagger/modelFile';
import { TAGGER_LABELS } from '../../../src/core/tagger/tags';
import { TaggerModel } from '../../../src/core/tagger/taggerModel';
import { clustersOf } from '../../../src/core/tagger/trainBaseModel';
import { inputOf } from '../../../src/core/tagger/trainingSet';
import { WordStats } from '../../../src/core/tagger/wordStats';

const PEOPLE = ['زيدان', 'كريم', 'منصور', 'سليم', 'رامي', 'فادي'];
const TOWNS = ['حلب', 'حمص', 'طنطا', 'وهران', 'صفاقس', 'اربيل'];

/** Sentences where people stand between قال and ان, and towns between في and the full stop. */
function sentences(): number[][] {
  const out: number[][] = [];
  for (let k = 0; k < 40; k++) {
    const person = PEOPLE[k % PEOPLE.length] as string;
    const town = TOWNS[(k * 5) % TOWNS.length] as string;
    out.push(['وقال', person, 'ان', 'الوفد', 'وصل', 'الي', town, '.'].map((w) => (w === '.' ? 0 : hashText(w))));
    out.push(['قال', person, 'انه', 'في', town, 'امس'].map((w) => hashText(w)));
  }
  return out;
}

describe('tagger: word clusters', () => {
  it('puts words with the same neighbours in one cluster and words with other neighbours apart', () => {
    const clusters = clusterWords(sentences(), { minSize: 2, contexts: 20 });
    const path = (w: string): number => clusters.pathOf(hashText(w));
    const people = new Set(PEOPLE.map(path));
    const towns = new Set(TOWNS.map(path));
    for (const p of [...people, ...towns]) assert.ok(p >= 1, 'every frequent word has a path');
    // No cluster holds a person and a town.
    for (const p of people) assert.ok(!towns.has(p), `a person and a town share the path ${p.toString(2)}`);
    // Within each group the top split already agrees: the two groups part at the first levels.
    const top = (p: number): number => pathPrefix(p, 2);
    assert.equal(new Set(PEOPLE.map((w) => top(path(w)))).size, 1);
    assert.equal(new Set(TOWNS.map((w) => top(path(w)))).size, 1);
    assert.equal(clusters.pathOf(hashText('غيرموجود')), 0, 'a word never seen has no cluster');
  });

  it('reads prefixes of a path under its leading 1', () => {
    assert.equal(pathPrefix(0b1101101, 3), 0b1101);
    assert.equal(pathPrefix(0b1101101, 6), 0b1101101);
    assert.equal(pathPrefix(0b1101101, 10), 0b1101101);
    assert.equal(pathPrefix(0, 4), 0);
  });

  it('gives a word its cluster features, shared with the words of its cluster, and travels in the model file', () => {
    const conll = (name: string): string => `وقال O\n${name} B-PERS\nان O\nالوفد O\nوصل O\n.\tO\n`;
    const text = Array.from({ length: 30 }, (_, k) => conll(PEOPLE[k % PEOPLE.length] as string)).join('\n');
    const labelled = readConll(text, 'c.conll', TAGGER_LABELS);
    const clusters = clustersOf(labelled);
    const [first] = labelled;
    assert.ok(first);
    const person = first.words[1];
    assert.ok(person);
    assert.ok(clusters.pathOf(coreHashOf(person)) > 0);
    const model = new TaggerModel({ labels: TAGGER_LABELS, rowBits: 16 });
    const plain = new WordStats(TAGGER_LABELS.length);
    const withClusters = new WordStats(TAGGER_LABELS.length);
    withClusters.clusters = clusters;
    const rowsOf = (stats: WordStats, k: number): Set<number> => {
      const f = extractFeatures(inputOf(labelled[k] as (typeof labelled)[number], undefined, undefined, stats), model.rowMask);
      return new Set(f.rows.subarray(f.offsets[1], f.offsets[2]));
    };
    const without = rowsOf(plain, 0);
    const added = [...rowsOf(withClusters, 0)].filter((r) => !without.has(r));
    assert.ok(added.length >= 3, `cluster rows added: ${added.length}`);
    // Another name between the same words (sentence 1 holds PEOPLE[1]) is in the same cluster and has those rows too.
    assert.equal(clusters.pathOf(coreHashOf(labelled[1]?.words[1] as typeof person)), clusters.pathOf(coreHashOf(person)));
    const other = rowsOf(withClusters, 1);
    for (const r of added) assert.ok(other.has(r));
    model.stats = withClusters;
    const back = readModel(writeModel(model), 'k.bin');
    assert.ok(back.stats?.clusters);
    assert.equal(back.stats.clusters.paths.size, clusters.paths.size);
    for (const [word, path] of clusters.paths) assert.equal(back.stats.clusters.pathOf(word), path);
  });
});
