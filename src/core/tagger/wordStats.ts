import { hashText } from './featureHash';
import type { LabelledSentence } from './labelledSentence';
import { labelIndexOf } from './tags';
import type { WordClusters } from './wordClusters';

/**
 * How often each word was seen in labelled text, and with which label: the statistics behind the
 * features "a word never seen before" and "a word that is usually a person's name". They ship in
 * the model file beside the weights (the base model's are ANERcorp's train part's); in training,
 * each part of the text sees only the other parts' counts (as the learned names do), so that
 * "never seen" is as common in training as in new text. Words are kept as their 32-bit hashes
 * (the features' own), so no word of the training text is in the model.
 */
export class WordStats {
  /** Per folded word's hash: how often it was outside any name (index 0), then inside a name of each label. */
  readonly counts = new Map<number, Uint32Array>();
  /** The clusters of the training text's words (unlabelled: every part of the text sees all of them). */
  clusters: WordClusters | undefined;

  constructor(readonly labels: number) {}

  add(wordHash: number, label: number, times = 1): void {
    let c = this.counts.get(wordHash);
    if (!c) {
      c = new Uint32Array(this.labels + 1);
      this.counts.set(wordHash, c);
    }
    c[label + 1] = (c[label + 1] as number) + times;
  }

  /** The counts of the words of labelled sentences (letters only: digits and marks have their own features). */
  static of(sentences: readonly LabelledSentence[], labels: number): WordStats {
    const stats = new WordStats(labels);
    for (const s of sentences) {
      s.words.forEach((w, i) => {
        if (w.kind === 'letters') stats.add(hashText(w.text), labelIndexOf(s.gold[i] as number));
      });
    }
    return stats;
  }
}
