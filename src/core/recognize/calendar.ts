/** Gregorian arithmetic on plain dates (no time zones: a date is a day, not an instant). */
export interface YMD {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Every candidate date of a text is checked here, and a Date object each costs more than the
  // reading around it. Date is kept for what the arithmetic does not cover (to Date.UTC, years
  // 0–99 are 1900–1999).
  if (Number.isInteger(year) && Number.isInteger(month) && year >= 100 && year <= 200_000 && month >= 1 && month <= 12) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days since 1970-01-01. */
export function toDayNumber(d: YMD): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

export function fromDayNumber(n: number): YMD {
  const date = new Date(n * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: YMD, days: number): YMD {
  return fromDayNumber(toDayNumber(d) + days);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(d: YMD): number {
  const js = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** ISO 8601 week-numbering year and week of a date. */
export function isoWeek(d: YMD): { year: number; week: number } {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const jan1 = toDayNumber({ year: thursday.year, month: 1, day: 1 });
  return { year: thursday.year, week: Math.floor((toDayNumber(thursday) - jan1) / 7) + 1 };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatYMD(d: YMD): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatYM(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function formatWeek(d: YMD): string {
  const w = isoWeek(d);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

/** Parses `YYYY-MM-DD`; undefined when malformed or not a real day. */
export function parseYMD(text: string | undefined): YMD | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d.year, d.month, d.day) ? d : undefined;
}

export { pad };
