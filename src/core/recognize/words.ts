import type { NormalizedText } from './normalize';
import { parseDigits } from './digits';

/**
 * A word of the folded text. The recogniser's own scan is a single regular expression pass, so
 * that it stays a small multiple of the shared tokeniser's cost on long documents; it splits
 * digits from letters (`2020م` is a year and an era letter) and keeps every punctuation mark alone.
 */
export interface Word {
  /** Offsets into the folded text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** The folded text of the word. */
  readonly text: string;
  readonly kind: 'letters' | 'digits' | 'mark';
  /** Value of a digits word. */
  readonly number?: number;
}

const WORD_PATTERN = /[\p{L}\p{M}]+|\p{Nd}+|\S/gu;

export function scanWords(normalized: NormalizedText | string): Word[] {
  const text = typeof normalized === 'string' ? normalized : normalized.text;
  const words: Word[] = [];
  WORD_PATTERN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_PATTERN.exec(text)) !== null) {
    const w = m[0];
    const start = m.index;
    const code = w.charCodeAt(0);
    if (isDigitStart(code)) {
      const number = parseDigits(w);
      words.push(number === undefined ? { start, end: start + w.length, text: w, kind: 'mark' } : { start, end: start + w.length, text: w, kind: 'digits', number });
    } else {
      words.push({ start, end: start + w.length, text: w, kind: isLetterStart(w) ? 'letters' : 'mark' });
    }
  }
  return words;
}

function isDigitStart(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9);
}

const LETTER = /^[\p{L}\p{M}]/u;
function isLetterStart(w: string): boolean {
  const c = w.charCodeAt(0);
  // Arabic and Latin letters, nearly every word, are known without the regular expression.
  if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return true;
  return LETTER.test(w);
}

/** True when nothing (not even a space) separates two words. */
export function adjacent(a: Word, b: Word): boolean {
  return a.end === b.start;
}

/**
 * One reading of a word: `skip` folded letters of proclitics, then `key`, the form looked up.
 * The letters و ف ب ك ل attach to the next word; ل before the article is written لل, so the
 * second ل is the article's and the key puts the article's alef back (`للقوات` → skip 1, `القوات`).
 */
export interface Stem {
  readonly skip: number;
  readonly key: string;
}

const CONJUNCTIONS = 'وف';
const PREPOSITIONS = 'بكل';

/** Readings by word form: news repeats its words, and every look-up of a word reads them. */
const stemCache = new Map<string, readonly Stem[]>();
const MAX_CACHED_STEMS = 100_000;

/** Readings of a folded word, the bare word first, then with one and two proclitic letters removed. */
export function stemsOf(word: string): readonly Stem[] {
  let stems = stemCache.get(word);
  if (stems === undefined) {
    stems = readingsOf(word);
    if (stemCache.size >= MAX_CACHED_STEMS) stemCache.clear();
    stemCache.set(word, stems);
  }
  return stems;
}

function readingsOf(word: string): readonly Stem[] {
  const stems: Stem[] = [{ skip: 0, key: word }];
  const first = word[0] ?? '';
  if (word.length >= 3 && (CONJUNCTIONS.includes(first) || PREPOSITIONS.includes(first))) {
    pushStem(stems, word, 1, first);
    const second = word[1] ?? '';
    if (CONJUNCTIONS.includes(first) && PREPOSITIONS.includes(second) && word.length >= 4) pushStem(stems, word, 2, second);
  }
  return stems;
}

function pushStem(stems: Stem[], word: string, skip: number, clitic: string): void {
  const rest = word.slice(skip);
  // للجنة is ل + لجنة or ل + ال + جنة: both readings start at the second ل.
  if (clitic === 'ل' && rest.startsWith('ل') && !rest.startsWith('ال') && rest.length >= 3) stems.push({ skip, key: 'ا' + rest });
  if (rest.length >= 2) stems.push({ skip, key: rest });
}

/** A folded word that starts with the article (and is more than the article). */
export function hasArticle(key: string): boolean {
  return key.startsWith('ال') && key.length > 3;
}
