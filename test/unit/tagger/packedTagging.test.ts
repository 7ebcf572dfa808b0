import { strict as assert } from 'node:assert';
import { extractFeatures } from '../../../src/core/tagger/features';
import type { SentenceFeatures } from '../../../src/core/tagger/features';
import { readConll } from '../../../src/core/tagger/labelledSentence';
import { readModel, writeModel } from '../../../src/core/tagger/modelFile';
import { TAGGER_LABELS, tagCount } from '../../../src/core/tagger/tags';
import { TaggerModel, goldMask } from '../../../src/core/tagger/taggerModel';
import { inputOf, jackknifedExamples } from '../../../src/core/tagger/trainingSet';
import { trainPerceptron } from '../../../src/core/tagger/trainPerceptron';
import { corpus } from './smallCorpus';

const T = tagCount(TAGGER_LABELS);

/** The float weights' own decode: emissions from the float table, then Viterbi. */
function floatTags(model: TaggerModel, f: SentenceFeatures): number[] {
  return [...model.viterbi(model.emissions(f), f.length).tags];
}

describe('tagger: tagging from the packed weight table', () => {
  const sentences = readConll(corpus(0, 40), 'small.conll', TAGGER_LABELS);
  const held = readConll(corpus(40, 60), 'held.conll', TAGGER_LABELS);
  const start = new TaggerModel({ labels: TAGGER_LABELS, rowBits: 16 });
  const trained = trainPerceptron(start, jackknifedExamples(sentences, TAGGER_LABELS, start.rowMask, T), { epochs: 3, seed: 5 });

  it('a model read from its file tags exactly as its float weights do', () => {
    const model = readModel(writeModel(trained), 'p.bin');
    model.temperature = 4;
    for (const s of held) {
      const f = extractFeatures(inputOf(s, undefined, undefined), model.rowMask);
      const decoded = model.decode(f);
      assert.deepEqual([...decoded.tags], floatTags(model, f));
      const m = model.marginals(model.emissions(f), f.length);
      assert.ok(decoded.marginals);
      for (let k = 0; k < m.length; k++) assert.ok(Math.abs((m[k] as number) - (decoded.marginals[k] as number)) < 1e-5, `marginal ${k}`);
    }
  });

  it('after online corrections it reads the changed rows from the float weights, and still tags as they do', () => {
    const model = readModel(writeModel(trained), 'p.bin');
    const [first] = held;
    assert.ok(first);
    model.decode(extractFeatures(inputOf(first, undefined, undefined), model.rowMask));
    let corrected = 0;
    for (const s of held) {
      // The annotator relabels every entity of the sentence (PER → ORG and so on): the model must change its mind.
      const gold = s.gold.slice();
      for (let i = 0; i < gold.length; i++) if ((gold[i] as number) > 0) gold[i] = (((gold[i] as number) - 1 + 4) % (T - 1)) + 1;
      const f = extractFeatures(inputOf(s, undefined, undefined), model.rowMask);
      if (!model.learn(f, goldMask(gold, T))) continue;
      corrected++;
      assert.deepEqual([...model.decode(f, false).tags], floatTags(model, f));
    }
    assert.ok(corrected >= 5, `corrections learned: ${corrected}`);
    // Sentences learned earlier still tag as the float weights do.
    for (const s of held) {
      const f = extractFeatures(inputOf(s, undefined, undefined), model.rowMask);
      assert.deepEqual([...model.decode(f, false).tags], floatTags(model, f));
    }
  });

  it('a model trained in memory (weights off the byte grid) tags from its float weights', () => {
    for (const s of held.slice(0, 5)) {
      const f = extractFeatures(inputOf(s, undefined, undefined), trained.rowMask);
      assert.deepEqual([...trained.decode(f, false).tags], floatTags(trained, f));
    }
  });
});
