import type { Word } from './words';
import type { Stem } from './words';
import { stemsOf } from './words';
import { foldArabic } from './normalize';
import { scanWords } from './words';

/**
 * Multi-word phrases looked up by their first word. The first word of a phrase may carry
 * proclitics in the text (وإسرائيل، بالرباط، للقوات); the following words must match as written.
 */
export interface PhraseMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly skip: number;
  /** The looked-up form of the first word (after proclitics). */
  readonly key: string;
  readonly payload: T;
}

interface Phrase<T> {
  readonly rest: readonly string[];
  readonly payload: T;
}

/** The folded words of a phrase, as the document's words are scanned. */
export function phraseWords(text: string): string[] {
  return scanWords(foldArabic(text)).map((w) => w.text);
}

/** Word lists that keep their words' readings, so five lookups at one word split it once. */
export interface StemCache {
  readonly stems: Array<readonly Stem[] | undefined>;
}

function stemsFor(words: readonly Word[], i: number, w: Word): readonly Stem[] {
  const cache = (words as Partial<StemCache>).stems;
  if (!cache) return stemsOf(w.text);
  let s = cache[i];
  if (!s) {
    s = stemsOf(w.text);
    cache[i] = s;
  }
  return s;
}

/** Whether the words from `from` on are `rest`, as written. */
function followedBy(words: readonly Word[], from: number, rest: readonly string[]): boolean {
  for (let k = 0; k < rest.length; k++) if (words[from + k]?.text !== rest[k]) return false;
  return true;
}

export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  /** Position of each phrase in its list, by its words joined, so adding stays constant time. */
  private readonly positions = new Map<string, number>();
  /** Lists with phrases added since they were last sorted. */
  private readonly unsorted = new Set<Phrase<T>[]>();

  get size(): number {
    return this.positions.size;
  }

  /** Adds a phrase; a later phrase with the same words replaces the payload of an earlier one. */
  add(words: readonly string[], payload: T): void {
    const first = words[0];
    if (first === undefined) return;
    const rest = words.slice(1);
    let list = this.byFirst.get(first);
    if (!list) {
      list = [];
      this.byFirst.set(first, list);
    }
    const id = words.join(' ');
    const existing = this.positions.get(id);
    if (existing !== undefined) {
      const i = list.findIndex((p) => p.rest.length === rest.length && p.rest.every((w, k) => w === rest[k]));
      if (i >= 0) list[i] = { rest, payload };
      return;
    }
    this.positions.set(id, list.length);
    list.push({ rest, payload });
    this.unsorted.add(list);
  }

  addText(text: string, payload: T): void {
    this.add(phraseWords(text), payload);
  }

  hasFirst(key: string): boolean {
    return this.byFirst.has(key);
  }

  /** The longest phrase at word i, preferring the reading with fewer proclitics on a tie. */
  matchAt(words: readonly Word[], i: number, allowClitics = true): PhraseMatch<T> | undefined {
    const w = words[i];
    if (!w || w.kind === 'digits') return undefined;
    if (!allowClitics) return this.longestAt(words, i, 0, w.text, undefined);
    let best: PhraseMatch<T> | undefined;
    for (const stem of stemsFor(words, i, w)) best = this.longestAt(words, i, stem.skip, stem.key, best);
    return best;
  }

  /** The longest phrase whose first word is `key` at word i, if it is longer than `best`; else `best`. */
  private longestAt(words: readonly Word[], i: number, skip: number, key: string, best: PhraseMatch<T> | undefined): PhraseMatch<T> | undefined {
    const list = this.byFirst.get(key);
    if (!list) return best;
    if (this.unsorted.size > 0 && this.unsorted.has(list)) {
      // Longest first, so the first phrase that fits is the longest.
      list.sort((a, b) => b.rest.length - a.rest.length);
      this.unsorted.delete(list);
    }
    for (const p of list) {
      if (best && best.end - best.start >= p.rest.length + 1) break;
      if (followedBy(words, i + 1, p.rest)) return { start: i, end: i + 1 + p.rest.length, skip, key, payload: p.payload };
    }
    return best;
  }
}
