import type { RecognizedSpan, RecognizeOptions } from '../../../src/core/recognize/recognizeTypes';
import { recognize } from '../../../src/core/recognize/recognize';

/** The spans of one label as [text, value] pairs, for short assertions. */
export function found(text: string, label: string, options: RecognizeOptions = {}): Array<[string, string | undefined]> {
  return recognize(text, options)
    .filter((s) => s.label === label)
    .map((s) => [s.text, s.value]);
}

export function spansOf(text: string, options: RecognizeOptions = {}): RecognizedSpan[] {
  return recognize(text, options);
}

/** The DATE and TIME spans as [label, text, value], for short assertions on the date families. */
export function temporal(text: string, options: RecognizeOptions = {}): Array<[string, string, string | undefined]> {
  return recognize(text, options)
    .filter((s) => s.label === 'DATE' || s.label === 'TIME')
    .map((s) => [s.label, s.text, s.value]);
}
