import { parseYMD } from './calendar';
import { RANGE_STARTS, RangeReader } from './dateRanges';
import { DateReader } from './dates';
import type { WordMatch } from './dates';
import { DAY_PART_STARTS, DayPartReader } from './dayParts';
import { DURATION_STARTS, DurationReader } from './durations';
import { PERIOD_STARTS, PeriodReader } from './periods';
import { anchorOpenYears, anchorTimes, joinEvery, joinOtherCalendar } from './temporalJoins';
import { TimeReader } from './times';
import type { WordList } from './wordList';

/** Which of the new readers an expression starting with a word may belong to (bits), with and without a proclitic. */
const DAY_PART = 1;
const RANGE = 2;
const PERIOD = 4;
const DURATION = 8;
const STARTS: ReadonlyMap<string, number> = startWords([
  [DAY_PART_STARTS, DAY_PART],
  [RANGE_STARTS, RANGE],
  [PERIOD_STARTS, PERIOD],
  [DURATION_STARTS, DURATION],
]);
/** A number may start a bare range (2003-2010) or a duration (48 ساعة). */
const DIGIT_READERS = RANGE | DURATION;

function startWords(groups: ReadonlyArray<readonly [ReadonlySet<string>, number]>): ReadonlyMap<string, number> {
  const bits = new Map<string, number>();
  const add = (w: string, bit: number): void => {
    bits.set(w, (bits.get(w) ?? 0) | bit);
  };
  for (const [words, bit] of groups) {
    for (const w of words) {
      add(w, bit);
      for (const c of 'وفب') add(c + w, bit);
      // ل before the article is written لل.
      add(w.startsWith('ال') ? `ل${w.slice(1)}` : `ل${w}`, bit);
    }
  }
  return bits;
}

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
    // Most words start none of the new readers' expressions: one lookup says which readers to ask.
    const bits = w.kind === 'digits' ? DIGIT_READERS : w.kind === 'letters' ? (STARTS.get(w.text) ?? 0) : 0;
    if (bits === 0) return times.readAt(i) ?? dates.readAt(i);
    return (
      times.readAt(i) ??
      (bits & DAY_PART ? dayParts.readAt(i) : undefined) ??
      (bits & RANGE ? ranges.readAt(i) : undefined) ??
      (bits & PERIOD ? periods.readAt(i) : undefined) ??
      dates.readAt(i) ??
      (bits & DURATION ? durations.readAt(i) : undefined)
    );
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
  return anchorTimes(anchorOpenYears(out, words, doc), words, doc);
}
