import { parseYMD } from './calendar';
import { RANGE_STARTS, RangeReader } from './dateRanges';
import { DateReader } from './dates';
import type { WordMatch } from './dates';
import { DAY_PART_STARTS, DayPartReader } from './dayParts';
import { DURATION_STARTS, DurationReader } from './durations';
import { PERIOD_STARTS, PeriodReader } from './periods';
import { anchorTimes, joinEvery, joinOtherCalendar } from './temporalJoins';
import { TimeReader } from './times';
import type { WordList } from './wordList';

const STARTS: ReadonlySet<string> = new Set([...DAY_PART_STARTS, ...RANGE_STARTS, ...PERIOD_STARTS, ...DURATION_STARTS]);
const CLITICS = 'وفبل';

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
  const readAt = (i: number): WordMatch | undefined => {
    const w = words[i] as WordList[number];
    // Most words start none of the new readers' expressions: one set lookup rejects them.
    const maybe =
      w.kind === 'digits' ||
      (w.kind === 'letters' && (STARTS.has(w.text) || (CLITICS.includes(w.text[0] as string) && (STARTS.has(w.text.slice(1)) || STARTS.has(`ا${w.text.slice(1)}`)))));
    if (!maybe) return times.readAt(i) ?? dates.readAt(i);
    return times.readAt(i) ?? dayParts.readAt(i) ?? ranges.readAt(i) ?? periods.readAt(i) ?? dates.readAt(i) ?? durations.readAt(i);
  };
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
