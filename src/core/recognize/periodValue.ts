import type { YMD } from './calendar';
import { addDays, daysInMonth, formatWeek, isoWeekday, pad, toDayNumber } from './calendar';
import type { Lean } from './clauseTense';
import type { Relation } from './dateVocabulary';
import type { DurationUnit, Season } from './durationVocabulary';

/**
 * TIMEX3 values of periods that are not days: durations (`P3Y`, `PT48H`), quarters and halves
 * (`2023-Q1`, `XXXX-H2`), seasons (`2022-SU`), weeks of a month and weekends (`2024-W27`,
 * `2024-W03-WE`). A value never holds a fraction: TIMEX3 durations count whole units, so the
 * fraction of a count goes to the next smaller unit, keeping the unit the text wrote (`سبع سنوات
 * ونصف` → `P7Y6M`, `نصف ساعة` → `PT30M`, `يوم ونصف` → `P1DT12H`).
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
const DATE_UNITS: readonly DurationUnit[] = ['Y', 'M', 'W', 'D'];

export function durationValue(amount: number, unit: DurationUnit): string {
  // Weeks stand alone in a TIMEX3 duration (P2W): a week and a half is counted in days.
  if (unit === 'W' && !Number.isInteger(amount)) return durationValue(amount * 7, 'D');
  const parts = new Map<DurationUnit, number>();
  let rest = amount;
  let u: DurationUnit | undefined = unit;
  while (u) {
    const step: readonly [DurationUnit, number] | undefined = SMALLER[u];
    const whole = step ? Math.floor(rest + 1e-9) : Math.round(rest);
    if (whole > 0) parts.set(u, whole);
    rest = (rest - whole) * (step ? step[1] : 0);
    if (!step || rest < 1e-9) break;
    u = step[0];
  }
  const datePart = DATE_UNITS.filter((d) => parts.has(d))
    .map((d) => `${parts.get(d)}${d}`)
    .join('');
  const timePart = (['H', 'MIN', 'S'] as const)
    .filter((t) => parts.has(t))
    .map((t) => `${parts.get(t)}${t === 'MIN' ? 'M' : t}`)
    .join('');
  return `P${datePart}${timePart ? `T${timePart}` : ''}`;
}

/** The unit of a duration value is below a day (PT…): such spans are times, not dates. */
export function isTimeDuration(value: string): boolean {
  return value.startsWith('PT');
}

export function partOfYearValue(year: number | undefined, kind: 'Q' | 'H', n: number): string {
  return `${year === undefined ? 'XXXX' : pad(year, 4)}-${kind}${n}`;
}

/** The year whose quarter or half `n` lies nearest the publication date (inside it, or the fewest days away). */
export function nearestPartOfYear(kind: 'Q' | 'H', n: number, doc: YMD): number {
  const months = kind === 'Q' ? 3 : 6;
  const today = toDayNumber(doc);
  let best = doc.year;
  let bestDistance = Infinity;
  for (const y of [doc.year, doc.year - 1, doc.year + 1]) {
    const first = toDayNumber({ year: y, month: (n - 1) * months + 1, day: 1 });
    const last = toDayNumber({ year: y, month: n * months, day: daysInMonth(y, n * months) });
    const distance = today < first ? first - today : today > last ? today - last : 0;
    if (distance < bestDistance) {
      best = y;
      bestDistance = distance;
    }
  }
  return best;
}

const SEASON_START: Readonly<Record<Season, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/**
 * A season, of a written year, placed relative to the publication date (الصيف الماضي), or named
 * alone (فصل الصيف): the one nearest the publication date on the side the clause's tense says; in a
 * clause without a tense sign it is the season in general (`XXXX-SU`), as news writes of it.
 */
export function seasonValue(season: Season, year: number | undefined, relation: Relation | undefined, doc: YMD | undefined, lean?: Lean): string {
  if (year !== undefined) return `${pad(year, 4)}-${season}`;
  if (!doc || (!relation && !lean)) return `XXXX-${season}`;
  const docIndex = doc.year * 12 + doc.month - 1;
  const startOf = (y: number): number => y * 12 + SEASON_START[season] - 1;
  if (!relation) {
    // Months from the publication date's month to the season (0 inside it); the nearest allowed wins.
    let best = doc.year;
    let bestDistance = Infinity;
    for (const y of [doc.year - 1, doc.year, doc.year + 1]) {
      const first = startOf(y);
      const distance = docIndex < first ? first - docIndex : docIndex > first + 2 ? first + 2 - docIndex : 0;
      if ((lean === 'after' && distance < 0) || (lean === 'before' && distance > 0)) continue;
      if (Math.abs(distance) < bestDistance) {
        best = y;
        bestDistance = Math.abs(distance);
      }
    }
    return `${pad(best, 4)}-${season}`;
  }
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
