import type { WordMatch } from './dates';
import { MODIFIERS, MONTH_WORD, ONE_WORD_HIJRI_MONTHS, ONE_WORD_MONTHS, WEEKDAYS } from './dateVocabulary';
import type { UnitNoun } from './durationVocabulary';
import {
  ACCUSATIVE_SINGULARS,
  AND_HALF,
  BARE_WEEKDAYS,
  DURATION_QUALIFIERS,
  ELEVEN_TWELVE,
  EVERY_WORD,
  FRACTIONS,
  FREQUENCY_ADVERBS,
  NUMBER_WORDS,
  OF_TIME,
  SINGULAR_COUNT_LEADS,
  SOME,
  TEEN_WORDS,
  UNIT_NOUNS,
} from './durationVocabulary';
import { foldArabic } from './normalize';
import { durationValue, isTimeDuration } from './periodValue';
import type { ReadKey } from './wordReader';
import { WordReader } from './wordReader';

/**
 * Durations and sets: `ثلاث سنوات` (P3Y), `48 ساعة` (PT48H), `عقدين من الزمن` (P20Y),
 * `الأيام الثلاثة الماضية` (P3D), `نحو عامين` (P2Y, approximate); `كل عام` and `سنوياً` (P1Y, a
 * set), `كل يوم جمعة` (XXXX-WXX-5). Hours, minutes and seconds make TIME spans, longer units DATE
 * spans. The preposition before a duration (خلال، لمدة، منذ) stays out of the span; a qualifier
 * that bounds it (نحو، أكثر من) is part of it, as TIMEX3 `mod` says.
 */
const ARTICLE_MODIFIERS = new Set(
  ['الأخيرة', 'الأخير', 'الأولى', 'الماضيين', 'الماضيتين', 'المقبلين', 'المقبلتين', 'القادمين', 'القادمتين', 'الأخيرين', 'الأخيرتين', 'المنصرمة', 'الفائتة'].map((w) =>
    foldArabic(w),
  ),
);
const ONE_WORDS = new Set(['واحد', 'واحدة'].map((w) => foldArabic(w)));
const DECADE_NOUN = foldArabic('عقد');
const DAY_NOUN = foldArabic('يوم');

/** Words a duration or a set can start with (a count in digits aside). */
export const DURATION_STARTS: ReadonlySet<string> = new Set([
  EVERY_WORD,
  ...FREQUENCY_ADVERBS.keys(),
  ...DURATION_QUALIFIERS.map(([phrase]) => phrase[0] as string),
  ...FRACTIONS.keys(),
  ...NUMBER_WORDS.keys(),
  ...ELEVEN_TWELVE.keys(),
  ...UNIT_NOUNS.keys(),
]);

export class DurationReader extends WordReader {
  private readonly readKey: ReadKey = (i, key, skip) => this.readFromWord(i, key, skip);

  readAt(i: number): WordMatch | undefined {
    if (this.words[i]?.kind === 'digits') return this.readDuration(i, i, 0);
    // وثلاث سنوات، وكل عام: a conjunction letter before the expression stays out of the span.
    return this.readLetters(i, 'وف', this.readKey);
  }

  private readFromWord(i: number, key: string, skip: number): WordMatch | undefined {
    if (key === EVERY_WORD) return this.readEvery(i, skip);
    const adverb = FREQUENCY_ADVERBS.get(key);
    if (adverb !== undefined) return this.match(i, i + 1, skip, durationValue(1, adverb), 'set');
    const qualified = this.readQualifier(i, key);
    if (qualified) return this.readDuration(qualified, i, skip);
    return this.readDuration(i, i, skip, key);
  }

  /** نحو، أكثر من، ما لا يقل عن: the word index after the qualifier, if one starts at i (its first word read as `key`). */
  private readQualifier(i: number, key: string): number | undefined {
    for (const [phrase] of DURATION_QUALIFIERS) {
      if (phrase.every((p, k) => (k === 0 ? key : this.text(i + k)) === p)) return i + phrase.length;
    }
    return undefined;
  }

  /** A count and a unit starting at `at` (the span starting at `start`); `key` is the first word without its proclitic. */
  private readDuration(at: number, start: number, skip: number, key = this.text(at)): WordMatch | undefined {
    const counted = this.readCounted(at, key);
    if (!counted) return undefined;
    let { amount, end } = counted;
    if (this.text(end) === AND_HALF) {
      amount += 0.5;
      end++;
    }
    if (counted.noun.unit === 'Y' && OF_TIME.every((w, k) => this.text(end + k) === w)) end += OF_TIME.length;
    return this.match(start, end, skip, durationValue(amount * counted.noun.size, counted.noun.unit), 'duration');
  }

  /** `ثلاث سنوات`, `48 ساعة`, `عامين`, `نصف ساعة`, `الأيام الثلاثة الماضية`, `يوم واحد`, `لمدة عام`. */
  private readCounted(i: number, key: string): { amount: number; noun: UnitNoun; end: number } | undefined {
    const w = this.words[i];
    if (!w) return undefined;
    if (w.kind === 'digits') {
      const noun = UNIT_NOUNS.get(this.text(i + 1));
      if (!noun || noun.form === 'two' || w.number === undefined || w.text.length > 4 || w.number === 0) return undefined;
      return { amount: w.number, noun, end: i + 2 };
    }
    const fraction = FRACTIONS.get(key);
    if (fraction !== undefined) {
      const noun = UNIT_NOUNS.get(this.text(i + 1));
      return noun?.form === 'one' ? { amount: fraction, noun, end: i + 2 } : undefined;
    }
    const count = this.readNumber(i, key);
    if (count) {
      const noun = UNIT_NOUNS.get(this.text(count.end));
      if (!noun || noun.form === 'two') return undefined;
      return { amount: count.n, noun, end: count.end + 1 };
    }
    const noun = UNIT_NOUNS.get(key);
    if (!noun) return undefined;
    if (key.startsWith('ال')) return this.readWithArticle(i, noun);
    if (noun.form === 'two') return { amount: 2, noun, end: i + 1 };
    if (ACCUSATIVE_SINGULARS.has(key)) {
      // A count word before it that was not read means a number this reader does not know: no value beats a wrong one.
      const previous = this.words[i - 1];
      if (previous?.kind === 'digits' || NUMBER_WORDS.has(previous?.text ?? '') || this.text(i + 1) === SOME) return undefined;
      // يوما تطوعيا، عاما دراسيا: a relative adjective names a kind of day or year, not a length (إضافيا still counts one).
      if (isKindAdjective(this.text(i + 1))) return undefined;
      return { amount: 1, noun, end: i + 1 };
    }
    if (noun.form !== 'one') return undefined;
    if (ONE_WORDS.has(this.text(i + 1))) return { amount: 1, noun, end: i + 2 };
    if (this.text(i + 1) === AND_HALF) return { amount: 1, noun, end: i + 1 };
    return this.singularAfterLead(i, key, noun) ? { amount: 1, noun, end: i + 1 } : undefined;
  }

  /** الأيام الثلاثة الماضية، السنوات العشر الأخيرة، الساعات الـ24 الماضية، العامين الماضيين. */
  private readWithArticle(i: number, noun: UnitNoun): { amount: number; noun: UnitNoun; end: number } | undefined {
    let end = i + 1;
    let amount: number | undefined;
    if (noun.form === 'two') amount = 2;
    else if (noun.form === 'many') {
      const next = this.text(end);
      const digits = this.words[end + 1];
      if (next === 'ال' && digits?.kind === 'digits' && digits.number !== undefined) {
        amount = digits.number;
        end += 2;
      } else if (next.startsWith('ال')) {
        const n = this.readNumber(end, next.slice(2));
        if (n) {
          amount = n.n;
          end = n.end;
        }
      }
    }
    if (amount === undefined) return undefined;
    const modifier = this.text(end);
    if (MODIFIERS.has(modifier) || ARTICLE_MODIFIERS.has(modifier)) return { amount, noun, end: end + 1 };
    // Without a word placing it (الماضية، المقبلة) an article'd count is "the three days" of a story, not a duration.
    return undefined;
  }

  /** A singular unit counts as one after لمدة، خلال، منذ … unless a date or a name follows it (منذ يوم الأحد، بعد عقد القمة). */
  private singularAfterLead(i: number, key: string, noun: UnitNoun): boolean {
    const previous = this.text(i - 1);
    // ولمدة عام: the lead may carry a conjunction.
    if (!SINGULAR_COUNT_LEADS.has(previous) && !(previous[0] === 'و' && SINGULAR_COUNT_LEADS.has(previous.slice(1)))) return false;
    const next = this.words[i + 1];
    if (key === DECADE_NOUN) return !next || next.kind === 'mark' || OF_TIME.every((w, k) => this.text(i + 1 + k) === w);
    if (!next || next.kind === 'mark') return true;
    if (next.kind === 'digits') return false;
    if (key === DAY_NOUN || noun.unit === 'M') {
      const n = next.text;
      if (WEEKDAYS.has(n) || ONE_WORD_MONTHS.has(n) || ONE_WORD_HIJRI_MONTHS.has(n) || n === MONTH_WORD) return false;
    }
    // عام كامل، شهر واحد: what follows describes the count, not a name.
    return !MODIFIERS.has(next.text);
  }

  /** A cardinal number word: ثلاثة، ثلاثة عشر، خمسة وعشرين، أحد عشر، عشرين. */
  private readNumber(i: number, key: string): { n: number; end: number } | undefined {
    const eleven = ELEVEN_TWELVE.get(key);
    if (eleven !== undefined) return TEEN_WORDS.has(this.text(i + 1)) ? { n: eleven, end: i + 2 } : undefined;
    const n = NUMBER_WORDS.get(key);
    if (n === undefined || n === 1 || n === 2) return undefined;
    if (n < 10) {
      const next = this.text(i + 1);
      if (TEEN_WORDS.has(next)) return { n: n + 10, end: i + 2 };
      const tens = next.startsWith('و') ? NUMBER_WORDS.get(next.slice(1)) : undefined;
      if (tens !== undefined && tens >= 20 && tens < 100) return { n: n + tens, end: i + 2 };
    }
    return { n, end: i + 1 };
  }

  /** كل عام، كل عامين، كل أربع سنوات، كل يوم جمعة، كل جمعة. */
  private readEvery(i: number, skip: number): WordMatch | undefined {
    const next = this.text(i + 1);
    const weekdayAt = (k: number): number | undefined => BARE_WEEKDAYS.get(this.text(k)) ?? WEEKDAYS.get(this.text(k));
    const bare = BARE_WEEKDAYS.get(next);
    if (bare !== undefined) return this.match(i, i + 2, skip, `XXXX-WXX-${bare}`, 'set');
    if (next === DAY_NOUN) {
      const d = weekdayAt(i + 2);
      if (d !== undefined) return this.match(i, i + 3, skip, `XXXX-WXX-${d}`, 'set');
    }
    const noun = UNIT_NOUNS.get(next);
    if (noun && !next.startsWith('ال') && noun.form !== 'many') return this.match(i, i + 2, skip, durationValue((noun.form === 'two' ? 2 : 1) * noun.size, noun.unit), 'set');
    const counted = this.readCounted(i + 1, next);
    if (counted && counted.amount > 1) return this.match(i, counted.end, skip, durationValue(counted.amount * counted.noun.size, counted.noun.unit), 'set');
    return undefined;
  }

  private match(start: number, end: number, skip: number, value: string, kind: 'duration' | 'set'): WordMatch {
    return { start, end, skip, value, reason: `${isTimeDuration(value) ? 'time' : 'date'}: ${kind}` };
  }
}

const EXTRA = new Set(['إضافيا', 'إضافياً'].map((w) => foldArabic(w)));

/** An accusative relative adjective (تطوعيا، وطنيا، دراسيا), folded: it ends in يا. */
function isKindAdjective(word: string): boolean {
  const w = word.endsWith('ً') ? word.slice(0, -1) : word;
  return w.length >= 5 && w.endsWith('يا') && !EXTRA.has(w);
}
