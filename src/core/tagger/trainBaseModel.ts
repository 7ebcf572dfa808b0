import { BASE_SETTINGS } from './baseSettings';
import type { LabelledSentence } from './labelledSentence';
import { TAGGER_LABELS, tagCount } from './tags';
import { TaggerModel } from './taggerModel';
import { jackknifedExamples } from './trainingSet';
import { trainPerceptron } from './trainPerceptron';
import { WordStats } from './wordStats';
import type { WordClusters } from './wordClusters';
import { clusterWords } from './wordClusters';
import { coreHashOf } from './features';

/**
 * A model trained from nothing on labelled sentences with the base model's settings (what
 * `npm run train:base` writes, and what the development-slice figures measure): jackknifed learned
 * names and word statistics, and the statistics of every sentence kept in the model for new text.
 */
/** Clusters of the sentences' words by their cores (the text's labels are not read). */
export function clustersOf(sentences: readonly LabelledSentence[]): WordClusters {
  return clusterWords(sentences.map((s) => s.words.map((w) => (w.kind === 'letters' ? coreHashOf(w) : 0))));
}

export function trainBaseModel(sentences: readonly LabelledSentence[], seed: number = BASE_SETTINGS.seed): TaggerModel {
  const start = new TaggerModel({ labels: TAGGER_LABELS, rowBits: BASE_SETTINGS.rowBits });
  const clusters = clustersOf(sentences);
  const examples = jackknifedExamples(sentences, TAGGER_LABELS, start.rowMask, tagCount(TAGGER_LABELS), { folds: BASE_SETTINGS.folds, clusters });
  const model = trainPerceptron(start, examples, { epochs: BASE_SETTINGS.epochs, seed });
  model.stats = WordStats.of(sentences, TAGGER_LABELS.length);
  model.stats.clusters = clusters;
  return model;
}
