import type { Token } from '../model/tokens';
import { PYTHON_LINE_BREAK } from './pythonText';

/** Tokens made only of these end a sentence: . ? ! and the Arabic question mark, ellipsis and full stop. */
const SENTENCE_FINAL = /^[.?!؟…۔]+$/u;
const LINE_BREAK = PYTHON_LINE_BREAK;

/**
 * Where CoNLL sentences end, as indices of the last token of each sentence. A sentence ends
 * after a token of sentence-final punctuation and wherever the text between two tokens holds a
 * line break, since news text puts one paragraph or headline on each line. `keepTogether(i)` says
 * a break between tokens i and i+1 would cut a span in two; such breaks are skipped so that every
 * span survives the round trip as one chunk.
 */
export function sentenceEnds(text: string, tokens: readonly Token[], keepTogether: (i: number) => boolean): number[] {
  const ends: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (!next) {
      ends.push(i);
      break;
    }
    const brk = SENTENCE_FINAL.test(t.text) || LINE_BREAK.test(text.slice(t.end, next.start));
    if (brk && !keepTogether(i)) ends.push(i);
  }
  return ends;
}
