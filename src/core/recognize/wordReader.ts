import type { YMD } from './calendar';
import type { DateReader, WordMatch } from './dates';
import type { Word } from './words';

/** Reads the expression at word `i` as `key`: the word without its first `skip` proclitic letters. */
export type ReadKey = (i: number, key: string, skip: number) => WordMatch | undefined;

/**
 * What the temporal readers share: the folded words, and reading a word as written or after one
 * proclitic letter (ومساء أمس، وكل عام، بالربع), the letter staying out of the span.
 */
export class WordReader {
  constructor(protected readonly words: readonly Word[]) {}

  protected text(i: number): string {
    return this.words[i]?.text ?? '';
  }

  /** The expression starting at word `i` when it is letters: the word bare, else without a leading letter of `clitics`. */
  protected readLetters(i: number, clitics: string, read: ReadKey): WordMatch | undefined {
    const w = this.words[i];
    if (!w || w.kind !== 'letters') return undefined;
    const direct = read(i, w.text, 0);
    if (direct) return direct;
    if (w.text.length < 3 || !clitics.includes(w.text[0] as string)) return undefined;
    const rest = w.text.slice(1);
    // ل before the article is written لل: للسنة is ل + السنة.
    return read(i, w.text[0] === 'ل' && rest[0] === 'ل' && rest[1] !== 'ا' ? `ا${rest}` : rest, 1);
  }
}

/** A reader that also reads dates (the day after a part of the day, the ends of a range) and knows the publication date. */
export class DatedReader extends WordReader {
  constructor(
    words: readonly Word[],
    protected readonly dates: DateReader,
    protected readonly doc: YMD | undefined,
  ) {
    super(words);
  }
}
