import { HOUR_TEEN, HOUR_WORDS } from './dateVocabulary';
import { foldArabic } from './normalize';
import type { WordMatch } from './dates';
import type { DayPartReader } from './dayParts';
import { PART_NOUNS } from './dayParts';
import { readZone } from './timeZones';
import type { Word } from './words';
import { adjacent } from './words';

/**
 * Clock times: `الساعة العاشرة صباحاً`, `الساعة 10:30`, `10:30`, `العاشرة والنصف مساء`.
 * Values are TIMEX3 times of day (`T10:30`); the part of the day moves afternoon hours past noon.
 */
const HOUR_WORD = foldArabic('الساعة');
const ELEVENTH = foldArabic('الحادية');
const AFTERNOON = new Set(['مساء', 'مساءً', 'مساءا', 'عصرا', 'عصراً', 'ظهرا', 'ظهراً', 'ليلا', 'ليلاً'].map((w) => foldArabic(w)));
const NIGHT = new Set(['ليلا', 'ليلاً', 'ليل'].map((w) => foldArabic(w)));
const MORNING = new Set(['صباحا', 'صباحاً', 'صباح', 'فجرا', 'فجراً'].map((w) => foldArabic(w)));
/** Parts of the day in several words: من صباح، بعد الظهر، قبل الظهر، بعد منتصف الليل. */
const PART_PHRASES: ReadonlyArray<readonly [readonly string[], boolean]> = (
  [
    [['بعد', 'منتصف', 'الليل'], false],
    [['من', 'صباح'], false],
    [['من', 'مساء'], true],
    [['بعد', 'الظهر'], true],
    [['بعد', 'الظهيرة'], true],
    [['قبل', 'الظهر'], false],
    [['قبل', 'الظهيرة'], false],
    [['من', 'فجر'], false],
    [['من', 'ليل'], true],
  ] as const
).map(([words, pm]) => [words.map((w) => foldArabic(w)), pm] as const);
const MINUTE_NOUNS = new Set(['دقيقة', 'دقائق', 'دقيقه'].map((w) => foldArabic(w)));
const MINUTE_NUMBERS = new Map(
  (
    [
      ['خمس', 5],
      ['ثلاث', 3],
      ['أربع', 4],
      ['ست', 6],
      ['سبع', 7],
      ['ثماني', 8],
      ['ثمان', 8],
      ['تسع', 9],
      ['عشر', 10],
      ['دقيقتين', 2],
      ['عشرين', 20],
      ['عشرون', 20],
      ['ثلاثين', 30],
      ['أربعين', 40],
      ['خمسين', 50],
    ] as const
  ).map(([w, n]) => [foldArabic(w), n]),
);
const MINUTE_WORDS = new Map(
  [
    ['والنصف', 30],
    ['والربع', 15],
    ['والثلث', 20],
  ].map(([w, n]) => [foldArabic(w as string), n as number]),
);
const TO_WORDS = new Map(
  [
    ['إلا ربعا', 15],
    ['إلا الربع', 15],
    ['إلا ثلثا', 20],
    ['إلا ربع', 15],
  ].map(([w, n]) => [foldArabic(w as string), n as number]),
);

export class TimeReader {
  constructor(
    private readonly words: readonly Word[],
    /** Reads the day after a part of the day (`العاشرة من صباح الأحد`); without it the time stands alone. */
    private readonly dayParts?: DayPartReader,
  ) {}

  private text(i: number): string {
    return this.words[i]?.text ?? '';
  }

  readAt(i: number): WordMatch | undefined {
    const w = this.words[i];
    if (!w) return undefined;
    if (w.kind === 'digits') return this.readClock(i, i, 0, false);
    if (w.kind !== 'letters') return undefined;
    let skip = 0;
    let key = w.text;
    // بالساعة → ب + الساعة
    if (key !== HOUR_WORD && key.length > 2 && 'وفب'.includes(key[0] as string) && key.slice(1) === HOUR_WORD) {
      skip = 1;
      key = HOUR_WORD;
    }
    if (key === HOUR_WORD) {
      const next = this.words[i + 1];
      if (next?.kind === 'digits') return this.readClock(i + 1, i, skip, true);
      // الساعة الـ11: the article written on the hour.
      const after = this.words[i + 2];
      if (next?.text === 'ال' && after?.kind === 'digits' && adjacent(next, after)) return this.readClock(i + 2, i, skip, true);
      return this.readHourWord(i + 1, i, skip, true);
    }
    if (HOUR_WORDS.has(key)) return this.readHourWord(i, i, 0, false);
    return undefined;
  }

  /** 10:30 or, after الساعة, a bare hour (الساعة 10 صباحا). */
  private readClock(i: number, start: number, skip: number, introduced: boolean): WordMatch | undefined {
    const h = this.words[i];
    if (!h || h.number === undefined || h.text.length > 2 || h.number > 24) return undefined;
    let minutes = 0;
    let end = i + 1;
    const colon = this.words[i + 1];
    const m = this.words[i + 2];
    if (colon && m && colon.text === ':' && adjacent(h, colon) && adjacent(colon, m) && m.kind === 'digits' && m.text.length === 2 && (m.number as number) < 60) {
      minutes = m.number as number;
      end = i + 3;
      // 10:30:15 keeps its seconds out of the value but inside the span.
      const c2 = this.words[i + 3];
      const s = this.words[i + 4];
      if (c2 && s && c2.text === ':' && adjacent(m, c2) && adjacent(c2, s) && s.kind === 'digits') end = i + 5;
      // A following ':' and digits is a score or a verse reference, not a time.
    } else if (!introduced) return undefined;
    else {
      // الساعة 10 و30 دقيقة
      const counted = this.readMinutes(end);
      if (counted) {
        minutes = counted.minutes;
        end = counted.end;
      }
    }
    const part = this.readPart(end);
    return this.finish(start, part.end, skip, h.number, minutes, part, 'time: clock');
  }

  private readHourWord(i: number, start: number, skip: number, introduced: boolean): WordMatch | undefined {
    const hourWord = this.text(i);
    let hour = HOUR_WORDS.get(hourWord);
    if (hour === undefined) return undefined;
    let end = i + 1;
    if (hour <= 2 && this.text(end) === HOUR_TEEN) {
      hour += 10;
      end++;
    } else if (hourWord === ELEVENTH) return undefined;
    let minutes = 0;
    const minuteWord = MINUTE_WORDS.get(this.text(end));
    const counted = this.readMinutes(end);
    if (minuteWord !== undefined) {
      minutes = minuteWord;
      end++;
    } else if (counted) {
      minutes = counted.minutes;
      end = counted.end;
    } else {
      const toWord = TO_WORDS.get(`${this.text(end)} ${this.text(end + 1)}`);
      if (toWord !== undefined) {
        hour = hour === 1 ? 12 : hour - 1;
        minutes = 60 - toWord;
        end += 2;
      }
    }
    const part = this.readPart(end);
    // Without الساعة, an hour word is a time only with a part of the day (العاشرة صباحا).
    if (!introduced && part.end === end) return undefined;
    return this.finish(start, part.end, skip, hour, minutes, part, 'time: clock words');
  }

  /** و10 دقائق، وسبع دقائق، وخمس وعشرون دقيقة. */
  private readMinutes(i: number): { minutes: number; end: number } | undefined {
    const w = this.words[i];
    if (!w) return undefined;
    let minutes: number | undefined;
    let j = i;
    if (w.text === 'و' && this.words[i + 1]?.kind === 'digits') {
      minutes = this.words[i + 1]?.number;
      j = i + 2;
    } else if (w.kind === 'letters' && w.text.startsWith('و')) {
      minutes = MINUTE_NUMBERS.get(w.text.slice(1));
      j = i + 1;
      const tens = MINUTE_NUMBERS.get(this.text(j).slice(1));
      if (minutes !== undefined && this.text(j).startsWith('و') && tens !== undefined && tens >= 20) {
        minutes += tens;
        j++;
      }
    }
    if (minutes === undefined || minutes >= 60 || !MINUTE_NOUNS.has(this.text(j))) return undefined;
    return { minutes, end: j + 1 };
  }

  private readPart(i: number): { end: number; pm: boolean | undefined; noun: boolean } {
    const key = this.text(i);
    // صباح and مساء without the adverb ending can take a day after them: العاشرة صباح اليوم.
    if (AFTERNOON.has(key)) return { end: i + 1, pm: true, noun: PART_NOUNS.has(key) };
    if (MORNING.has(key)) return { end: i + 1, pm: false, noun: PART_NOUNS.has(key) };
    for (const [phrase, pm] of PART_PHRASES) {
      // بعد منتصف الليل is a clock reading, not a part of the day that a date could follow.
      if (phrase.every((w, k) => this.text(i + k) === w)) return { end: i + phrase.length, pm, noun: phrase.length === 2 };
    }
    return { end: i, pm: undefined, noun: false };
  }

  private finish(start: number, partEnd: number, skip: number, hour: number, minutes: number, part: { pm: boolean | undefined; noun: boolean }, reason: string): WordMatch {
    const night = NIGHT.has(this.text(partEnd - 1));
    let h = hour;
    // "الثانية ليلا" is 02:00: past midnight, night hours stay small.
    if (part.pm === true && h < 12 && !(night && h < 5)) h += 12;
    if (part.pm === false && h === 12) h = 0;
    if (h === 24) h = 0;
    let value = `T${String(h).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
    let end = partEnd;
    // العاشرة من صباح اليوم: the day after the part of the day dates the time.
    const day = part.noun ? this.dayParts?.dayAfter(end) : undefined;
    if (day) {
      value = `${day.value}${value}`;
      end = day.end;
    }
    // بتوقيت غرينتش، بالتوقيت المحلي: the zone belongs to the time; TIMEX3 values have no place for it.
    const zone = readZone(this.words, end);
    return { start, end: zone.end, skip, value, reason, ...(zone.place !== undefined ? { namesFrom: zone.place } : {}) };
  }
}
