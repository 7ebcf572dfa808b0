import type { WordMatch } from './dates';
import type { Relation } from './dateVocabulary';
import { GREGORIAN_ERA, MODIFIERS, OF_WORD, ORDINAL_UNITS, THIS_WORDS, YEAR_WORDS, YEAR_WORDS_WITH_CLITIC } from './dateVocabulary';
import { unitValue, yearOfMonth } from './dateValue';
import {
  FISCAL_HEADS,
  FISCAL_KINDS,
  HOLIDAY_WORD,
  AND_PART_ORDINALS,
  FIRST_LAST_OF_MANY,
  PART_OF_YEAR_WORDS,
  PART_ORDINALS,
  PART_WORDS_NEEDING_YEAR,
  PARTS_OF_YEAR_WORDS,
  SEASON_WORD,
  SEASONS,
  WEEK_WORD,
  WEEKEND_WORDS,
} from './durationVocabulary';
import { foldArabic } from './normalize';
import { partOfYearValue, seasonValue, weekendValue, weekOfMonthValue, weekOfYearValue } from './periodValue';
import { adjacent } from './words';
import type { ReadKey } from './wordReader';
import { DatedReader } from './wordReader';

/** A year after a period word: written (`من 2023`, `من عام 2023`), or placed (`من العام الماضي`, `من هذا العام`). */
interface YearTail {
  readonly year: number | undefined;
  readonly end: number;
  /** The year was written with digits, not inferred from the publication date. */
  readonly written: boolean;
}

const DECADE_WORD = foldArabic('العقد');
const MONTHS_PLURAL = new Set(['الأشهر', 'الشهور'].map((w) => foldArabic(w)));
const FIRST_LAST = new Map(
  [
    ['الأولى', 'first'],
    ['الأخيرة', 'last'],
  ].map(([w, v]) => [foldArabic(w as string), v as 'first' | 'last']),
);
const THREE_SIX = new Map(
  [
    ['الثلاثة', 3],
    ['الثلاث', 3],
    ['الستة', 6],
    ['الست', 6],
  ].map(([w, n]) => [foldArabic(w as string), n as number]),
);
const ACADEMIC = new Set(['الدراسية', 'الدراسي', 'الجامعية', 'الجامعي'].map((w) => foldArabic(w)));
const RANGE_MARKS = new Set(['-', '–', '/']);

/** Words a part of the year, a season, a fiscal year, a week of a month or a weekend can start with. */
export const PERIOD_STARTS: ReadonlySet<string> = new Set([
  ...PART_OF_YEAR_WORDS.keys(),
  ...PARTS_OF_YEAR_WORDS.keys(),
  ...MONTHS_PLURAL,
  ...SEASONS.keys(),
  SEASON_WORD,
  ...THIS_WORDS,
  ...FISCAL_HEADS,
  DECADE_WORD,
  WEEK_WORD,
  HOLIDAY_WORD,
  WEEKEND_WORDS[0] as string,
]);

/**
 * Parts of the year and years that are not calendar years: quarters and halves (`الربع الأول من
 * 2023م` → `2023-Q1`), seasons (`صيف 2022` → `2022-SU`), fiscal, academic and farming years
 * (`السنة المالية 2014-2015` → `2014/2015`), weeks of a month (`الأسبوع الأول من يوليو`) and
 * weekends (`نهاية الأسبوع`).
 */
export class PeriodReader extends DatedReader {
  private readonly readKey: ReadKey = (i, key, skip) => this.readFromWord(i, key, skip);

  readAt(i: number): WordMatch | undefined {
    return this.readLetters(i, 'وفبل', this.readKey);
  }

  private readFromWord(i: number, key: string, skip: number): WordMatch | undefined {
    const part = PART_OF_YEAR_WORDS.get(key);
    if (part !== undefined) return this.readPartOfYear(i, skip, key, part);
    const parts = PARTS_OF_YEAR_WORDS.get(key);
    if (parts !== undefined) return this.readPartsOfYear(i, skip, parts.kind, parts.form);
    if (MONTHS_PLURAL.has(key)) return this.readMonthsOfYear(i, skip);
    const season = SEASONS.get(key);
    if (season !== undefined) return this.readSeason(i, i + 1, skip, season.season, season.article);
    if (key === SEASON_WORD) {
      const named = SEASONS.get(this.text(i + 1));
      return named?.article ? this.readSeason(i, i + 2, skip, named.season, true) : undefined;
    }
    if (THIS_WORDS.has(key)) {
      const named = SEASONS.get(this.text(i + 1));
      return named?.article ? { start: i, end: i + 2, skip, value: seasonValue(named.season, undefined, 'current', this.doc), reason: 'date: season' } : undefined;
    }
    if (FISCAL_HEADS.has(key)) return this.readFiscalYear(i, skip, key);
    if (key === DECADE_WORD) return this.readDecadeOfCentury(i, skip);
    if (key === WEEK_WORD) return this.readWeekOf(i, skip);
    if (key === HOLIDAY_WORD && WEEKEND_WORDS.every((w, k) => this.text(i + 1 + k) === w)) return this.readWeekend(i, i + 3, skip);
    if (key === WEEKEND_WORDS[0]) {
      if (this.text(i + 1) === WEEKEND_WORDS[1]) return this.readWeekend(i, i + 2, skip);
      // نهاية هذا الأسبوع
      if (THIS_WORDS.has(this.text(i + 1)) && this.text(i + 2) === WEEKEND_WORDS[1])
        return { start: i, end: i + 3, skip, value: weekendValue(unitValue('week', 'current', this.doc)), reason: 'date: weekend' };
    }
    return undefined;
  }

  /** الربع الأول من 2023م، النصف الثاني من العام، الربع الأخير من العام الماضي, الفصل الثالث من سنة 2022، الثلاثي الرابع من 2022. */
  private readPartOfYear(i: number, skip: number, key: string, kind: 'Q' | 'H'): WordMatch | undefined {
    const ordinal = PART_ORDINALS.get(this.text(i + 1));
    if (ordinal === undefined) return undefined;
    const n = ordinal === 'last' ? (kind === 'Q' ? 4 : 2) : ordinal;
    if (kind === 'H' && n > 2) return undefined;
    const tail = this.yearTail(i + 2);
    if (tail) return { start: i, end: tail.end, skip, value: partOfYearValue(tail.year, kind, n), reason: 'date: part of year' };
    // النصف الأول من المباراة: a period of something else.
    if (this.text(i + 2) === OF_WORD) return undefined;
    // Without a year, a quarter in a results story is the one nearest the publication date; a half,
    // a term or a trimestre is a date only after the sentence has named a year (see openYear).
    const openYear = kind === 'H' || PART_WORDS_NEEDING_YEAR.has(key) ? 'sentence' : 'nearest';
    return { start: i, end: i + 2, skip, value: partOfYearValue(undefined, kind, n), reason: 'date: part of year', openYear };
  }

  /** الربعين الأول والثاني من 2023، الثلاثيين الأولين من العام، الأرباع الثلاثة الأخيرة من 2022: a range of quarters or halves. */
  private readPartsOfYear(i: number, skip: number, kind: 'Q' | 'H', form: 'two' | 'many'): WordMatch | undefined {
    const last = kind === 'Q' ? 4 : 2;
    let j = i + 1;
    let count = 2;
    if (form === 'many') {
      const n = THREE_SIX.get(this.text(j));
      if (n !== 3 || kind !== 'Q') return undefined;
      count = 3;
      j++;
    }
    let first: number | undefined;
    const place = FIRST_LAST_OF_MANY.get(this.text(j));
    const a = PART_ORDINALS.get(this.text(j));
    const b = AND_PART_ORDINALS.get(this.text(j + 1));
    if (form === 'two' && typeof a === 'number' && typeof b === 'number' && b === a + 1 && b <= last) {
      first = a;
      j += 2;
    } else if (place !== undefined && (form === 'many' || this.text(j) !== foldArabic('الأول'))) {
      first = place === 'first' ? 1 : last - count + 1;
      j++;
    } else return undefined;
    const from = first;
    const to = first + count - 1;
    const tail = this.yearTail(j);
    if (!tail && this.text(j) === OF_WORD) return undefined;
    const range = (year: number | undefined): string => `${partOfYearValue(year, kind, from)}/${partOfYearValue(year, kind, to)}`;
    if (tail) return { start: i, end: tail.end, skip, value: range(tail.year), reason: 'date: part of year' };
    return { start: i, end: j, skip, value: range(undefined), reason: 'date: part of year', openYear: 'sentence' };
  }

  /**
   * العقد الثاني من القرن الحالي (the 2010s: `201`), العقد الأخير من القرن العشرين (`199`); العقد
   * الحالي is this decade (`202`), العقد الماضي and العقد المقبل the ten years before or after (P10Y).
   */
  private readDecadeOfCentury(i: number, skip: number): WordMatch | undefined {
    const relation = this.dates.readModifier(i + 1);
    if (relation === 'current') return { start: i, end: i + 2, skip, value: this.doc ? String(Math.floor(this.doc.year / 10)) : 'XXX', reason: 'date: decade' };
    if (relation) return { start: i, end: i + 2, skip, value: 'P10Y', reason: 'date: duration' };
    const ordinalWord = this.text(i + 1);
    const n = ordinalWord === foldArabic('الأخير') ? 10 : ordinalWord === foldArabic('العاشر') ? 10 : ORDINAL_UNITS.get(ordinalWord);
    if (n === undefined || this.text(i + 2) !== OF_WORD) return undefined;
    const century = this.dates.readAt(i + 3);
    if (!century || century.start !== i + 3 || century.skip !== 0 || !century.reason.includes('century') || !century.value) return undefined;
    return { start: i, end: century.end, skip, value: `${century.value}${n - 1}`, reason: 'date: decade' };
  }

  /** الأشهر الثلاثة الأولى من العام (the first quarter), الأشهر الستة الأخيرة من 2022 (the second half). */
  private readMonthsOfYear(i: number, skip: number): WordMatch | undefined {
    const count = THREE_SIX.get(this.text(i + 1));
    const which = FIRST_LAST.get(this.text(i + 2));
    if (count === undefined || which === undefined) return undefined;
    const tail = this.yearTail(i + 3);
    if (!tail) return undefined;
    const kind = count === 3 ? 'Q' : 'H';
    const n = which === 'first' ? 1 : count === 3 ? 4 : 2;
    return { start: i, end: tail.end, skip, value: partOfYearValue(tail.year, kind, n), reason: 'date: part of year' };
  }

  /** صيف 2022، صيف عام 2022، صيف العام الماضي، الصيف الماضي، فصل الشتاء المقبل. */
  private readSeason(i: number, at: number, skip: number, season: Parameters<typeof seasonValue>[0], article: boolean): WordMatch | undefined {
    const next = this.text(at);
    // ربيع الأول and ربيع الآخر are Hijri months.
    if (!article && (ORDINAL_UNITS.has(next) || next === foldArabic('الآخر'))) return undefined;
    const relation = MODIFIERS.get(next);
    if (article) {
      if (relation) return { start: i, end: at + 1, skip, value: seasonValue(season, undefined, relation, this.doc), reason: 'date: season' };
      // فصل الصيف: the season named alone, after فصل (الربيع alone is also the Arab Spring).
      if (at === i + 2) return { start: i, end: at, skip, value: seasonValue(season, undefined, undefined, this.doc, this.dates.lean(i)), reason: 'date: season' };
      return undefined;
    }
    const tail = this.yearTail(at, false);
    if (!tail) return undefined;
    return { start: i, end: tail.end, skip, value: seasonValue(season, tail.year, undefined, this.doc), reason: 'date: season' };
  }

  /** السنة المالية 2014-2015، العام الدراسي 2023/2024، الموسم الفلاحي 2022-2023، موسم 2023-2024، العام الدراسي المقبل. */
  private readFiscalYear(i: number, skip: number, key: string): WordMatch | undefined {
    let j = i + 1;
    const kind = this.text(j);
    if (FISCAL_KINDS.has(kind)) j++;
    else if (key !== foldArabic('موسم') && key !== foldArabic('الموسم')) return undefined;
    const pair = this.yearPair(j);
    if (pair) return { start: i, end: pair.end, skip, value: pair.second === undefined ? String(pair.first) : `${pair.first}/${pair.second}`, reason: 'date: fiscal year' };
    // العام الدراسي الحالي: a school year runs from September, so its first year is known from the date.
    const relation = MODIFIERS.get(this.text(j));
    if (relation && ACADEMIC.has(kind) && this.doc) {
      const step = relation === 'past' ? -1 : relation === 'next' ? 1 : 0;
      const first = (this.doc.month >= 9 ? this.doc.year : this.doc.year - 1) + step;
      return { start: i, end: j + 1, skip, value: `${first}/${first + 1}`, reason: 'date: fiscal year' };
    }
    return undefined;
  }

  /** 2014-2015، 2014/15، 2023 – 2024، or one year (2024). */
  private yearPair(j: number): { first: number; second?: number; end: number } | undefined {
    const a = this.fourDigitYear(j);
    if (a === undefined) return undefined;
    const mark = this.words[j + 1];
    const b = this.words[j + 2];
    if (mark && mark.kind === 'mark' && RANGE_MARKS.has(mark.text) && b?.kind === 'digits' && b.number !== undefined) {
      const second = b.text.length === 4 ? b.number : b.text.length === 2 ? Math.floor(a / 100) * 100 + b.number : undefined;
      // A longer number after it is a numeric date, not a pair of years.
      const after = this.words[j + 3];
      const numericDate = after?.kind === 'mark' && adjacent(b, after) && this.words[j + 4]?.kind === 'digits';
      if (second !== undefined && second > a && second - a <= 2 && !numericDate) return { first: a, second, end: this.afterEra(j + 3) };
    }
    return { first: a, end: this.afterEra(j + 1) };
  }

  private fourDigitYear(j: number): number | undefined {
    const w = this.words[j];
    return w?.kind === 'digits' && w.text.length === 4 && w.number !== undefined && w.number >= 1000 && w.number <= 2999 ? w.number : undefined;
  }

  private afterEra(j: number): number {
    return GREGORIAN_ERA.has(this.text(j)) ? j + 1 : j;
  }

  /** الأسبوع الأول من شهر يوليو، الأسبوع الأخير من مارس 2024، الأسبوع الثاني من الشهر الجاري، الأسبوع الأول من العام. */
  private readWeekOf(i: number, skip: number): WordMatch | undefined {
    const ordinalWord = this.text(i + 1);
    const ordinal = ordinalWord === foldArabic('الأخير') ? 'last' : ORDINAL_UNITS.get(ordinalWord);
    if (ordinal === undefined || (ordinal !== 'last' && ordinal > 5) || this.text(i + 2) !== OF_WORD) return undefined;
    let j = i + 3;
    if (this.text(j) === foldArabic('شهر')) j++;
    const month = this.dates.readMonthName(j, this.text(j));
    if (month && !month.hijri) {
      const written = this.dates.yearAfter(month.end);
      let year: number | undefined;
      let end = month.end;
      if (written && !written.hijri) {
        year = written.year;
        end = written.end;
      } else {
        const relation = this.dates.readModifier(month.end);
        if (relation) end++;
        year = yearOfMonth(month.month, relation, this.doc);
      }
      return { start: i, end, skip, value: weekOfMonthValue(year, month.month, ordinal), reason: 'date: week of month' };
    }
    // الأسبوع الثاني من الشهر الجاري
    if (this.text(j) === foldArabic('الشهر')) {
      const relation = this.dates.readModifier(j + 1) ?? 'current';
      const end = this.dates.readModifier(j + 1) ? j + 2 : j + 1;
      const ym = unitValue('month', relation, this.doc);
      const m = /^(\d{4})-(\d{2})$/.exec(ym);
      return { start: i, end, skip, value: m ? weekOfMonthValue(Number(m[1]), Number(m[2]), ordinal) : 'XXXX-WXX', reason: 'date: week of month' };
    }
    if (ordinal === 'last') return undefined;
    const tail = this.yearTail(i + 2);
    return tail ? { start: i, end: tail.end, skip, value: weekOfYearValue(tail.year, ordinal), reason: 'date: week of year' } : undefined;
  }

  /** نهاية الأسبوع، عطلة نهاية الأسبوع المقبل: the weekend, this one unless the text says which. */
  private readWeekend(i: number, at: number, skip: number): WordMatch {
    const relation = this.dates.readModifier(at);
    const value = weekendValue(unitValue('week', relation ?? 'current', this.doc));
    return { start: i, end: relation ? at + 1 : at, skip, value, reason: 'date: weekend' };
  }

  /**
   * The year after a part of the year: `من 2023م`, `من عام 2023`, `لعام 2023`, `2023`, `من العام`,
   * `من العام الماضي`, `من هذا العام`, `للعام الجاري`. With `needOf` false the year follows directly
   * (صيف 2022، صيف عام 2022، صيف العام الماضي).
   */
  private yearTail(j: number, needOf = true): YearTail | undefined {
    let k = j;
    const first = this.text(k);
    if (first === OF_WORD) k++;
    else if (YEAR_WORDS_WITH_CLITIC.has(first)) return this.yearWordTail(k);
    else if (needOf && this.fourDigitYear(k) === undefined) return undefined;
    const w = this.text(k);
    if (THIS_WORDS.has(w) && YEAR_WORDS.has(this.text(k + 1))) return { year: this.relativeYear('current'), end: k + 2, written: false };
    if (YEAR_WORDS.has(w) || YEAR_WORDS_WITH_CLITIC.has(w)) return this.yearWordTail(k);
    const year = this.fourDigitYear(k);
    if (year !== undefined) return { year, end: this.afterEra(k + 1), written: true };
    return undefined;
  }

  /** عام 2023، العام الماضي، العام (the current one), للعام الجاري. */
  private yearWordTail(k: number): YearTail | undefined {
    const year = this.fourDigitYear(k + 1);
    if (year !== undefined) return { year, end: this.afterEra(k + 2), written: true };
    const word = this.text(k);
    if (!word.startsWith('ال') && !word.startsWith('لل')) return undefined;
    const relation = this.dates.readModifier(k + 1);
    return { year: this.relativeYear(relation ?? 'current'), end: relation ? k + 2 : k + 1, written: false };
  }

  private relativeYear(relation: Relation): number | undefined {
    if (!this.doc) return undefined;
    return this.doc.year + (relation === 'past' ? -1 : relation === 'next' ? 1 : 0);
  }
}
