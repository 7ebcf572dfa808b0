import type { YMD } from './calendar';
import { isValidDate, pad } from './calendar';
import type { Relation, Unit } from './dateVocabulary';
import {
  AMBIGUOUS_MONTHS,
  CENTURY,
  COUNTED_NOUNS,
  FIRST_DAY_WORDS,
  HIJRI_YEAR_ADJECTIVES,
  CENTURY_ORDINALS,
  DAY_LEADS,
  DAY_WORDS,
  DUAL_MODIFIERS,
  EDITION_NOUNS,
  PLURAL_DAY_LEADS,
  DECADES,
  GREGORIAN_ERA,
  HIJRI_ERA,
  HIJRI_MONTH_EPITHETS,
  MODIFIERS,
  MONTH_WORD,
  OF_WORD,
  ONE_WORD_HIJRI_MONTHS,
  ONE_WORD_MONTHS,
  ORDINAL_TEEN,
  ORDINAL_TEN,
  ORDINAL_TENS,
  ORDINAL_UNITS,
  POSITION_IN_SPAN,
  RANGE_JOINERS,
  RANGE_LEADS,
  THIS_WORDS,
  TWO_WORD_HIJRI_MONTHS,
  TWO_WORD_MONTHS,
  TWO_WORD_MONTH_STARTS,
  UNITS,
  WEEKDAYS,
  YEAR_PREPOSITIONS,
  YEAR_WORDS,
  SINCE_WORDS,
  YEAR_WORDS_WITH_CLITIC,
} from './dateVocabulary';
import { dayMonthValue, dayOffsetValue, dayRangeValue, formatYMD, monthValue, rangeValue, unitValue, unitValueAt, weekdayValue } from './dateValue';
import { addDays, parseYMD } from './calendar';
import { foldArabic } from './normalize';
import { hijriMonthInGregorianYear, hijriMonthRange, hijriToGregorian, gregorianToHijri } from './hijri';
import { PARTICLES } from './commonWords';
import { isDayValue, PART_NOUNS } from './dayParts';
import type { Lean } from './clauseTense';
import { clauseLean } from './clauseTense';
import type { Word } from './words';
import { adjacent } from './words';

/** A date found in the word sequence: words [start, end), the first word entered after `skip` letters. */
export interface WordMatch {
  readonly start: number;
  readonly end: number;
  readonly skip: number;
  readonly value?: string;
  readonly reason: string;
  /** Words from this index to `end` may also be names (the place in `بتوقيت الخرطوم`). */
  readonly namesFrom?: number;
  /**
   * The year was not written (`الربع الثاني`, `النصف الثاني`): it is the year the sentence named
   * before, else, for `nearest`, the one that puts the period nearest the publication date; a
   * `sentence` reading without such a year is no date (the second half of a match).
   */
  readonly openYear?: 'nearest' | 'sentence';
}

export interface Month {
  readonly month: number;
  readonly hijri: boolean;
  readonly end: number;
  /** A month name that is also a common word, not confirmed by a paired name. */
  readonly ambiguous: boolean;
}

export interface Year {
  readonly year: number;
  readonly end: number;
  readonly hijri: boolean;
  /** Written with an era mark (م, هـ). */
  readonly marked: boolean;
}

/** A reading that names one day or a run of days (so a lead like يوم or أيام may open it). */
function namesDays(m: WordMatch): boolean {
  if (m.value === undefined) return m.reason.includes('day') || m.reason.includes('weekday');
  const [first] = m.value.split('/');
  return isDayValue(first);
}

/**
 * Reads date expressions from a sequence of folded words. Each reader takes a word index and
 * returns where the expression ends, so the grammar reads like the Arabic it accepts.
 */
const ARTICLE = 'ال';
const AND_LETTER = 'و';
const BETWEEN_WORD = foldArabic('بين');
const FIRST_WORD = foldArabic('أول');
const BEFORE_WORD = foldArabic('قبل');
const WHAT_WORD = foldArabic('ما');
/** Words after which غد is tomorrow, not "the future": يوم غد، مساء غد، صباح غد. */
const DAYS_BEFORE_TOMORROW: ReadonlySet<string> = new Set([foldArabic('يوم'), ...PART_NOUNS.keys()]);
const AND_ARTICLE = 'وال';
/** The last Hijri year a newsroom writes without هـ after a Hijri month (the Gregorian 1600s are not news). */
const HIJRI_YEAR_LIMIT = 1600;

export class DateReader {
  constructor(
    private readonly words: readonly Word[],
    private readonly doc: YMD | undefined,
  ) {}

  private text(i: number): string {
    return this.words[i]?.text ?? '';
  }

  private hijriToday: YMD | undefined;

  /** The publication date in the Hijri calendar, asked of ICU once per reader (callers check that there is one). */
  private docHijri(): YMD {
    this.hijriToday ??= gregorianToHijri(this.doc as YMD);
    return this.hijriToday;
  }

  private isMark(i: number, ...marks: string[]): boolean {
    const w = this.words[i];
    return w !== undefined && w.kind === 'mark' && marks.includes(w.text);
  }

  private number(i: number): number | undefined {
    return this.words[i]?.number;
  }

  /** The date expression starting at word i (its first word may carry a proclitic), if any. */
  readAt(i: number): WordMatch | undefined {
    const w = this.words[i];
    if (!w) return undefined;
    if (w.kind === 'digits') return this.readFromDigits(i, 0, i);
    if (w.kind !== 'letters') return undefined;
    const key = w.text;
    // الـ21 من يناير: the article written on the day number belongs to the span.
    if ((key === ARTICLE || key === AND_ARTICLE) && this.words[i + 1]?.kind === 'digits' && adjacent(w, this.words[i + 1] as Word)) {
      const day = this.readDayRange(i + 1);
      return day ? { ...day, start: i, skip: key.length - ARTICLE.length } : undefined;
    }
    const direct = this.readFromWord(i, key, 0);
    if (direct) return direct;
    // و ف ب ل ك before a date word: والثلاثاء، بالأمس، لعام.
    const first = key[0];
    if (key.length > 2 && (first === 'و' || first === 'ف' || first === 'ب' || first === 'ل' || first === 'ك')) {
      const bare = key.slice(1);
      // ل before the article is written لل: للعام is ل + العام.
      const rest = first === 'ل' && bare.startsWith('ل') && !bare.startsWith('ال') ? 'ا' + bare : bare;
      const viaClitic = this.readFromWord(i, rest, 1);
      if (viaClitic) return viaClitic;
      const second = rest[0];
      if (rest.length > 2 && (first === 'و' || first === 'ف') && (second === 'ب' || second === 'ل')) return this.readFromWord(i, rest.slice(1), 2);
    }
    return undefined;
  }

  private readFromWord(i: number, key: string, skip: number): WordMatch | undefined {
    // يوم / يومي / صباح … before a weekday or a date: the lead belongs to the span.
    if (DAY_LEADS.has(key)) {
      // يومي الخميس والجمعة، أيام السبت والأحد والاثنين: a run of weekdays.
      if (PLURAL_DAY_LEADS.has(key)) {
        const run = this.readWeekdayRun(i + 1);
        if (run) return { ...run, start: i, skip };
      }
      const next = this.words[i + 1];
      if (next?.kind === 'digits' || next?.kind === 'letters') {
        const inner = next.kind === 'digits' ? this.readFromDigits(i + 1, 0, i + 1) : this.readFromWord(i + 1, next.text, 0);
        // يوم الأحد، يومي 16 و17 يناير: a day lead opens days, not months (آخر أيام شهر شعبان).
        if (inner && inner.skip === 0 && namesDays(inner)) return { ...inner, start: i, skip };
      }
      return undefined;
    }
    if (RANGE_LEADS.has(key)) {
      // من and بين belong to the span only when they open a range.
      const between = key === BETWEEN_WORD;
      const range = this.readDayRange(i + 1, between) ?? this.readOrdinalDayRange(i + 1, between);
      return range && range.reason.includes('range') ? { ...range, start: i, skip } : undefined;
    }
    const weekday = WEEKDAYS.get(key);
    if (weekday !== undefined) return this.readWeekday(i, skip, weekday);

    const month = this.readMonthName(i, key);
    if (month) return this.readAfterMonth(i, skip, month, false);
    if (key === MONTH_WORD) {
      const named = this.readMonthName(i + 1, this.text(i + 1));
      if (named) return this.readAfterMonth(i, skip, named, true);
      return undefined;
    }

    const ordinal = this.readOrdinal(i, key);
    if (ordinal) {
      const m = this.monthAfterOrdinal(ordinal.end);
      if (m) return this.readDayMonth(i, skip, [ordinal.day], m, 'date: ordinal day month');
      // الثامن من الشهر الجاري
      const relative = this.relativeMonthAt(ordinal.end);
      const day = relative ? this.dayOfRelativeMonth(i, relative, ordinal.day) : undefined;
      return day ? { ...day, skip } : undefined;
    }

    const dayOffset = DAY_WORDS.get(key);
    if (dayOffset !== undefined) return this.readDayWord(i, skip, key, dayOffset);
    // أول أبريل المقبل: the first day of a month named right after أول (not أول شهر رمضان, the month's start).
    if (key === FIRST_WORD) {
      const m = this.readMonthName(i + 1, this.text(i + 1));
      if (m) return this.readDayMonth(i, skip, [1], { ...m, ambiguous: false }, 'date: ordinal day month');
    }
    // أول أمس، بعد غد, and the weekday they name (بعد غد الأربعاء).
    if ((key === 'اول' && this.text(i + 1) === 'امس') || (key === 'بعد' && this.text(i + 1) === 'غد'))
      return this.relativeDay(i, WEEKDAYS.has(this.text(i + 2)) ? i + 3 : i + 2, skip, key === 'بعد' ? 2 : -2);

    if (YEAR_WORDS.has(key) && HIJRI_YEAR_ADJECTIVES.has(this.text(i + 1))) return this.readHijriYearWord(i, skip);
    if (YEAR_WORDS.has(key)) {
      const year = this.readYear(i + 1, true);
      if (year) return { start: i, end: year.end, skip, value: this.yearValue(year), reason: 'date: year' };
      const unit = UNITS.get(key);
      if (unit) return this.readUnit(i, skip, unit);
      return undefined;
    }
    const unit = UNITS.get(key);
    if (unit) return this.readUnit(i, skip, unit);
    if (THIS_WORDS.has(key)) {
      const u = UNITS.get(this.text(i + 1));
      if (u) return { start: i, end: i + 2, skip, value: unitValue(u, 'current', this.doc), reason: 'date: relative unit' };
      return undefined;
    }
    if (POSITION_IN_SPAN.has(key)) return this.readPosition(i, skip);

    const decade = DECADES.get(key);
    if (decade !== undefined) return this.readDecade(i, skip, decade);
    if (key === CENTURY) return this.readCentury(i, skip);
    return undefined;
  }

  /** Digits first: a day (16 يناير), a day list or range, a numeric date, or a marked year (2020م). */
  private readFromDigits(i: number, skip: number, start: number): WordMatch | undefined {
    const numeric = this.readNumericDate(i);
    if (numeric) return numeric;
    const range = this.readDayRange(i);
    if (range) return { ...range, start, skip };
    const year = this.readYear(i, false);
    if (year && (year.marked || this.yearContext(i))) return { start, end: year.end, skip, value: this.yearValue(year), reason: 'date: year' };
    return undefined;
  }

  /** A four-digit number reads as a year after في/منذ/حتى … when nothing counted follows it. */
  private yearContext(i: number): boolean {
    const n = this.number(i) as number;
    if (n < 1900 || n > 2100) return false;
    const next = this.words[i + 1];
    if (next?.kind === 'letters' && COUNTED_NOUNS.has(next.text)) return false;
    // "في 2000 موقع" counts things: after a year comes a particle, a verb or a clause end, not a noun.
    const nextFits = next === undefined || next.kind !== 'letters' || PARTICLES.has(next.text) || YEAR_PREPOSITIONS.has(next.text) || /^[وفتي]/u.test(next.text);
    const prev = this.words[i - 1];
    if (prev?.kind === 'letters' && (YEAR_PREPOSITIONS.has(prev.text) || EDITION_NOUNS.has(prev.text))) return nextFits;
    // Years listed together: 2023 و2024 و2025.
    const isYearAt = (k: number): boolean => this.words[k]?.kind === 'digits' && this.words[k]?.text.length === 4 && Math.abs((this.number(k) as number) - n) <= 10;
    if (prev?.text === 'و' && isYearAt(i - 2)) return true;
    return next?.text === 'و' && isYearAt(i + 2);
  }

  readYear(i: number, introduced: boolean): Year | undefined {
    const w = this.words[i];
    if (!w || w.kind !== 'digits' || w.text.length !== 4 || w.number === undefined) return undefined;
    const n = w.number;
    const era = this.words[i + 1];
    if (era && era.kind === 'letters') {
      if (HIJRI_ERA.has(era.text) && n >= 1 && n <= 1600) return { year: n, end: i + 2, hijri: true, marked: true };
      if (GREGORIAN_ERA.has(era.text) && n >= 1000 && n <= 2999) return { year: n, end: i + 2, hijri: false, marked: true };
    }
    if (n < 1000 || n > 2999) return undefined;
    return { year: n, end: i + 1, hijri: false, marked: introduced };
  }

  yearValue(year: Year): string {
    if (!year.hijri) return String(year.year);
    const first = hijriToGregorian({ year: year.year, month: 1, day: 1 });
    const last = hijriMonthRange(year.year, 12)?.last;
    return first && last ? rangeValue(first, last) : String(year.year);
  }

  /**
   * The year after a month name, as newsrooms write it: `يناير 2023`, `ذو الحجة / 1445 هـ`,
   * `جمادى الأولى عام 1351هـ`, `رمضان للعام 1446 هـ`, `مارس من عام 2020`.
   */
  yearAfter(j: number, hijriMonth = false): Year | undefined {
    const year = this.writtenYearAfter(j);
    // رمضان 1445: after a Hijri month, a year that Gregorian dates never reach is Hijri without هـ.
    const withoutEra = year !== undefined && this.words[year.end - 1]?.kind === 'digits';
    return year && hijriMonth && !year.hijri && withoutEra && year.year <= HIJRI_YEAR_LIMIT ? { ...year, hijri: true } : year;
  }

  private writtenYearAfter(j: number): Year | undefined {
    let k = j;
    if (this.isMark(k, '/', '-', '–') && this.words[k + 1]?.kind !== 'mark') k++;
    if (this.text(k) === OF_WORD && YEAR_WORDS.has(this.text(k + 1))) k++;
    if (YEAR_WORDS.has(this.text(k)) || YEAR_WORDS_WITH_CLITIC.has(this.text(k))) k++;
    return this.readYear(k, true);
  }

  /**
   * The year placed after a month by a relative word: `مارس من العام الماضي`, `15 مارس من هذا العام`,
   * `يناير من السنة المقبلة`. The year is undefined without a publication date (the value keeps X).
   */
  private relativeYearAfter(j: number): { year: number | undefined; end: number } | undefined {
    if (this.text(j) !== OF_WORD) return undefined;
    let k = j + 1;
    let relation: Relation | undefined;
    if (THIS_WORDS.has(this.text(k)) && UNITS.get(this.text(k + 1)) === 'year') {
      relation = 'current';
      k += 2;
    } else if (UNITS.get(this.text(k)) === 'year') {
      relation = this.readModifier(k + 1);
      if (!relation) return undefined;
      k += 2;
    } else return undefined;
    const step = relation === 'past' ? -1 : relation === 'next' ? 1 : 0;
    return { year: this.doc ? this.doc.year + step : undefined, end: k };
  }

  /** A month name at i (one or two words), with a paired name after a slash or in brackets. */
  readMonthName(i: number, key: string): Month | undefined {
    const single = this.readOneMonth(i, key);
    if (!single) return undefined;
    // يناير/ كانون الثاني، كانون الثاني (يناير)، آذار - مارس
    let j = single.end;
    const open = this.isMark(j, '(');
    if (this.isMark(j, '/', '(', '-', '–', '،', ',')) {
      const second = this.readOneMonth(j + 1, this.text(j + 1));
      if (second && second.month === single.month && second.hijri === single.hijri) {
        j = second.end;
        if (open && this.isMark(j, ')')) j++;
        return { ...single, end: j, ambiguous: false };
      }
    }
    return single;
  }

  private readOneMonth(i: number, key: string): Month | undefined {
    const next = this.text(i + 1);
    if (TWO_WORD_MONTH_STARTS.has(key)) {
      for (const [a, b, month] of TWO_WORD_MONTHS) if (key === a && next === b) return { month, hijri: false, end: i + 2, ambiguous: false };
      for (const [a, b, month] of TWO_WORD_HIJRI_MONTHS) if (key === a && next === b) return { month, hijri: true, end: i + 2, ambiguous: true };
    }
    const g = ONE_WORD_MONTHS.get(key);
    if (g !== undefined) return { month: g, hijri: false, end: i + 1, ambiguous: AMBIGUOUS_MONTHS.has(key) };
    const h = ONE_WORD_HIJRI_MONTHS.get(key);
    // رمضان المبارك، محرم الحرام: the month's epithet is part of its name.
    if (h !== undefined) return HIJRI_MONTH_EPITHETS.has(next) ? { month: h, hijri: true, end: i + 2, ambiguous: false } : { month: h, hijri: true, end: i + 1, ambiguous: true };
    return undefined;
  }

  /** منذ 5 مارس، منذ فاتح يناير: "since" places an undated day or month before the publication date. */
  private impliedRelation(start: number): Relation | undefined {
    return SINCE_WORDS.has(this.text(start - 1)) ? 'past' : undefined;
  }

  /** The side of the publication date the clause before word i points to (see clauseTense.ts); only asked with a publication date. */
  lean(i: number): Lean | undefined {
    return this.doc ? clauseLean(this.words, i) : undefined;
  }

  readModifier(i: number): Relation | undefined {
    return MODIFIERS.get(this.text(i));
  }

  /** السنة الهجرية 1445، العام الهجري الماضي: a Hijri year as its Gregorian days. */
  private readHijriYearWord(i: number, skip: number): WordMatch | undefined {
    const w = this.words[i + 2];
    let year: number | undefined;
    let end = i + 3;
    if (w?.kind === 'digits' && w.number !== undefined && w.number >= 1 && w.number <= 1600) {
      year = w.number;
      if (this.words[end]?.kind === 'letters' && HIJRI_ERA.has(this.text(end))) end++;
    } else {
      const relation = this.readModifier(i + 2);
      if (!relation || !this.doc) return relation ? { start: i, end, skip, reason: 'date: hijri year' } : undefined;
      year = this.docHijri().year + (relation === 'past' ? -1 : relation === 'next' ? 1 : 0);
    }
    return { start: i, end, skip, value: this.yearValue({ year, end, hijri: true, marked: true }), reason: 'date: hijri year' };
  }

  /** After a month name: a year, a relative word, or nothing (then the name needs to be unambiguous). */
  private readAfterMonth(i: number, skip: number, m: Month, introduced: boolean): WordMatch | undefined {
    const year = this.yearAfter(m.end, m.hijri);
    const placed = m.hijri ? undefined : this.relativeYearAfter(m.end);
    if (placed) return { start: i, end: placed.end, skip, value: monthValue(m.month, placed.year, undefined, this.doc), reason: 'date: month relative' };
    if (year && year.hijri === m.hijri) {
      if (m.hijri) {
        const range = hijriMonthRange(year.year, m.month);
        return { start: i, end: year.end, skip, value: range ? rangeValue(range.first, range.last) : undefined, reason: 'date: hijri month year' };
      }
      return { start: i, end: year.end, skip, value: monthValue(m.month, year.year, undefined, this.doc), reason: 'date: month year' };
    }
    // رمضان 2024: the Hijri month that begins in that Gregorian year.
    if (year && m.hijri && !year.hijri && year.year >= 1900) {
      const range = hijriMonthInGregorianYear(m.month, year.year);
      return { start: i, end: year.end, skip, value: range ? rangeValue(range.first, range.last) : undefined, reason: 'date: hijri month year' };
    }
    const relation = this.readModifier(m.end);
    if (relation) {
      if (m.hijri) return { start: i, end: m.end + 1, skip, value: this.hijriMonthValue(m.month, relation), reason: 'date: hijri month' };
      return { start: i, end: m.end + 1, skip, value: monthValue(m.month, undefined, relation, this.doc), reason: 'date: month relative' };
    }
    if (m.ambiguous && !introduced && !this.monthContext(i)) return undefined;
    if (m.hijri) {
      if (!introduced) return undefined;
      return { start: i, end: m.end, skip, value: this.hijriMonthValue(m.month, undefined), reason: 'date: hijri month' };
    }
    return { start: i, end: m.end, skip, value: monthValue(m.month, undefined, this.impliedRelation(i), this.doc, this.lean(i)), reason: 'date: month' };
  }

  /** في مارس، منذ مارس، خلال مارس: a preposition makes an ambiguous month name a month. */
  private monthContext(i: number): boolean {
    const prev = this.text(i - 1);
    return YEAR_PREPOSITIONS.has(prev) || prev === 'من' || prev === 'الي' || POSITION_IN_SPAN.has(prev);
  }

  private hijriMonthValue(month: number, relation: Relation | undefined): string | undefined {
    if (!this.doc) return undefined;
    const today = this.docHijri();
    let year = today.year;
    if (relation === 'past' && month >= today.month) year--;
    if (relation === 'next' && month <= today.month) year++;
    const range = hijriMonthRange(year, month);
    return range ? rangeValue(range.first, range.last) : undefined;
  }

  /** Days already read (one, or the two ends of a range) followed by a month at `monthAt`. */
  private readDayMonth(start: number, skip: number, days: number[], m: Month, reason: string): WordMatch | undefined {
    let end = m.end;
    const year = this.yearAfter(end, m.hijri);
    const placed = year || m.hijri ? undefined : this.relativeYearAfter(end);
    let relation: Relation | undefined;
    if (year && year.hijri === m.hijri) end = year.end;
    else if (placed) end = placed.end;
    else {
      relation = this.readModifier(end);
      if (relation) end++;
    }
    const y = year && year.hijri === m.hijri ? year.year : placed?.year;
    relation ??= this.impliedRelation(start);
    const lean = relation === undefined && y === undefined ? this.lean(start) : undefined;
    const first = days[0] as number;
    const last = days[days.length - 1] as number;
    if (m.hijri) {
      const value = this.hijriDaysValue(first, last, m.month, y);
      return { start, end, skip, value, reason: reason.replace('date:', 'date: hijri') };
    }
    if (y !== undefined && !isValidDate(y, m.month, last)) return undefined;
    const value =
      days.length === 1
        ? dayMonthValue(m.month, first, y, relation, this.doc, lean)
        : dayRangeValue({ month: m.month, day: first }, { month: m.month, day: last }, y, relation, this.doc, lean);
    return { start, end, skip, value, reason: y === undefined ? reason : `${reason} year` };
  }

  private hijriDaysValue(first: number, last: number, month: number, year: number | undefined): string | undefined {
    let y = year;
    if (y === undefined) {
      if (!this.doc) return undefined;
      y = this.docHijri().year;
    }
    const a = hijriToGregorian({ year: y, month, day: first });
    const b = hijriToGregorian({ year: y, month, day: last });
    if (!a || !b) return undefined;
    return first === last ? formatYMD(a) : rangeValue(a, b);
  }

  /** Weekdays joined by و after يومي or أيام (الخميس والجمعة المقبلين): the days from the first to the last. */
  private readWeekdayRun(i: number): WordMatch | undefined {
    const first = WEEKDAYS.get(this.text(i));
    if (first === undefined) return undefined;
    let last = first;
    let end = i + 1;
    for (;;) {
      // والجمعة, or و الجمعة with the conjunction apart.
      const apart = this.text(end) === AND_LETTER;
      const word = apart ? this.text(end + 1) : this.text(end);
      const d = apart ? WEEKDAYS.get(word) : word.startsWith(AND_LETTER) ? WEEKDAYS.get(word.slice(1)) : undefined;
      if (d === undefined) break;
      last = d;
      end += apart ? 2 : 1;
    }
    if (end === i + 1) return undefined;
    const relation = DUAL_MODIFIERS.get(this.text(end)) ?? this.readModifier(end);
    if (relation) end++;
    const from = weekdayValue(first, relation, this.doc, relation ? undefined : this.lean(i));
    const start = parseYMD(from);
    const value = start ? `${from}/${formatYMD(addDays(start, (last - first + 7) % 7))}` : `${from}/XXXX-WXX-${last}`;
    return { start: i, end, skip: 0, value, reason: 'date: weekday range' };
  }

  /** غرة جانفي إلى 20 أوت 2023، الأول من مارس حتى 15 أبريل: a range of days whose first day is an ordinal. */
  private readOrdinalDayRange(j: number, between: boolean): WordMatch | undefined {
    const w = this.words[j];
    if (w?.kind !== 'letters') return undefined;
    const ordinal = this.readOrdinal(j, w.text);
    const month = ordinal ? this.monthAfterOrdinal(ordinal.end) : undefined;
    if (!ordinal || !month || month.hijri) return undefined;
    const written = this.yearAfter(month.end);
    const year = written && !written.hijri ? written.year : undefined;
    const after = year !== undefined ? (written as Year).end : month.end;
    const joined = this.text(after) === AND_LETTER ? (between ? after + 1 : undefined) : between ? undefined : this.joinerAt(after);
    const second = joined === undefined ? undefined : this.readAt(joined);
    const to = second?.value ? /^(\d{4}|XXXX)-(\d{2})-(\d{2})$/.exec(second.value) : null;
    if (!second || !to || second.start !== joined || second.skip !== 0 || !second.reason.includes('day month')) return undefined;
    const toMonth = Number(to[2]);
    const toDay = Number(to[3]);
    const toYear = second.reason.endsWith('year') && to[1] !== 'XXXX' ? Number(to[1]) : undefined;
    const from = { month: month.month, day: ordinal.day };
    let value: string;
    if (year === undefined) value = dayRangeValue(from, { month: toMonth, day: toDay }, toYear, undefined, this.doc, toYear === undefined ? this.lean(j) : undefined);
    else {
      const end = toYear !== undefined ? second.value : formatYMD({ year: toMonth < month.month ? year + 1 : year, month: toMonth, day: toDay });
      value = `${formatYMD({ year, ...from })}/${end}`;
    }
    return { start: j, end: second.end, skip: 0, value, reason: 'date: day range' };
  }

  /** 16 يناير، 16 و17 يناير، 5 إلى 8 مارس، 30 يناير إلى 2 فبراير, starting at a day number; after بين, و joins two months too. */
  private readDayRange(i: number, between = false): WordMatch | undefined {
    const firstDay = this.dayAt(i);
    if (firstDay === undefined) return undefined;
    const days = [firstDay];
    let j = i + 1;
    // 3 / ذو الحجة / 1445 هـ: a slash or a dash between a day and its month name.
    if (this.isMark(j, '/', '-', '–') && this.words[j + 1]?.kind === 'letters') j++;
    // 21 من يناير، 21 من شهر يناير: the month after من.
    if (this.text(j) === OF_WORD) {
      const k = this.text(j + 1) === MONTH_WORD ? j + 2 : j + 1;
      if (this.readMonthName(k, this.text(k))) j = k;
    }
    // 15 من الشهر الجاري: a day of the month before, this or next month.
    const relative = this.relativeMonthAt(j);
    if (relative) return this.dayOfRelativeMonth(i, relative, firstDay);
    // A month right after the first day: 30 يناير إلى 2 فبراير.
    const firstMonth = this.readMonthName(j, this.text(j));
    if (firstMonth) {
      const firstYear = this.yearAfter(firstMonth.end);
      const afterFirst = firstYear && firstYear.hijri === firstMonth.hijri ? firstYear.end : firstMonth.end;
      // Across months only with a joiner that means "to": 16 يناير و17 فبراير are two dates.
      const joined = this.text(afterFirst) === AND_LETTER && !between ? undefined : this.joinerAt(afterFirst);
      if (joined !== undefined) {
        const d2 = this.dayAt(joined);
        const m2 = d2 === undefined ? undefined : this.readMonthName(joined + 1, this.text(joined + 1));
        const later = d2 !== undefined && m2 !== undefined && (m2.month !== firstMonth.month || d2 > firstDay || firstYear !== undefined);
        if (d2 !== undefined && m2 && later && !m2.hijri && !firstMonth.hijri) {
          const single = this.readDayMonth(joined, 0, [d2], m2, 'date: day month');
          if (single) {
            const written = this.yearAfter(m2.end);
            const year = written && !written.hijri ? written.year : undefined;
            const value =
              firstYear && !firstYear.hijri && year !== undefined
                ? `${formatYMD({ year: firstYear.year, month: firstMonth.month, day: firstDay })}/${formatYMD({ year, month: m2.month, day: d2 })}`
                : dayRangeValue({ month: firstMonth.month, day: firstDay }, { month: m2.month, day: d2 }, year, undefined, this.doc, year === undefined ? this.lean(i) : undefined);
            return { start: i, end: single.end, skip: 0, value, reason: 'date: day range' };
          }
        }
      }
      return this.readDayMonth(i, 0, days, firstMonth, 'date: day month');
    }
    while (days.length < 7) {
      const joined = this.joinerAt(j);
      if (joined === undefined) break;
      const d = this.dayAt(joined);
      if (d === undefined || d <= (days[days.length - 1] as number)) break;
      days.push(d);
      j = joined + 1;
    }
    if (days.length < 2) return undefined;
    if (this.text(j) === OF_WORD) j++;
    const m = this.readMonthName(j, this.text(j));
    if (!m) return undefined;
    return this.readDayMonth(i, 0, days, m, 'date: day range');
  }

  /** Index of the day after a joiner (و17، إلى 8، - 8), or undefined. */
  private joinerAt(j: number): number | undefined {
    const w = this.words[j];
    if (!w) return undefined;
    if (RANGE_JOINERS.has(w.text)) return j + 1;
    return undefined;
  }

  private dayAt(i: number): number | undefined {
    const w = this.words[i];
    if (!w || w.kind !== 'digits' || w.text.length > 2) return undefined;
    const n = w.number as number;
    return n >= 1 && n <= 31 ? n : undefined;
  }

  /** `الشهر الجاري`, `من الشهر الماضي` at j: the month (YYYY-MM, or XXXX-XX without a publication date) and where it ends. */
  private relativeMonthAt(j: number): { month: string; end: number } | undefined {
    const k = this.text(j) === OF_WORD ? j + 1 : j;
    if (UNITS.get(this.text(k)) !== 'month') return undefined;
    const relation = this.readModifier(k + 1);
    return relation ? { month: unitValue('month', relation, this.doc), end: k + 2 } : undefined;
  }

  private dayOfRelativeMonth(start: number, relative: { month: string; end: number }, day: number): WordMatch | undefined {
    const [y, m] = relative.month.split('-');
    if (y !== 'XXXX' && !isValidDate(Number(y), Number(m), day)) return undefined;
    return { start, end: relative.end, skip: 0, value: `${relative.month}-${pad(day)}`, reason: 'date: day of relative month' };
  }

  /** The month after an ordinal day: السادس من يناير، غرة شهر محرم. */
  private monthAfterOrdinal(j: number): Month | undefined {
    let k = j;
    if (this.text(k) === OF_WORD) k++;
    if (this.text(k) === MONTH_WORD) k++;
    const m = this.readMonthName(k, this.text(k));
    return m ? { ...m, ambiguous: false } : undefined;
  }

  private readOrdinal(i: number, key: string): { day: number; end: number } | undefined {
    if (FIRST_DAY_WORDS.has(key)) return { day: 1, end: i + 1 };
    if (key === ORDINAL_TEN) return { day: 10, end: i + 1 };
    const tens = ORDINAL_TENS.get(key);
    if (tens !== undefined && key.startsWith('ال')) return { day: tens, end: i + 1 };
    const unit = ORDINAL_UNITS.get(key);
    if (unit === undefined) return undefined;
    const next = this.text(i + 1);
    if (next === ORDINAL_TEEN) return { day: 10 + unit, end: i + 2 };
    const nextTens = ORDINAL_TENS.get(next);
    if (nextTens !== undefined && next.startsWith('و')) return nextTens + unit <= 31 ? { day: nextTens + unit, end: i + 2 } : undefined;
    return key === 'الحادي' ? undefined : { day: unit, end: i + 1 };
  }

  /** 18/01/2023، 18-1-2023، 18.1.2023 (day first), and ISO 2023-01-18. */
  private readNumericDate(i: number): WordMatch | undefined {
    const a = this.words[i];
    const s1 = this.words[i + 1];
    const b = this.words[i + 2];
    const s2 = this.words[i + 3];
    const c = this.words[i + 4];
    if (!a || !s1 || !b || !s2 || !c) return undefined;
    if (a.kind !== 'digits' || b.kind !== 'digits' || c.kind !== 'digits' || s1.kind !== 'mark' || s2.kind !== 'mark') return undefined;
    if (s1.text !== s2.text || !['/', '-', '.'].includes(s1.text)) return undefined;
    if (!adjacent(a, s1) || !adjacent(s1, b) || !adjacent(b, s2) || !adjacent(s2, c)) return undefined;
    // A following separator and digits means a longer number (a phone number, a version).
    const after = this.words[i + 5];
    if (after && after.kind === 'mark' && adjacent(c, after) && this.words[i + 6]?.kind === 'digits') return undefined;
    const [x, y, z] = [a.number as number, b.number as number, c.number as number];
    let date: YMD | undefined;
    if (a.text.length === 4 && c.text.length <= 2) date = { year: x, month: y, day: z };
    else if (c.text.length === 4 && a.text.length <= 2) date = { year: z, month: y, day: x };
    if (!date || date.year < 1000 || !isValidDate(date.year, date.month, date.day)) return undefined;
    // A Hijri era mark after a numeric date (1444/9/1 هـ) is the Hijri calendar.
    const era = this.words[i + 5];
    if (era && era.kind === 'letters' && HIJRI_ERA.has(era.text)) {
      const g = hijriToGregorian(date);
      return g ? { start: i, end: i + 6, skip: 0, value: formatYMD(g), reason: 'date: hijri numeric' } : undefined;
    }
    const end = era && era.kind === 'letters' && GREGORIAN_ERA.has(era.text) && era.text.length === 1 ? i + 6 : i + 5;
    return { start: i, end, skip: 0, value: formatYMD(date), reason: 'date: numeric' };
  }

  /** `قبل الماضي` or `ما قبل الماضي` at j (the one before the last: العام قبل الماضي، الخميس ما قبل الماضي): where it ends. */
  private beforeLastEnd(j: number): number | undefined {
    const k = this.text(j) === WHAT_WORD ? j + 1 : j;
    return this.text(k) === BEFORE_WORD && this.readModifier(k + 1) === 'past' ? k + 2 : undefined;
  }

  /** الثلاثاء، يوم الثلاثاء الماضي، الثلاثاء 17 يناير 2023. */
  private readWeekday(i: number, skip: number, weekday: number): WordMatch {
    const beforeLast = this.beforeLastEnd(i + 1);
    if (beforeLast !== undefined) {
      const last = parseYMD(weekdayValue(weekday, 'past', this.doc));
      return { start: i, end: beforeLast, skip, value: last ? formatYMD(addDays(last, -7)) : `XXXX-WXX-${weekday}`, reason: 'date: weekday' };
    }
    const placed = this.readModifier(i + 1);
    // الخميس الماضي 12 يناير: the relative word, then the date it names.
    const date = this.dateAfterWeekday(placed ? i + 2 : i + 1);
    if (date) return { ...date, start: i, skip, reason: `date: weekday ${date.reason.replace('date: ', '')}` };
    return { start: i, end: placed ? i + 2 : i + 1, skip, value: weekdayValue(weekday, placed, this.doc, placed ? undefined : this.lean(i)), reason: 'date: weekday' };
  }

  /** The date written after a weekday (الثلاثاء 17 يناير، الأحد / 3 / ذو الحجة، الخميس الثامن من مارس), if any. */
  private dateAfterWeekday(at: number): WordMatch | undefined {
    let j = at;
    if (this.isMark(j, '،', ',', '/', '-', '–')) j++;
    const w = this.words[j];
    if (w?.kind === 'digits') return this.readDayRange(j) ?? this.readNumericDate(j);
    if (w?.kind !== 'letters') return undefined;
    const ordinal = this.readOrdinal(j, w.text);
    const m = ordinal ? this.monthAfterOrdinal(ordinal.end) : undefined;
    return ordinal && m ? this.readDayMonth(j, 0, [ordinal.day], m, 'date: ordinal day month') : undefined;
  }

  /**
   * A day named relative to the publication date, through `end`: أمس، بعد غد، اليوم الثلاثاء. When a
   * weekday ends it and a date follows right after (اليوم الثلاثاء 2 ذو الحجة 1444هـ), the date is
   * part of the span and gives the value, as after a weekday alone.
   */
  private relativeDay(i: number, end: number, skip: number, offset: number): WordMatch {
    // After a comma the date is an apposition of its own (اليوم السبت، التاسع من ذي الحجة).
    const date = WEEKDAYS.has(this.text(end - 1)) && !this.isMark(end, '،', ',') ? this.dateAfterWeekday(end) : undefined;
    if (date && isDayValue(date.value)) return { ...date, start: i, skip, reason: `date: relative day, ${date.reason.replace('date: ', '')}` };
    return { start: i, end, skip, value: dayOffsetValue(offset, this.doc), reason: 'date: relative day' };
  }

  /** أمس، اليوم، غدا, and اليوم before a weekday (اليوم الأربعاء). */
  private readDayWord(i: number, skip: number, key: string, offset: number): WordMatch | undefined {
    let next = this.text(i + 1);
    // أمس الأول: the day before yesterday.
    if (key === 'امس' && next === 'الاول') return { start: i, end: i + 2, skip, value: dayOffsetValue(-2, this.doc), reason: 'date: relative day' };
    // أمس الثلاثاء، اليوم الأربعاء، غدا الخميس: one day, named twice.
    const comma = this.isMark(i + 1, '،', ',') ? 1 : 0;
    if (comma) next = this.text(i + 2);
    if (WEEKDAYS.has(next)) return this.relativeDay(i, i + 2 + comma, skip, offset);
    next = this.text(i + 1);
    if (key === 'اليوم' || key === 'الغد') {
      // اليوم الأول، اليوم الوطني: "the day" described, not today.
      if (next.startsWith('ال') || ORDINAL_UNITS.has(next)) return undefined;
    }
    // غد alone is a noun (the future); يوم غد، مساء غد and بعد غد are days.
    if (key === 'غد' && !DAYS_BEFORE_TOMORROW.has(this.text(i - 1))) return undefined;
    return { start: i, end: i + 1, skip, value: dayOffsetValue(offset, this.doc), reason: 'date: relative day' };
  }

  /** العام الماضي، الشهر المقبل، الأسبوع الجاري; العام 2020 through the year reader. */
  private readUnit(i: number, skip: number, unit: Unit): WordMatch | undefined {
    const year = unit === 'year' ? this.readYear(i + 1, true) : undefined;
    if (year) return { start: i, end: year.end, skip, value: this.yearValue(year), reason: 'date: year' };
    const beforeLast = this.beforeLastEnd(i + 1);
    if (beforeLast !== undefined) return { start: i, end: beforeLast, skip, value: unitValueAt(unit, -2, this.doc), reason: 'date: relative unit' };
    const relation = this.readModifier(i + 1);
    if (!relation) return undefined;
    return { start: i, end: i + 2, skip, value: unitValue(unit, relation, this.doc), reason: 'date: relative unit' };
  }

  /** نهاية العام، مطلع الشهر المقبل، أواخر 2020، منتصف يناير: the position word joins the span. */
  private readPosition(i: number, skip: number): WordMatch | undefined {
    const key = this.text(i + 1);
    const w = this.words[i + 1];
    if (!w) return undefined;
    const unit = UNITS.get(key);
    if (unit) {
      const inner = this.readUnit(i + 1, 0, unit);
      if (inner) return { ...inner, start: i, skip, reason: 'date: part of period' };
      // نهاية الشهر الفضيل is the end of Ramadan, not of this month.
      if (HIJRI_MONTH_EPITHETS.has(this.text(i + 2))) return undefined;
      // نهاية العام alone: the current year, month or week.
      return { start: i, end: i + 2, skip, value: unitValue(unit, 'current', this.doc), reason: 'date: part of period' };
    }
    if (w.kind === 'digits') {
      const year = this.readYear(i + 1, true);
      if (year) return { start: i, end: year.end, skip, value: this.yearValue(year), reason: 'date: part of period' };
      return undefined;
    }
    const inner = this.readFromWord(i + 1, key, 0);
    if (inner && !inner.reason.includes('relative day')) return { ...inner, start: i, skip };
    return undefined;
  }

  /** الثمانينيات، تسعينيات القرن الماضي. */
  private readDecade(i: number, skip: number, decade: number): WordMatch {
    let century = 19;
    let end = i + 1;
    if (this.text(i + 1) === CENTURY) {
      const c = this.centuryAt(i + 1);
      if (c) {
        century = c.century;
        end = c.end;
      }
    }
    return { start: i, end, skip, value: `${century}${decade}`, reason: 'date: decade' };
  }

  private readCentury(i: number, skip: number): WordMatch | undefined {
    const c = this.centuryAt(i);
    return c ? { start: i, end: c.end, skip, value: String(c.century).padStart(2, '0'), reason: 'date: century' } : undefined;
  }

  /** القرن العشرين → 19 (the years 19xx), القرن الماضي → the century before the publication date's. */
  private centuryAt(i: number): { century: number; end: number } | undefined {
    const next = this.text(i + 1);
    for (const [words, ordinal] of CENTURY_ORDINALS) {
      if (words.every((w, k) => this.text(i + 1 + k) === w)) return { century: ordinal - 1, end: i + 1 + words.length };
    }
    const relation = MODIFIERS.get(next);
    if (relation) {
      const current = this.doc ? Math.floor(this.doc.year / 100) : 20;
      return { century: relation === 'past' ? current - 1 : relation === 'next' ? current + 1 : current, end: i + 2 };
    }
    return undefined;
  }
}
