import { parseYMD } from './calendar';
import { RangeReader } from './dateRanges';
import { DateReader } from './dates';
import type { WordMatch } from './dates';
import { DayPartReader } from './dayParts';
import { DurationReader } from './durations';
import { PeriodReader } from './periods';
import { anchorTimes, joinEvery, joinOtherCalendar } from './temporalJoins';
import { TimeReader } from './times';
import type { WordList } from './wordList';

/**
 * Dates and times in reading order, never overlapping. At each word the readers are asked in
 * order, the more specific first: clock times, parts of the day, ranges of years and months,
 * parts of the year, dates, then durations and sets; then a reading takes in the other calendar
 * or a "من كل عام" that follows it, and clock times take their day.
 */
export function findTemporal(words: WordList, documentDate: string | undefined): WordMatch[] {
  const doc = parseYMD(documentDate);
  const dates = new DateReader(words, doc);
  const dayParts = new DayPartReader(words, dates, doc);
  const times = new TimeReader(words, dayParts);
  const ranges = new RangeReader(words, dates, doc);
  const periods = new PeriodReader(words, dates, doc);
  const durations = new DurationReader(words);
  const readAt = (i: number): WordMatch | undefined => times.readAt(i) ?? dayParts.readAt(i) ?? ranges.readAt(i) ?? periods.readAt(i) ?? dates.readAt(i) ?? durations.readAt(i);
  const out: WordMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const found = readAt(i);
    if (found && found.end > found.start) {
      const m = joinEvery(joinOtherCalendar(found, words, readAt), words);
      out.push(m);
      i = m.end - 1;
    }
  }
  return anchorTimes(out, words, doc);
}
