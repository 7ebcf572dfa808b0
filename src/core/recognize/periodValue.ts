import type { YMD } from './calendar';
import { addDays, formatWeek, isoWeekday, pad } from './calendar';
import type { Relation } from './dateVocabulary';
import type { DurationUnit, Season } from './durationVocabulary';

/**
 * TIMEX3 values of periods that are not days: durations (`P3Y`, `PT48H`), quarters and halves
 * (`2023-Q1`, `XXXX-H2`), seasons (`2022-SU`), weeks of a month and weekends (`2024-W27`,
 * `2024-W03-WE`). A value never holds a fraction: TIMEX3 durations count whole units, so half a
 * year is written as six months.
 */
const SMALLER: Readonly<Record<DurationUnit, readonly [DurationUnit, number] | undefined>> = {
  Y: ['M', 12],
  M: ['D', 30],
  W: ['D', 7],
  D: ['H', 24],
  H: ['MIN', 60],
  MIN: ['S', 60],
  S: undefined,
};

export function durationValue(amount: number, unit: DurationUnit): string {
  let n = amount;
  let u = unit;
  for (let step = SMALLER[u]; !Number.isInteger(n) && step; step = SMALLER[u]) {
    n *= step[1];
    u = step[0];
  }
  const count = Math.round(n);
  if (u === 'H') return `PT${count}H`;
  if (u === 'MIN') return `PT${count}M`;
  if (u === 'S') return `PT${count}S`;
  return `P${count}${u}`;
}

/** The unit of a duration value is below a day (PT…): such spans are times, not dates. */
export function isTimeDuration(value: string): boolean {
  return value.startsWith('PT');
}

export function partOfYearValue(year: number | undefined, kind: 'Q' | 'H', n: number): string {
  return `${year === undefined ? 'XXXX' : pad(year, 4)}-${kind}${n}`;
}

const SEASON_START: Readonly<Record<Season, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** A season, of a written year, or placed relative to the publication date (الصيف الماضي). */
export function seasonValue(season: Season, year: number | undefined, relation: Relation | undefined, doc: YMD | undefined): string {
  if (year !== undefined) return `${pad(year, 4)}-${season}`;
  if (!doc || !relation) return `XXXX-${season}`;
  const docIndex = doc.year * 12 + doc.month - 1;
  const startOf = (y: number): number => y * 12 + SEASON_START[season] - 1;
  // The season lasts three months from its start; winter starts in December and runs into the next year.
  let y = doc.year;
  if (relation === 'past') {
    while (startOf(y) + 2 >= docIndex) y--;
  } else if (relation === 'next') {
    while (startOf(y) <= docIndex) y++;
    while (startOf(y - 1) > docIndex) y--;
  } else if (startOf(y - 1) + 2 >= docIndex) {
    y--;
  }
  return `${pad(y, 4)}-${season}`;
}

/** The nth ISO week of a month: the weeks whose Thursday falls in it (ISO 8601 gives a week to the month of its Thursday). */
export function weekOfMonthValue(year: number | undefined, month: number, n: number | 'last'): string {
  if (year === undefined) return 'XXXX-WXX';
  const first: YMD = { year, month, day: 1 };
  const firstThursday = addDays(first, (4 - isoWeekday(first) + 7) % 7);
  if (n !== 'last') return formatWeek(addDays(firstThursday, 7 * (n - 1)));
  let last = firstThursday;
  while (addDays(last, 7).month === month) last = addDays(last, 7);
  return formatWeek(last);
}

/** The nth week of a year (الأسبوع الأول من العام): ISO week n. */
export function weekOfYearValue(year: number | undefined, n: number): string {
  return `${year === undefined ? 'XXXX' : pad(year, 4)}-W${pad(n)}`;
}

/** The weekend of a week value (`2024-W03` → `2024-W03-WE`). */
export function weekendValue(week: string): string {
  return `${week}-WE`;
}
