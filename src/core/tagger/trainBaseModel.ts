import { BASE_SETTINGS } from './baseSettings';
import type { LabelledSentence } from './labelledSentence';
import { TAGGER_LABELS, tagCount } from './tags';
import { TaggerModel } from './taggerModel';
import { jackknifedExamples } from './trainingSet';
import { trainPerceptron } from './trainPerceptron';
import { WordStats } from './wordStats';

/**
 * A model trained from nothing on labelled sentences with the base model's settings (what
 * `npm run train:base` writes, and what the development-slice figures measure): jackknifed learned
 * names and word statistics, and the statistics of every sentence kept in the model for new text.
 */
export function trainBaseModel(sentences: readonly LabelledSentence[], seed: number = BASE_SETTINGS.seed): TaggerModel {
  const start = new TaggerModel({ labels: TAGGER_LABELS, rowBits: BASE_SETTINGS.rowBits });
  const examples = jackknifedExamples(sentences, TAGGER_LABELS, start.rowMask, tagCount(TAGGER_LABELS), { folds: BASE_SETTINGS.folds });
  const model = trainPerceptron(start, examples, { epochs: BASE_SETTINGS.epochs, seed });
  model.stats = WordStats.of(sentences, TAGGER_LABELS.length);
  return model;
}
