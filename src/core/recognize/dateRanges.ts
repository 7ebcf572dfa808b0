import type { YMD } from './calendar';
import { addDays, formatYM, formatYMD, pad, parseYMD, toDayNumber } from './calendar';
import type { Month, WordMatch } from './dates';
import type { Relation } from './dateVocabulary';
import { DUAL_MODIFIERS, WEEKDAYS, YEAR_WORDS } from './dateVocabulary';
import { weekdayValue, yearOfMonth } from './dateValue';
import { foldArabic } from './normalize';
import { adjacent } from './words';
import { DatedReader } from './wordReader';

/**
 * Ranges of years and of months, read as one span with a `start/end` value: `من 2003 إلى 2010`,
 * `بين عامي 2003 و2010`, `2003-2010`, `من يناير إلى مارس 2023`. Ranges of days (`من 18 إلى 20
 * يناير`, `يومي 22 و23 مارس`) are read by the DateReader. `من`, `بين` and `ما بين` open the span;
 * TimeML exports write the two ends as DATE points and the range as a DURATION between them.
 */
const FROM = foldArabic('من');
const BETWEEN = foldArabic('بين');
const WHAT = foldArabic('ما');
const AND = 'و';
const TO_WORDS = new Set(['إلى', 'الى', 'حتى', 'لغاية', 'وحتى', 'ولغاية'].map((w) => foldArabic(w)));
/** إلى غاية (Maghrebi "up to"). */
const UNTIL = foldArabic('غاية');
const BARE_MARKS = new Set(['-', '–']);
/** Year nouns before a range's years, dual and plural included: بين عامي، من سنة، بين العامين. */
const MONTH_WORD = foldArabic('شهر');
const RANGE_MONTH_WORDS = new Set([MONTH_WORD, ...['شهري', 'الشهرين'].map((w) => foldArabic(w))]);
const RANGE_YEAR_WORDS = new Set([...YEAR_WORDS, ...['عامي', 'سنتي', 'العامين', 'السنتين', 'الأعوام', 'السنوات'].map((w) => foldArabic(w))]);

/** Words a range can start with (a bare range starts with digits). */
export const RANGE_STARTS: ReadonlySet<string> = new Set([FROM, BETWEEN, WHAT]);

interface Point {
  readonly kind: 'year' | 'month';
  readonly year?: number;
  readonly hijri: boolean;
  readonly month?: Month;
  /** الماضي، المقبل after a month without a year. */
  readonly relation?: Relation;
  readonly end: number;
}

export class RangeReader extends DatedReader {
  readAt(i: number): WordMatch | undefined {
    const w = this.words[i];
    if (!w) return undefined;
    if (w.kind === 'digits') return this.readBare(i);
    if (w.kind !== 'letters') return undefined;
    let key = w.text;
    let skip = 0;
    // وبين، ومن: a conjunction letter before the lead stays out of the span.
    const bare = key.slice(1);
    if (key[0] === AND && (bare === FROM || bare === BETWEEN || bare === WHAT)) {
      key = bare;
      skip = 1;
    }
    let j = i + 1;
    if (key === WHAT) {
      if (this.text(j) !== BETWEEN) return undefined;
      key = BETWEEN;
      j++;
    }
    if (key !== FROM && key !== BETWEEN) return undefined;
    if (RANGE_YEAR_WORDS.has(this.text(j))) j++;
    // بين شهري آذار وأيار، من شهر يناير إلى شهر مارس.
    const monthLead = RANGE_MONTH_WORDS.has(this.text(j));
    if (monthLead) j++;
    const a = this.readPoint(j);
    if (!a) return monthLead ? undefined : this.readWeekdays(i, skip, j, key === BETWEEN);
    if (monthLead && a.kind !== 'month') return undefined;
    // بين يونيو وسبتمبر: the و of "and" is written on the second month.
    const attached = key === BETWEEN && a.kind === 'month' && this.text(a.end).length > 2 && this.text(a.end).startsWith(AND) ? this.readPoint(a.end, 1) : undefined;
    let b = attached;
    if (!b) {
      const joined = this.joinerAfter(a.end, key === BETWEEN);
      if (joined === undefined) return undefined;
      let k = joined;
      if (YEAR_WORDS.has(this.text(k)) || (a.kind === 'month' && this.text(k) === MONTH_WORD)) k++;
      b = this.readPoint(k);
    }
    if (!b || b.kind !== a.kind || b.hijri !== a.hijri) return undefined;
    // بين أبريل ويوليو الماضيين: a dual relative word places both months.
    const shared =
      a.kind === 'month' && a.year === undefined && a.relation === undefined && b.year === undefined && b.relation === undefined ? DUAL_MODIFIERS.get(this.text(b.end)) : undefined;
    if (shared) b = { ...b, relation: shared, end: b.end + 1 };
    return this.range(i, skip, a, b);
  }

  /** من الاثنين إلى الجمعة: two weekdays, the second on or after the first. */
  private readWeekdays(i: number, skip: number, j: number, between: boolean): WordMatch | undefined {
    // من is frequent: look for a weekday before reading a date.
    if (!WEEKDAYS.has(this.text(j))) return undefined;
    const a = this.dates.readAt(j);
    if (!a || a.start !== j || a.skip !== 0 || a.reason !== 'date: weekday' || !a.value) return undefined;
    // بين السبت والأحد: the و of "and" is written on the second weekday.
    const attached = between && this.text(a.end).startsWith(AND) ? a.end : undefined;
    const joined = attached ?? this.joinerAfter(a.end, between);
    const b = joined === undefined ? undefined : this.dates.readAt(joined);
    if (!b || b.start !== joined || b.skip !== (attached === undefined ? 0 : 1) || b.reason !== 'date: weekday' || !b.value) return undefined;
    let first = parseYMD(a.value);
    let second = parseYMD(b.value);
    // A bare first weekday: the run nearest the publication date, on the side the clause's tense says
    // of the whole run (من الاثنين إلى الجمعة on a Thursday is this week's, even in a present clause).
    const weekday = WEEKDAYS.get(this.text(j));
    const bare = a.end === j + 1 && b.end === b.start + 1;
    if (this.doc && bare && weekday !== undefined && first && second) {
      const gap = (((toDayNumber(second) - toDayNumber(first)) % 7) + 7) % 7;
      first = parseYMD(weekdayValue(weekday, undefined, this.doc)) as YMD;
      second = addDays(first, gap);
      const lean = this.dates.lean(i);
      const today = toDayNumber(this.doc);
      const shift = lean === 'after' && toDayNumber(second) < today ? 7 : lean === 'before' && toDayNumber(first) > today ? -7 : 0;
      first = addDays(first, shift);
      second = addDays(second, shift);
    }
    if (first && second && toDayNumber(second) < toDayNumber(first)) second = addDays(second, 7);
    const value = first && second ? `${formatYMD(first)}/${formatYMD(second)}` : `${a.value}/${b.value}`;
    return { start: i, end: b.end, skip, value, reason: 'date: range' };
  }

  /** 2003-2010 and 2003 – 2010 without a lead word. */
  private readBare(i: number): WordMatch | undefined {
    const a = this.readPoint(i);
    if (!a || a.kind !== 'year' || a.end !== i + 1) return undefined;
    const mark = this.words[i + 1];
    if (!mark || mark.kind !== 'mark' || !BARE_MARKS.has(mark.text)) return undefined;
    const b = this.readPoint(i + 2);
    if (!b || b.kind !== 'year') return undefined;
    // 2023-01-18 and 2003-2010-2015 are not two-year ranges.
    const after = this.words[b.end];
    const last = this.words[b.end - 1];
    if (after && last && after.kind === 'mark' && adjacent(last, after) && this.words[b.end + 1]?.kind === 'digits') return undefined;
    return this.range(i, 0, a, b);
  }

  /** A year (2003, 2003م, 1420 هـ) or a month name with an optional year; `skip` letters of the first word are a conjunction. */
  private readPoint(j: number, skip = 0): Point | undefined {
    const w = this.words[j];
    if (!w) return undefined;
    if (w.kind === 'digits') {
      const year = this.dates.readYear(j, true);
      return year && w.text.length === 4 ? { kind: 'year', year: year.year, hijri: year.hijri, end: year.end } : undefined;
    }
    if (w.kind !== 'letters') return undefined;
    const month = this.dates.readMonthName(j, w.text.slice(skip));
    if (!month) return undefined;
    const year = this.dates.yearAfter(month.end);
    if (year && year.hijri === month.hijri) return { kind: 'month', year: year.year, hijri: month.hijri, month, end: year.end };
    const relation = this.dates.readModifier(month.end);
    if (relation) return { kind: 'month', hijri: month.hijri, month, relation, end: month.end + 1 };
    return { kind: 'month', hijri: month.hijri, month, end: month.end };
  }

  /** The index after إلى / حتى / و / - between the two ends, or undefined. */
  private joinerAfter(j: number, between: boolean): number | undefined {
    const w = this.text(j);
    if (between) return w === AND ? j + 1 : undefined;
    if (TO_WORDS.has(w)) return this.text(j + 1) === UNTIL ? j + 2 : j + 1;
    if (BARE_MARKS.has(w)) return j + 1;
    return undefined;
  }

  private range(start: number, skip: number, a: Point, b: Point): WordMatch | undefined {
    if (a.kind === 'year') {
      if (a.year === undefined || b.year === undefined || b.year <= a.year || b.year - a.year > 200) return undefined;
      // Hijri years stay as written: the ends are read as the Gregorian days of each year.
      if (a.hijri) return undefined;
      return { start, end: b.end, skip, value: `${pad(a.year, 4)}/${pad(b.year, 4)}`, reason: 'date: range' };
    }
    const ma = a.month as Month;
    const mb = b.month as Month;
    if (ma.hijri || mb.hijri) return undefined;
    const yb = b.year ?? yearOfMonth(mb.month, b.relation, this.doc, a.year === undefined && b.relation === undefined ? this.dates.lean(start) : undefined);
    const ya = a.year ?? (yb === undefined ? undefined : ma.month <= mb.month ? yb : yb - 1);
    if (ya !== undefined && yb !== undefined && ya * 12 + ma.month >= yb * 12 + mb.month) return undefined;
    const from = ya === undefined ? `XXXX-${pad(ma.month)}` : formatYM(ya, ma.month);
    const to = yb === undefined ? `XXXX-${pad(mb.month)}` : formatYM(yb, mb.month);
    return { start, end: b.end, skip, value: `${from}/${to}`, reason: 'date: range' };
  }
}
