import type { YMD } from './calendar';
import { addDays, fromDayNumber, toDayNumber } from './calendar';

/**
 * Hijri dates through the Umm al-Qura calendar as the platform's ICU computes it
 * (`Intl.DateTimeFormat` with calendar `islamic-umalqura`). ICU only converts Gregorian to Hijri,
 * so the other direction is a search: estimate the day from the mean lunar year, then step until
 * ICU reads the wanted Hijri date.
 */
const formatter = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The Hijri (Umm al-Qura) date of a Gregorian day. */
export function gregorianToHijri(d: YMD): YMD {
  const parts = formatter.formatToParts(new Date(Date.UTC(d.year, d.month - 1, d.day)));
  let year = 0;
  let month = 0;
  let day = 0;
  for (const p of parts) {
    if (p.type === 'year') year = Number.parseInt(p.value, 10);
    else if (p.type === 'month') month = Number.parseInt(p.value, 10);
    else if (p.type === 'day') day = Number.parseInt(p.value, 10);
  }
  return { year, month, day };
}

/** Day number of 1 Muharram 1 AH (16 July 622, Julian), for the first estimate. */
const HIJRI_EPOCH_DAY = toDayNumber({ year: 622, month: 7, day: 19 });
const MEAN_MONTH = 29.530588;

const cache = new Map<string, YMD | null>();

/** The Gregorian day of a Hijri (Umm al-Qura) date, or undefined when no such day exists. */
export function hijriToGregorian(h: YMD): YMD | undefined {
  const cacheKey = `${h.year}-${h.month}-${h.day}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached ?? undefined;
  const result = searchHijri(h);
  cache.set(cacheKey, result ?? null);
  return result;
}

function searchHijri(h: YMD): YMD | undefined {
  if (h.month < 1 || h.month > 12 || h.day < 1 || h.day > 30 || h.year < 1) return undefined;
  const monthsBefore = (h.year - 1) * 12 + (h.month - 1);
  let guess = fromDayNumber(Math.round(HIJRI_EPOCH_DAY + monthsBefore * MEAN_MONTH + h.day - 1));
  // The estimate is within a few days; each step moves by the difference ICU reports.
  for (let step = 0; step < 8; step++) {
    const got = gregorianToHijri(guess);
    const diff = hijriDayDifference(h, got);
    if (diff === 0) return guess;
    guess = addDays(guess, diff);
  }
  return undefined;
}

/** Approximate days from `from` to `to` (both Hijri), exact when they are in the same month. */
function hijriDayDifference(to: YMD, from: YMD): number {
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  if (months === 0) return to.day - from.day;
  const d = Math.round(months * MEAN_MONTH + (to.day - from.day));
  // A day 30 that a month does not have never matches; the caller gives up after a few steps.
  return d === 0 ? (months > 0 ? 1 : -1) : d;
}

/** First and last Gregorian day of a Hijri month. */
export function hijriMonthRange(year: number, month: number): { first: YMD; last: YMD } | undefined {
  const first = hijriToGregorian({ year, month, day: 1 });
  const nextMonth = month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
  const next = hijriToGregorian(nextMonth);
  if (!first || !next) return undefined;
  return { first, last: addDays(next, -1) };
}

/** The Hijri month `month` that begins in the Gregorian year `year` (رمضان 2024), if one does. */
export function hijriMonthInGregorianYear(month: number, year: number): { first: YMD; last: YMD } | undefined {
  const mid = gregorianToHijri({ year, month: 7, day: 1 }).year;
  for (const y of [mid - 1, mid, mid + 1]) {
    const range = hijriMonthRange(y, month);
    if (range?.first.year === year) return range;
  }
  return undefined;
}
