import type { RecognizeOptions } from '../recognize/recognizeTypes';
import { recognize } from '../recognize/recognize';
import type { LabelledSentence } from './labelledSentence';
import { labelText } from './labelledSentence';
import { SpanScores } from './spanScores';

/**
 * Exact-match scores of the recogniser (with the model of `options.tagger`, or the rules alone)
 * on labelled sentences, each recognised on its own as a line of the editor is. Spans are
 * compared in the tagger's words, so a span that starts after a proclitic matches its gold word.
 */
export function scoreRecognizer(sentences: readonly LabelledSentence[], labels: readonly string[], options: RecognizeOptions = {}): SpanScores {
  const scores = new SpanScores(labels);
  for (const s of sentences) {
    const found = recognize(s.text, { ...options, labels }).filter((f) => labels.includes(f.label));
    scores.add(s.spans, labelText(s.text, found, labels).spans);
  }
  return scores;
}
