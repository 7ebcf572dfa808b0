import { addDays, formatYMD } from './calendar';
import type { WordMatch } from './dates';
import { MODIFIERS, THIS_WORDS } from './dateVocabulary';
import { foldArabic } from './normalize';
import { readZone } from './timeZones';
import type { ReadKey } from './wordReader';
import { DatedReader } from './wordReader';

/**
 * Parts of a day: `صباح اليوم`, `مساء أمس`, `ليلة الخميس`, `منتصف الليل`. TimeML writes them as
 * TIME values of the day with a part of day (`2023-01-18TMO`, `XXXX-WXX-4TNI`); midnight and noon
 * are clock times (`T24:00`, `T12:00`).
 */
export type PartOfDay = 'MO' | 'MI' | 'AF' | 'EV' | 'NI';

/** Nouns of a part of the day that take a day after them (صباح الأحد). */
export const PART_NOUNS: ReadonlyMap<string, PartOfDay> = new Map(
  (
    [
      ['صباح', 'MO'],
      ['فجر', 'MO'],
      ['ضحى', 'MO'],
      ['ظهر', 'MI'],
      ['ظهيرة', 'MI'],
      ['عصر', 'AF'],
      ['مساء', 'EV'],
      ['ليلة', 'NI'],
      ['ليل', 'NI'],
    ] as const
  ).map(([w, p]) => [foldArabic(w), p]),
);

/** هذا الصباح، هذا المساء، هذه الليلة: today's part of the day. */
const THIS_PARTS: ReadonlyMap<string, PartOfDay> = new Map(
  (
    [
      ['الصباح', 'MO'],
      ['المساء', 'EV'],
      ['الليلة', 'NI'],
    ] as const
  ).map(([w, p]) => [foldArabic(w), p]),
);
const LAST_NIGHT = foldArabic('الليلة');
const MIDDLE = foldArabic('منتصف');
const NIGHT_WORDS = new Set(['الليل', 'ليل', 'ليلة'].map((w) => foldArabic(w)));
const DAYTIME_WORDS = new Set(['النهار'].map((w) => foldArabic(w)));

/** Words a part of the day can start with, for the readers' quick rejection of other words. */
export const DAY_PART_STARTS: ReadonlySet<string> = new Set([...PART_NOUNS.keys(), MIDDLE, LAST_NIGHT, ...THIS_WORDS]);

/** A value naming one day: `2023-01-18`, `XXXX-XX-XX`, `XXXX-01-16`, `2023-W03-2`, `XXXX-WXX-4`. */
const DAY_VALUE = /^(?:[0-9X]{4}-[0-9X]{2}-[0-9X]{2}|[0-9X]{4}-W[0-9X]{2}-[1-7])$/;

export function isDayValue(value: string | undefined): value is string {
  return value !== undefined && DAY_VALUE.test(value);
}

export class DayPartReader extends DatedReader {
  private readonly readKey: ReadKey = (i, key, skip) => this.readFromWord(i, key, skip);

  readAt(i: number): WordMatch | undefined {
    // ومساء أمس، وفي صباح: one conjunction letter before the part of the day.
    return this.readLetters(i, 'وف', this.readKey);
  }

  /** The day that follows a part of the day or a clock time (`صباح اليوم`, `العاشرة من صباح الأحد`), if it names one day. */
  dayAfter(i: number): WordMatch | undefined {
    const w = this.words[i];
    if (!w || (w.kind !== 'letters' && w.kind !== 'digits')) return undefined;
    const inner = this.dates.readAt(i);
    return inner && inner.skip === 0 && isDayValue(inner.value) ? inner : undefined;
  }

  private readFromWord(i: number, key: string, skip: number): WordMatch | undefined {
    if (key === MIDDLE) return this.readMidpoint(i, skip);
    const part = PART_NOUNS.get(key);
    if (part !== undefined) {
      const day = this.dayAfter(i + 1);
      if (day) return { start: i, end: day.end, skip, value: `${day.value}T${part}`, reason: 'time: part of day' };
      return undefined;
    }
    if (THIS_WORDS.has(key)) {
      const own = THIS_PARTS.get(this.text(i + 1));
      if (own !== undefined) return { start: i, end: i + 2, skip, value: this.todayWith(0, own), reason: 'time: part of day' };
      return undefined;
    }
    // الليلة الماضية: last night.
    if (key === LAST_NIGHT && MODIFIERS.get(this.text(i + 1)) === 'past') return { start: i, end: i + 2, skip, value: this.todayWith(-1, 'NI'), reason: 'time: part of day' };
    return undefined;
  }

  /** منتصف الليل (midnight, T24:00), منتصف النهار (noon), and منتصف ليل الأحد (midnight of a named day). */
  private readMidpoint(i: number, skip: number): WordMatch | undefined {
    const next = this.text(i + 1);
    let clock: string;
    if (NIGHT_WORDS.has(next)) clock = 'T24:00';
    else if (DAYTIME_WORDS.has(next)) clock = 'T12:00';
    else return undefined;
    const day = this.dayAfter(i + 2);
    const zone = readZone(this.words, day ? day.end : i + 2);
    const names = zone.place !== undefined ? { namesFrom: zone.place } : {};
    if (day) return { start: i, end: zone.end, skip, value: `${day.value}${clock}`, reason: 'time: part of day', ...names };
    return { start: i, end: zone.end, skip, value: clock, reason: 'time: clock words', ...names };
  }

  private todayWith(offset: number, part: PartOfDay): string {
    return `${this.doc ? formatYMD(addDays(this.doc, offset)) : 'XXXX-XX-XX'}T${part}`;
  }
}
