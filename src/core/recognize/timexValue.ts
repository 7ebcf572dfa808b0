import { toDayNumber } from './calendar';

/**
 * The TIMEX3 value grammar of the TimeML 1.2.1 schema (its Date, Time, WeekDate, WeekTime, Season,
 * PartOfYear, PaPrFu and Duration types), and the ranges Tawsim keeps in sidecars (`start/end`)
 * that a TimeML export writes as two points and a duration between them.
 */
const POINT_PATTERNS: readonly RegExp[] = [
  /^[0-9X]{1,4}(?:-[0-9X]{1,2}(?:-[0-9X]{1,2})?)?$/,
  /^(?:[0-9X]{1,4}-[0-9X]{1,2}-[0-9X]{1,2})?T(?:[0-9]{2}(?::[0-9]{2}(?::[0-9]{2})?)?|MO|MI|AF|EV|NI|DT)$/,
  /^[0-9X]{1,4}-W[0-9X]{1,2}(?:-(?:[1-7X]|WE))?$/,
  /^[0-9X]{1,4}-W[0-9X]{1,2}-[1-7X]T(?:[0-9]{2}(?::[0-9]{2}(?::[0-9]{2})?)?|MO|MI|AF|EV|NI|DT)$/,
  /^[0-9X]{1,4}-(?:SP|SU|WI|FA)$/,
  /^[0-9X]{1,4}-(?:H[1-2X]|Q[1-4X])$/,
  /^(?:PAST_REF|PRESENT_REF|FUTURE_REF)$/,
];
const DURATION =
  /^P(?:(?:(?:\d+|X{1,2})Y)?(?:(?:\d+|X{1,2})M)?(?:(?:\d+|X{1,2})D)?(?:T(?:(?:\d+|X{1,2})H)?(?:(?:\d+|X{1,2})M)?(?:(?:\d+|X{1,2})S)?)?|(?:\d+|X{1,2})(?:W|L|E|C|Q))$/;

/** A value the TIMEX3 schema accepts. */
export function isTimexValue(value: string): boolean {
  if (value.startsWith('P')) return value.length >= 3 && DURATION.test(value);
  return POINT_PATTERNS.some((p) => p.test(value));
}

/** The two ends of a range value (`2003/2010`, `2023-01-16/2023-01-17`), when both are TIMEX3 points. */
export function rangeEnds(value: string): readonly [string, string] | undefined {
  const slash = value.indexOf('/');
  if (slash <= 0 || value.indexOf('/', slash + 1) >= 0) return undefined;
  const begin = value.slice(0, slash);
  const end = value.slice(slash + 1);
  return !begin.startsWith('P') && !end.startsWith('P') && isTimexValue(begin) && isTimexValue(end) ? [begin, end] : undefined;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4}|XXXX)-(\d{2})$/;
const DAY = /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/;
const PART_OF_YEAR = /^(\d{4}|XXXX)-([QH])([1-4])$/;
const WEEKDAY = /^XXXX-WXX-([1-7])$/;
const CLOCK = /^(?:(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX))?T(\d{2}):(\d{2})$/;

/**
 * The TIMEX3 duration from one end of a range to the other, counting both ends as TimeML does
 * (`1992` to `1995` is `P4Y`, `16 يناير` to `17 يناير` is `P2D`); clock times count the time
 * between them. A range whose length cannot be known keeps X (`PXY`).
 */
export function rangeDuration(begin: string, end: string): string {
  const years = [YEAR.exec(begin), YEAR.exec(end)];
  if (years[0] && years[1]) return `P${Number(years[1][1]) - Number(years[0][1]) + 1}Y`;
  const months = [MONTH.exec(begin), MONTH.exec(end)];
  if (months[0] && months[1]) {
    const [, ya, ma] = months[0];
    const [, yb, mb] = months[1];
    if (ya === 'XXXX' || yb === 'XXXX') return ya === yb && Number(mb) >= Number(ma) ? `P${Number(mb) - Number(ma) + 1}M` : 'PXM';
    return `P${(Number(yb) - Number(ya)) * 12 + Number(mb) - Number(ma) + 1}M`;
  }
  const parts = [PART_OF_YEAR.exec(begin), PART_OF_YEAR.exec(end)];
  if (parts[0] && parts[1] && parts[0][2] === parts[1][2]) {
    // Quarters and halves count in months: the first three quarters of a year are P9M.
    const [, ya, kind, na] = parts[0];
    const [, yb, , nb] = parts[1];
    const size = kind === 'Q' ? 3 : 6;
    if ((ya === 'XXXX') !== (yb === 'XXXX')) return 'PXM';
    const years = ya === 'XXXX' ? 0 : Number(yb) - Number(ya);
    const months = (years * (12 / size) + Number(nb) - Number(na) + 1) * size;
    return months > 0 ? `P${months}M` : 'PXM';
  }
  const days = [DAY.exec(begin), DAY.exec(end)];
  if (days[0] && days[1]) {
    const [, ya, ma, da] = days[0];
    const [, yb, mb, db] = days[1];
    if ((ya === 'XXXX') !== (yb === 'XXXX')) return 'PXD';
    // Without years, the days are counted in a year without 29 February, the second one after the first.
    const first = { year: ya === 'XXXX' ? 2001 : Number(ya), month: Number(ma), day: Number(da) };
    const second = { year: yb === 'XXXX' ? (Number(mb) < Number(ma) ? 2002 : 2001) : Number(yb), month: Number(mb), day: Number(db) };
    const count = toDayNumber(second) - toDayNumber(first) + 1;
    return count > 0 ? `P${count}D` : 'PXD';
  }
  const weekdays = [WEEKDAY.exec(begin), WEEKDAY.exec(end)];
  if (weekdays[0] && weekdays[1]) return `P${((Number(weekdays[1][1]) - Number(weekdays[0][1]) + 7) % 7) + 1}D`;
  const clocks = [CLOCK.exec(begin), CLOCK.exec(end)];
  if (clocks[0] && clocks[1]) {
    const minutes = Number(clocks[1][1]) * 60 + Number(clocks[1][2]) - (Number(clocks[0][1]) * 60 + Number(clocks[0][2]));
    if (minutes <= 0) return 'PTXH';
    return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
  }
  return begin.includes('T') ? 'PTXH' : 'PXD';
}

/** The TIMEX3 type a value has: DURATION for `P…`, TIME for a time of day, DATE otherwise (SET is told from the text). */
export function timexTypeOfValue(value: string): 'DATE' | 'TIME' | 'DURATION' {
  if (value.startsWith('P')) return 'DURATION';
  return /T(?:\d{2}|MO|MI|AF|EV|NI|DT)/.test(value) ? 'TIME' : 'DATE';
}
