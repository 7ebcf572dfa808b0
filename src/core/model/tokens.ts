/**
 * The one documented tokenisation of Tawsim, shared by CoNLL export, token-level agreement and the
 * recogniser's baseline:
 *
 * - words are ICU word segments (`Intl.Segmenter`, locale `ar`) that are word-like: runs of letters,
 *   marks (harakat), tatweel and digits (ASCII, Arabic-Indic, Persian);
 * - every other non-space segment (punctuation, symbols, emoji) is a token of its own;
 * - white space separates tokens and is never part of one;
 * - with `splitProclitics`, a word that starts with conjunction/preposition letters attached to the
 *   article (و ف ب ك ل + ال, and ل + ال written لل) is split before the article, so
 *   `وبالرباط` gives `و` `ب` `الرباط` and `للقوات` gives `ل` `لقوات` (the second ل is the article's).
 *   Bare one-letter prefixes without the article are left alone: `وزير` is a word, not و + زير.
 *
 * Offsets are UTF-16 indices into the given string, end exclusive.
 */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** True for words and numbers; false for punctuation and symbols. */
  readonly wordLike: boolean;
}

export interface TokenizeOptions {
  readonly splitProclitics?: boolean;
}

const segmenter = new Intl.Segmenter('ar', { granularity: 'word' });
const WHITE_SPACE = /^\s+$/u;

export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  // ICU's segmenter slows down far faster than the text grows on one huge string, so it is fed
  // pieces cut at white space, which never falls inside a token.
  for (let from = 0; from < text.length;) {
    const to = chunkEnd(text, from);
    tokenizeChunk(text, from, to, options, tokens);
    from = to;
  }
  return tokens;
}

const CHUNK = 2048;

/** End of the piece starting at `from`: about CHUNK units, extended to the next white space. */
function chunkEnd(text: string, from: number): number {
  if (text.length - from <= CHUNK) return text.length;
  const re = /\s/gu;
  re.lastIndex = from + CHUNK;
  const m = re.exec(text);
  return m ? m.index + 1 : text.length;
}

function tokenizeChunk(text: string, from: number, to: number, options: TokenizeOptions, tokens: Token[]): void {
  for (const piece of segmenter.segment(text.slice(from, to))) {
    const seg = { segment: piece.segment, index: piece.index + from, isWordLike: piece.isWordLike };
    if (WHITE_SPACE.test(seg.segment)) continue;
    const wordLike = seg.isWordLike === true;
    if (wordLike && options.splitProclitics) {
      let offset = seg.index;
      for (const len of procliticLengths(seg.segment)) {
        tokens.push({ start: offset, end: offset + len, text: text.slice(offset, offset + len), wordLike: true });
        offset += len;
      }
      const end = seg.index + seg.segment.length;
      tokens.push({ start: offset, end, text: text.slice(offset, end), wordLike: true });
    } else {
      // ICU may return a run of several punctuation marks or spaces mixed in; keep one token per non-space run.
      pushNonSpaceRuns(tokens, seg.segment, seg.index, wordLike);
    }
  }
}

function pushNonSpaceRuns(tokens: Token[], segment: string, index: number, wordLike: boolean): void {
  const re = /\S+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(segment)) !== null) {
    const start = index + m.index;
    tokens.push({ start, end: start + m[0].length, text: m[0], wordLike });
  }
}

const CLITIC_LETTERS = new Set(['و', 'ف', 'ب', 'ك', 'ل']);
const HARAKAT = /[\u064B-\u0652\u0670\u0640]/u;

/**
 * Lengths (UTF-16) of the one-letter proclitics at the start of a word, split only where the
 * article follows, so the split is unambiguous. Harakat on a proclitic stay with it.
 */
export function procliticLengths(word: string): number[] {
  const lengths: number[] = [];
  let i = 0;
  while (i < word.length && lengths.length < 2) {
    const ch = word[i] as string;
    if (!CLITIC_LETTERS.has(ch)) break;
    let j = i + 1;
    while (j < word.length && HARAKAT.test(word[j] as string)) j++;
    const rest = stripMarks(word.slice(j));
    const articleFollows = rest.startsWith('ال') && rest.length > 3;
    // ل + ال is written لل: the second ل is the article's.
    const lamArticle = ch === 'ل' && rest.startsWith('ل') && rest.length > 2;
    // A further clitic letter may sit between, as in وبالرباط or وللقوات.
    const cliticThenArticle = CLITIC_LETTERS.has(rest[0] ?? '') && (rest.slice(1).startsWith('ال') || (rest[0] === 'ل' && rest[1] === 'ل')) && rest.length > 4;
    if (!articleFollows && !lamArticle && !cliticThenArticle) break;
    lengths.push(j - i);
    i = j;
  }
  return lengths;
}

function stripMarks(s: string): string {
  return s.replace(/[\u064B-\u0652\u0670\u0640]/gu, '');
}
