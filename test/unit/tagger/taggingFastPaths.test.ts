import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { extractFeatures } from '../../../src/core/tagger/features';
import type { SentenceFeatures } from '../../../src/core/tagger/features';
import { labelText, readConll } from '../../../src/core/tagger/labelledSentence';
import type { LabelledSentence } from '../../../src/core/tagger/labelledSentence';
import { readModel, writeModel } from '../../../src/core/tagger/modelFile';
import { TAGGER_LABELS, tagCount } from '../../../src/core/tagger/tags';
import { TaggerModel } from '../../../src/core/tagger/taggerModel';
import { inputOf, jackknifedExamples, learnedIndexOf } from '../../../src/core/tagger/trainingSet';
import { trainPerceptron } from '../../../src/core/tagger/trainPerceptron';
import { WordStats } from '../../../src/core/tagger/wordStats';
import { corpus } from './smallCorpus';

const T = tagCount(TAGGER_LABELS);

/** What a sentence's features are, as plain arrays. */
function plain(f: SentenceFeatures): { offsets: number[]; rows: number[]; ownEnd: number[] } {
  return { offsets: [...f.offsets], rows: [...f.rows], ownEnd: [...(f.ownEnd ?? [])] };
}

/**
 * Tagging reuses what it can between sentences (word forms' parts and readings, one row buffer,
 * working rows) and works out only what it returns. Whatever the features and weights are, each
 * of these must give exactly what computing everything afresh gives.
 */
describe('tagger: what tagging reuses and skips changes nothing', () => {
  const sentences = readConll(corpus(0, 40), 'small.conll', TAGGER_LABELS);
  const held = readConll(corpus(40, 70), 'held.conll', TAGGER_LABELS);
  const start = new TaggerModel({ labels: TAGGER_LABELS, rowBits: 16 });
  const trained = trainPerceptron(start, jackknifedExamples(sentences, TAGGER_LABELS, start.rowMask, T), { epochs: 3, seed: 5 });
  const stats = WordStats.of(sentences, TAGGER_LABELS.length);
  const learned = learnedIndexOf(sentences.slice(0, 20), TAGGER_LABELS);
  // One long line (a paragraph of many sentences) outgrows the row buffer a short sentence needs.
  const long = labelText(
    held
      .slice(0, 25)
      .map((s) => s.text)
      .join(' '),
    [],
    TAGGER_LABELS,
  );
  const all: LabelledSentence[] = [...held, long];
  const featuresOf = (s: LabelledSentence): SentenceFeatures => extractFeatures(inputOf(s, undefined, learned, stats), trained.rowMask);

  it('a sentence has the same features whatever was extracted before it, in any order', () => {
    const first = all.map((s) => plain(featuresOf(s)));
    fc.assert(
      fc.property(fc.shuffledSubarray(all.map((_, i) => i)), (order) => {
        for (const i of order) assert.deepEqual(plain(featuresOf(all[i] as LabelledSentence)), first[i]);
      }),
      { numRuns: 20 },
    );
  });

  it('span scores from their own tokens’ marginals are those the full marginals give', () => {
    const model = readModel(writeModel(trained), 'fast.bin');
    model.temperature = 2;
    let spans = 0;
    for (const s of all) {
      const f = featuresOf(s);
      const full = model.decode(f, true, true);
      const own = model.decode(f, true, false);
      assert.deepEqual([...own.tags], [...full.tags]);
      assert.deepEqual(own.spans, full.spans);
      spans += full.spans.length;
    }
    assert.ok(spans >= 20, `spans scored: ${spans}`);
  });

  it('a sentence decodes the same after any other sentence, long or short', () => {
    const model = readModel(writeModel(trained), 'fast.bin');
    const features = all.map(featuresOf);
    const alone = features.map((f) => readModel(writeModel(trained), 'fresh.bin').decode(f));
    fc.assert(
      fc.property(fc.shuffledSubarray(features.map((_, i) => i)), (order) => {
        for (const i of order) assert.deepEqual(model.decode(features[i] as SentenceFeatures), alone[i]);
      }),
      { numRuns: 10 },
    );
  });
});
