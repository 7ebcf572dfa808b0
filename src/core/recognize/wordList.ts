import type { NormalizedText } from './normalize';
import type { StemCache } from './phraseIndex';
import type { Stem, Word } from './words';
import { scanWords } from './words';

/** The words of a folded text, with a cache of their proclitic readings (see PhraseIndex). */
export type WordList = Word[] & StemCache;

export function wordList(normalized: NormalizedText | string): WordList {
  const words = scanWords(normalized) as WordList;
  (words as { stems: Array<readonly Stem[] | undefined> }).stems = new Array<readonly Stem[] | undefined>(words.length);
  return words;
}
