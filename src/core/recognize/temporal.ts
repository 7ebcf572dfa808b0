import { parseYMD } from './calendar';
import { DateReader } from './dates';
import type { WordMatch } from './dates';
import { TimeReader } from './times';
import type { WordList } from './wordList';

/** Dates and times in reading order, never overlapping. */
export function findTemporal(words: WordList, documentDate: string | undefined): WordMatch[] {
  const dates = new DateReader(words, parseYMD(documentDate));
  const times = new TimeReader(words);
  const out: WordMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const m = times.readAt(i) ?? dates.readAt(i);
    if (m && m.end > m.start) {
      out.push(m);
      i = m.end - 1;
    }
  }
  return out;
}
