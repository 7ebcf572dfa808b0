import { lexiconFor } from '../recognize/lexicon';
import type { Gazetteer } from '../recognize/gazetteer';
import type { MentionPayload } from '../recognize/mentions';
import { buildMentionIndex } from '../recognize/mentions';
import type { PhraseIndex } from '../recognize/phraseIndex';
import type { Word } from '../recognize/words';
import { extractFeatures } from './features';
import type { LabelledSentence } from './labelledSentence';
import { goldMask } from './taggerModel';
import type { TaggerInput } from './taggerInput';
import { readTaggerInput } from './taggerInput';
import type { TrainingExample } from './trainPerceptron';
import { WordStats } from './wordStats';
import type { WordClusters } from './wordClusters';

/** The names of some sentences, as entries of a learned-name index (what the annotator would have tagged). */
export function namesOf(sentences: readonly LabelledSentence[], labels: readonly string[]): Array<{ text: string; label: string; reason: string }> {
  const out = new Map<string, { text: string; label: string; reason: string }>();
  for (const s of sentences) {
    for (const span of s.spans) {
      const text = s.words
        .slice(span.first, span.last + 1)
        .map((w: Word) => w.text)
        .join(' ');
      const label = labels[span.label] as string;
      out.set(`${label}\u0000${text}`, { text, label, reason: 'learned' });
    }
  }
  return [...out.values()];
}

export function learnedIndexOf(sentences: readonly LabelledSentence[], labels: readonly string[]): PhraseIndex<MentionPayload> {
  return buildMentionIndex(namesOf(sentences, labels));
}

export function inputOf(s: LabelledSentence, gazetteers: readonly Gazetteer[] | undefined, learned: PhraseIndex<MentionPayload> | undefined, stats?: WordStats): TaggerInput {
  const written = (i: number): string => {
    const w = s.words[i] as Word;
    return s.text.slice(s.normalized.offsets[w.start], s.normalized.offsets[w.end]).replace(/[\u064B-\u065F\u0670\u0640]/gu, '');
  };
  const input = readTaggerInput(s.words, lexiconFor(gazetteers), learned, written);
  return stats ? { ...input, stats } : input;
}

/**
 * Training examples whose learned-name features are fair: the sentences are cut into `folds`
 * contiguous parts, and each part sees only the names of the other parts, as a text the
 * annotator has not reached yet sees only the names tagged elsewhere. Without this the model
 * would learn that a learned name is always right, since every training name is in the list.
 */
export function jackknifedExamples(
  sentences: readonly LabelledSentence[],
  labels: readonly string[],
  rowMask: number,
  tags: number,
  options: {
    folds?: number;
    gazetteers?: readonly Gazetteer[];
    extraNames?: ReadonlyArray<{ text: string; label: string; reason: string }>;
    clusters?: WordClusters;
  } = {},
): TrainingExample[] {
  const folds = Math.max(1, Math.min(options.folds ?? 5, sentences.length));
  const size = Math.ceil(sentences.length / folds);
  const out: TrainingExample[] = [];
  for (let f = 0; f < folds; f++) {
    const from = f * size;
    const to = Math.min(sentences.length, from + size);
    const others = [...sentences.slice(0, from), ...sentences.slice(to)];
    const learned = buildMentionIndex([...(options.extraNames ?? []), ...namesOf(folds === 1 ? [] : others, labels)]);
    const stats = folds === 1 ? undefined : WordStats.of(others, labels.length);
    if (stats && options.clusters) stats.clusters = options.clusters;
    for (let i = from; i < to; i++) {
      const s = sentences[i] as LabelledSentence;
      out.push({ features: extractFeatures(inputOf(s, options.gazetteers, learned, stats), rowMask), allowed: goldMask(s.gold, tags) });
    }
  }
  return out;
}
