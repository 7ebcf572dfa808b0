import { foldArabic } from './normalize';

/**
 * The words of Arabic date expressions, written as a reader sees them and folded once at load,
 * so the tables stay readable and match exactly what the folded document contains.
 */
function foldedMap(entries: ReadonlyArray<readonly [string, number]>): Map<string, number> {
  return new Map(entries.map(([w, n]) => [foldArabic(w), n]));
}

/** Gregorian months written as one word, of every family (Egyptian/Gulf, Levantine, Maghrebi, Algerian/Tunisian). */
export const ONE_WORD_MONTHS = foldedMap([
  ['يناير', 1],
  ['فبراير', 2],
  ['مارس', 3],
  ['أبريل', 4],
  ['إبريل', 4],
  ['ابريل', 4],
  ['مايو', 5],
  ['يونيو', 6],
  ['يونيه', 6],
  ['يوليو', 7],
  ['يوليه', 7],
  ['أغسطس', 8],
  ['اغسطس', 8],
  ['سبتمبر', 9],
  ['أكتوبر', 10],
  ['نوفمبر', 11],
  ['ديسمبر', 12],
  // Levantine and Iraqi (Syriac) names.
  ['شباط', 2],
  ['آذار', 3],
  ['نيسان', 4],
  ['أيار', 5],
  ['حزيران', 6],
  ['تموز', 7],
  ['آب', 8],
  ['أيلول', 9],
  // Moroccan names.
  ['ماي', 5],
  ['يوليوز', 7],
  ['غشت', 8],
  ['شتنبر', 9],
  ['نونبر', 11],
  ['دجنبر', 12],
  // Algerian and Tunisian names, from French.
  ['جانفي', 1],
  ['فيفري', 2],
  ['أفريل', 4],
  ['جوان', 6],
  ['جويلية', 7],
  ['أوت', 8],
]);

/** Month names that are also common words (مارس "practised", آب "father", ماي): they need a date around them. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['مارس', 'آب', 'ماي', 'أوت'].map((w) => foldArabic(w)));

/** Levantine months written as two words. */
export const TWO_WORD_MONTHS: ReadonlyArray<readonly [string, string, number]> = (
  [
    ['كانون', 'الثاني', 1],
    ['كانون', 'الأول', 12],
    ['تشرين', 'الأول', 10],
    ['تشرين', 'الثاني', 11],
  ] as const
).map(([a, b, n]) => [foldArabic(a), foldArabic(b), n] as const);

/** Hijri months; صفر, رجب, شعبان, رمضان are also names and words, so all need a date around them. */
export const ONE_WORD_HIJRI_MONTHS = foldedMap([
  ['محرم', 1],
  ['صفر', 2],
  ['رجب', 7],
  ['شعبان', 8],
  ['رمضان', 9],
  ['شوال', 10],
]);

export const TWO_WORD_HIJRI_MONTHS: ReadonlyArray<readonly [string, string, number]> = (
  [
    ['ربيع', 'الأول', 3],
    ['ربيع', 'الثاني', 4],
    ['ربيع', 'الآخر', 4],
    ['جمادى', 'الأولى', 5],
    ['جمادى', 'الأول', 5],
    ['جمادى', 'الآخرة', 6],
    ['جمادى', 'الثانية', 6],
    ['جمادى', 'الثاني', 6],
    ['ذو', 'القعدة', 11],
    ['ذي', 'القعدة', 11],
    ['ذو', 'الحجة', 12],
    ['ذي', 'الحجة', 12],
  ] as const
).map(([a, b, n]) => [foldArabic(a), foldArabic(b), n] as const);

/** First words of the two-word month names, so that a word that starts none is rejected at once. */
export const TWO_WORD_MONTH_STARTS: ReadonlySet<string> = new Set([...TWO_WORD_MONTHS, ...TWO_WORD_HIJRI_MONTHS].map(([a]) => a));

/** Weekdays with their ISO number (Monday 1 … Sunday 7). */
export const WEEKDAYS = foldedMap([
  ['الاثنين', 1],
  ['الإثنين', 1],
  ['الثلاثاء', 2],
  ['الأربعاء', 3],
  ['الخميس', 4],
  ['الجمعة', 5],
  ['السبت', 6],
  ['الأحد', 7],
]);

/** Ordinal day words (masculine, agreeing with يوم): الأول … التاسع, and الحادي before عشر or a ten. */
export const ORDINAL_UNITS = foldedMap([
  ['الأول', 1],
  ['الحادي', 1],
  ['الثاني', 2],
  ['الثالث', 3],
  ['الرابع', 4],
  ['الخامس', 5],
  ['السادس', 6],
  ['السابع', 7],
  ['الثامن', 8],
  ['التاسع', 9],
]);
/** Words for the first day of a month in Maghrebi and Gulf usage: فاتح يناير، الفاتح من أكتوبر، غرة رمضان. */
export const FIRST_DAY_WORDS: ReadonlySet<string> = new Set(['فاتح', 'الفاتح', 'غرة', 'مستهل'].map((w) => foldArabic(w)));
export const ORDINAL_TEN = foldArabic('العاشر');
export const ORDINAL_TEEN = foldArabic('عشر');
/** Tens as they follow a unit (والعشرين) or stand alone (العشرين). */
export const ORDINAL_TENS = foldedMap([
  ['العشرين', 20],
  ['العشرون', 20],
  ['والعشرين', 20],
  ['والعشرون', 20],
  ['الثلاثين', 30],
  ['الثلاثون', 30],
  ['والثلاثين', 30],
  ['والثلاثون', 30],
]);

/** Feminine ordinals for clock hours (الساعة العاشرة); الحادية is the unit of eleven (الحادية عشرة) and no hour alone. */
export const HOUR_WORDS = foldedMap([
  ['الواحدة', 1],
  ['الثانية', 2],
  ['الثالثة', 3],
  ['الرابعة', 4],
  ['الخامسة', 5],
  ['السادسة', 6],
  ['السابعة', 7],
  ['الثامنة', 8],
  ['التاسعة', 9],
  ['العاشرة', 10],
  ['الحادية', 1],
]);
export const HOUR_TEEN = foldArabic('عشرة');

export type Relation = 'past' | 'next' | 'current';

/** Words after a date that place it relative to the publication date. */
export const MODIFIERS: ReadonlyMap<string, Relation> = new Map(
  (
    [
      ['الماضي', 'past'],
      ['الماضية', 'past'],
      ['المنصرم', 'past'],
      ['المنصرمة', 'past'],
      ['الفائت', 'past'],
      ['الفائتة', 'past'],
      ['السابق', 'past'],
      ['المقبل', 'next'],
      ['المقبلة', 'next'],
      ['القادم', 'next'],
      ['القادمة', 'next'],
      ['الآتي', 'next'],
      ['الجاري', 'current'],
      ['الجارية', 'current'],
      ['الحالي', 'current'],
      ['الحالية', 'current'],
    ] as const
  ).map(([w, r]) => [foldArabic(w), r]),
);

/** Dual relative words after two dates joined by و: بين أبريل ويوليو الماضيين، يومي الخميس والجمعة المقبلين. */
export const DUAL_MODIFIERS: ReadonlyMap<string, Relation> = new Map(
  (
    [
      ['الماضيين', 'past'],
      ['الماضيتين', 'past'],
      ['المنصرمين', 'past'],
      ['الفائتين', 'past'],
      ['المقبلين', 'next'],
      ['المقبلتين', 'next'],
      ['القادمين', 'next'],
      ['القادمتين', 'next'],
      ['الجاريين', 'current'],
    ] as const
  ).map(([w, r]) => [foldArabic(w), r]),
);

export type Unit = 'year' | 'month' | 'week';
export const UNITS: ReadonlyMap<string, Unit> = new Map(
  (
    [
      ['العام', 'year'],
      ['السنة', 'year'],
      ['الشهر', 'month'],
      ['الأسبوع', 'week'],
    ] as const
  ).map(([w, u]) => [foldArabic(w), u]),
);
/** Demonstratives that make a unit current: هذا العام، هذه السنة. */
export const THIS_WORDS: ReadonlySet<string> = new Set(['هذا', 'هذه'].map((w) => foldArabic(w)));

/** Words placing a date inside a longer period: نهاية العام، مطلع يناير. */
export const POSITION_WORDS: ReadonlySet<string> = new Set(
  ['نهاية', 'بداية', 'مطلع', 'منتصف', 'أواخر', 'أوائل', 'أواسط', 'مستهل', 'آخر', 'خلال', 'طيلة', 'طوال'].map((w) => foldArabic(w)),
);
/** Of those, the ones that are part of the date expression (خلال is a preposition, kept out of the span). */
export const POSITION_IN_SPAN: ReadonlySet<string> = new Set(['نهاية', 'بداية', 'مطلع', 'منتصف', 'أواخر', 'أوائل', 'أواسط', 'مستهل'].map((w) => foldArabic(w)));

/** Words introducing a year number: عام 2020، سنة 1999. */
export const YEAR_WORDS: ReadonlySet<string> = new Set(['عام', 'العام', 'سنة', 'السنة'].map((w) => foldArabic(w)));

/** Year words with the preposition ل, between a month and its year: رمضان للعام 1446 هـ. */
export const YEAR_WORDS_WITH_CLITIC: ReadonlySet<string> = new Set(['لعام', 'للعام', 'لسنة', 'للسنة'].map((w) => foldArabic(w)));

/** "Since": a day or month after it without a year is the last one before the publication date. */
export const SINCE_WORDS: ReadonlySet<string> = new Set(['منذ', 'ومنذ'].map((w) => foldArabic(w)));

/** Epithets written after a Hijri month name: رمضان المبارك، محرم الحرام. */
export const HIJRI_MONTH_EPITHETS: ReadonlySet<string> = new Set(['المبارك', 'المعظم', 'الحرام', 'الفضيل', 'الكريم'].map((w) => foldArabic(w)));

/** Prepositions after which a bare four-digit number is a year (في 2020، منذ 1999). */
export const YEAR_PREPOSITIONS: ReadonlySet<string> = new Set(
  ['في', 'منذ', 'حتى', 'قبل', 'بعد', 'خلال', 'بحلول', 'وفي', 'ومنذ', 'وحتى', 'عن', 'إلى', 'أفق', 'مطلع', 'نهاية', 'بداية', 'أواخر', 'أوائل', 'منتصف'].map((w) => foldArabic(w)),
);

/** Nouns of an edition or session named by its year (امتحانات دورة 2023، نسخة 2022 من المعرض). */
export const EDITION_NOUNS: ReadonlySet<string> = new Set(['دورة', 'نسخة', 'طبعة', 'دفعة'].map((w) => foldArabic(w)));

export const GREGORIAN_ERA: ReadonlySet<string> = new Set(['م', 'ميلادي', 'ميلادية', 'للميلاد'].map((w) => foldArabic(w)));
export const HIJRI_ERA: ReadonlySet<string> = new Set(['هـ', 'ه', 'هجري', 'هجرية', 'للهجرة'].map((w) => foldArabic(w)));

/** Day words: yesterday, today, tomorrow, as offsets from the publication date. */
export const DAY_WORDS = foldedMap([
  ['أمس', -1],
  ['الأمس', -1],
  ['البارحة', -1],
  ['اليوم', 0],
  ['غدا', 1],
  ['غداً', 1],
  ['الغد', 1],
  ['غد', 1],
]);
/** Nouns counted by a number: "في 2000 موقع" is a quantity, not a year. */
export const COUNTED_NOUNS: ReadonlySet<string> = new Set(
  [
    'دولار',
    'دولارا',
    'يورو',
    'درهم',
    'دينار',
    'ريال',
    'جنيه',
    'ليرة',
    'شخص',
    'شخصا',
    'قتيل',
    'قتيلا',
    'جريح',
    'طن',
    'كلم',
    'كيلومتر',
    'متر',
    'مترا',
    'حالة',
    'طالب',
    'مليون',
    'مليار',
    'ألف',
    'برميل',
    'وحدة',
    'منزل',
    'عامل',
    'موظف',
    'مقعد',
    'صوت',
    'نقطة',
    'ميغاواط',
    'هكتار',
    'رأس',
  ].map((w) => foldArabic(w)),
);
/** The word that makes a year word Hijri: العام الهجري، السنة الهجرية. */
export const HIJRI_YEAR_ADJECTIVES: ReadonlySet<string> = new Set(['الهجري', 'الهجرية'].map((w) => foldArabic(w)));

/** Decades as plural ordinals: الثمانينيات، تسعينات. */
export const DECADES = foldedMap(
  [
    ['عشرين', 2],
    ['ثلاثين', 3],
    ['أربعين', 4],
    ['خمسين', 5],
    ['ستين', 6],
    ['سبعين', 7],
    ['ثمانين', 8],
    ['تسعين', 9],
  ].flatMap(([stem, n]) => {
    const s = stem as string;
    return [`${s}يات`, `${s}ات`, `ال${s}يات`, `ال${s}ات`].map((w) => [w, n as number] as const);
  }),
);

export const CENTURY = foldArabic('القرن');
/** Ordinal centuries: القرن التاسع عشر (19th), العشرين, الحادي والعشرين. */
export const CENTURY_ORDINALS: ReadonlyArray<readonly [readonly string[], number]> = (
  [
    [['الحادي', 'والعشرين'], 21],
    [['العشرين'], 20],
    [['التاسع', 'عشر'], 19],
    [['الثامن', 'عشر'], 18],
    [['السابع', 'عشر'], 17],
  ] as const
).map(([words, n]) => [words.map((w) => foldArabic(w)), n] as const);

/** Lead words kept in a date span: يوم الثلاثاء، يومي 16 و17، أيام 5 و6 (parts of the day make a TIME: see dayParts.ts). */
export const DAY_LEADS: ReadonlySet<string> = new Set(['يوم', 'يومي', 'أيام', 'عشية'].map((w) => foldArabic(w)));
/** Day leads that open a run of days (يومي الخميس والجمعة، أيام 17 و18 و19 جوان). */
export const PLURAL_DAY_LEADS: ReadonlySet<string> = new Set(['يومي', 'أيام'].map((w) => foldArabic(w)));
/** The lead that only precedes one weekday or one date. */
export const RANGE_LEADS: ReadonlySet<string> = new Set(['من', 'بين'].map((w) => foldArabic(w)));
export const RANGE_JOINERS: ReadonlySet<string> = new Set(['إلى', 'الى', 'حتى', 'و', '-', '–'].map((w) => foldArabic(w)));
export const MONTH_WORD = foldArabic('شهر');
export const OF_WORD = foldArabic('من');
