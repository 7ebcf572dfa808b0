import type { YMD } from './calendar';
import { addDays, daysInMonth, formatWeek, formatYM, formatYMD, isoWeekday, pad, toDayNumber } from './calendar';
import type { Lean } from './clauseTense';
import type { Relation, Unit } from './dateVocabulary';

/**
 * Normalised TIMEX3-style values. Without a publication date, what the text leaves open is written
 * with X (`XXXX-09-13`); with one, a relative expression is resolved against it the way a news
 * reader would: `13 سبتمبر الماضي` is the last 13 September before the publication date.
 */
export function dayMonthValue(month: number, day: number, year: number | undefined, relation: Relation | undefined, doc: YMD | undefined, lean?: Lean): string {
  const y = year ?? resolveYearOfDay(month, day, relation, doc, lean);
  return y === undefined ? `XXXX-${pad(month)}-${pad(day)}` : formatYMD({ year: y, month, day });
}

/** A span of days in one month (يومي 16 و17 يناير), or across two (من 30 يناير إلى 2 فبراير). */
export function dayRangeValue(
  from: { month: number; day: number },
  to: { month: number; day: number },
  year: number | undefined,
  relation: Relation | undefined,
  doc: YMD | undefined,
  lean?: Lean,
): string {
  const startYear = year ?? resolveYearOfDay(from.month, from.day, relation, doc, lean);
  if (startYear === undefined) return `XXXX-${pad(from.month)}-${pad(from.day)}/XXXX-${pad(to.month)}-${pad(to.day)}`;
  // A range written with one year ends in that year unless it runs past December.
  const endYear = to.month < from.month ? startYear + 1 : startYear;
  const startText = formatYMD({ year: year !== undefined && to.month < from.month ? startYear - 1 : startYear, month: from.month, day: from.day });
  const endText = formatYMD({ year: year !== undefined && to.month < from.month ? startYear : endYear, month: to.month, day: to.day });
  return `${startText}/${endText}`;
}

export function monthValue(month: number, year: number | undefined, relation: Relation | undefined, doc: YMD | undefined, lean?: Lean): string {
  const y = year ?? resolveYearOfMonth(month, relation, doc, lean);
  return y === undefined ? `XXXX-${pad(month)}` : formatYM(y, month);
}

function resolveYearOfDay(month: number, day: number, relation: Relation | undefined, doc: YMD | undefined, lean?: Lean): number | undefined {
  if (!doc) return undefined;
  const before = month < doc.month || (month === doc.month && day < doc.day);
  const after = month > doc.month || (month === doc.month && day > doc.day);
  // The clause's tense: on or after (or before) the publication date, the nearest such day.
  if (relation === undefined && lean === 'after') return before ? doc.year + 1 : doc.year;
  if (relation === undefined && lean === 'before') return after ? doc.year - 1 : doc.year;
  switch (relation) {
    case 'past':
      return before ? doc.year : doc.year - 1;
    case 'next':
      return after ? doc.year : doc.year + 1;
    case 'current':
      return doc.year;
    default:
      return nearestYear(doc, (y) => toDayNumber({ year: y, month, day: Math.min(day, daysInMonth(y, month)) }));
  }
}

/** The year a month named without one falls in, read against the publication date (undefined without one). */
export function yearOfMonth(month: number, relation: Relation | undefined, doc: YMD | undefined, lean?: Lean): number | undefined {
  return resolveYearOfMonth(month, relation, doc, lean);
}

function resolveYearOfMonth(month: number, relation: Relation | undefined, doc: YMD | undefined, lean?: Lean): number | undefined {
  if (!doc) return undefined;
  if (relation === undefined && lean === 'after') return month < doc.month ? doc.year + 1 : doc.year;
  if (relation === undefined && lean === 'before') return month > doc.month ? doc.year - 1 : doc.year;
  switch (relation) {
    case 'past':
      return month < doc.month ? doc.year : doc.year - 1;
    case 'next':
      return month > doc.month ? doc.year : doc.year + 1;
    case 'current':
      return doc.year;
    default:
      return nearestYear(doc, (y) => toDayNumber({ year: y, month, day: 15 }));
  }
}

/** With no word to say which year, news means the occurrence closest to the day it was written. */
function nearestYear(doc: YMD, dayOf: (year: number) => number): number {
  const target = toDayNumber(doc);
  let best = doc.year;
  let bestDistance = Infinity;
  for (const y of [doc.year, doc.year - 1, doc.year + 1]) {
    const distance = Math.abs(dayOf(y) - target);
    if (distance < bestDistance) {
      best = y;
      bestDistance = distance;
    }
  }
  return best;
}

/** A weekday alone: the nearest such day (on the side the clause's tense says), or the previous/next one when the text says so. */
export function weekdayValue(weekday: number, relation: Relation | undefined, doc: YMD | undefined, lean?: Lean): string {
  if (!doc) return `XXXX-WXX-${weekday}`;
  const today = isoWeekday(doc);
  const back = (today - weekday + 7) % 7;
  const ahead = (weekday - today + 7) % 7;
  let offset: number;
  if (relation === 'past') offset = -(back === 0 ? 7 : back);
  else if (relation === 'next') offset = ahead === 0 ? 7 : ahead;
  else if (relation === undefined && lean) offset = lean === 'after' ? ahead : -back;
  else offset = back <= ahead ? -back : ahead;
  return formatYMD(addDays(doc, offset));
}

export function dayOffsetValue(offset: number, doc: YMD | undefined): string {
  return doc ? formatYMD(addDays(doc, offset)) : 'XXXX-XX-XX';
}

/** العام الماضي، الشهر المقبل، الأسبوع الجاري. */
export function unitValue(unit: Unit, relation: Relation | undefined, doc: YMD | undefined): string {
  return unitValueAt(unit, relation === 'past' ? -1 : relation === 'next' ? 1 : 0, doc);
}

/** The year, month or week `step` units from the publication date's (العام قبل الماضي is -2). */
export function unitValueAt(unit: Unit, step: number, doc: YMD | undefined): string {
  if (unit === 'year') return doc ? String(doc.year + step) : 'XXXX';
  if (unit === 'month') {
    if (!doc) return 'XXXX-XX';
    const index = doc.year * 12 + (doc.month - 1) + step;
    return formatYM(Math.floor(index / 12), (index % 12) + 1);
  }
  return doc ? formatWeek(addDays(doc, 7 * step)) : 'XXXX-WXX';
}

export function rangeValue(first: YMD, last: YMD): string {
  return `${formatYMD(first)}/${formatYMD(last)}`;
}

export { formatYMD };
