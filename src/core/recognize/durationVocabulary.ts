import { foldArabic } from './normalize';

/**
 * Words of durations, sets and parts of the year, written as a reader sees them and folded once at
 * load (like dateVocabulary.ts), so lookups match exactly what the folded document contains.
 */
function folded<T>(entries: ReadonlyArray<readonly [string, T]>): ReadonlyMap<string, T> {
  return new Map(entries.map(([w, v]) => [foldArabic(w), v]));
}

function foldedSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => foldArabic(w)));
}

/** The unit of a TIMEX3 duration: `Y` years, `M` months, `W` weeks, `D` days, and `H`, `MIN`, `S` inside the time part. */
export type DurationUnit = 'Y' | 'M' | 'W' | 'D' | 'H' | 'MIN' | 'S';

/** A unit noun: its unit, how many of the unit one of it is (a decade is 10 years), and its number when the form says it. */
export interface UnitNoun {
  readonly unit: DurationUnit;
  readonly size: number;
  /** 'one' for a singular, 'two' for a dual (عامين), 'many' for a plural or the accusative after 11–99. */
  readonly form: 'one' | 'two' | 'many';
}

const noun = (unit: DurationUnit, form: UnitNoun['form'], size = 1): UnitNoun => ({ unit, size, form });

/** Unit nouns in their singular, dual and plural forms, with and without the article. */
export const UNIT_NOUNS: ReadonlyMap<string, UnitNoun> = folded<UnitNoun>([
  ...(['سنة', 'عام'] as const).map((w) => [w, noun('Y', 'one')] as const),
  ...(['عاما', 'سنوات', 'سنين', 'أعوام', 'السنوات', 'الأعوام', 'السنين'] as const).map((w) => [w, noun('Y', 'many')] as const),
  ...(['عامين', 'عامان', 'سنتين', 'سنتان', 'العامين', 'السنتين'] as const).map((w) => [w, noun('Y', 'two')] as const),
  ['شهر', noun('M', 'one')],
  ...(['شهرا', 'أشهر', 'شهور', 'الأشهر', 'الشهور'] as const).map((w) => [w, noun('M', 'many')] as const),
  ...(['شهرين', 'شهران', 'الشهرين'] as const).map((w) => [w, noun('M', 'two')] as const),
  ['أسبوع', noun('W', 'one')],
  ...(['أسبوعا', 'أسابيع', 'الأسابيع'] as const).map((w) => [w, noun('W', 'many')] as const),
  ...(['أسبوعين', 'أسبوعان', 'الأسبوعين'] as const).map((w) => [w, noun('W', 'two')] as const),
  ['يوم', noun('D', 'one')],
  ...(['يوما', 'أيام', 'الأيام'] as const).map((w) => [w, noun('D', 'many')] as const),
  ...(['يومين', 'يومان', 'اليومين'] as const).map((w) => [w, noun('D', 'two')] as const),
  ['ساعة', noun('H', 'one')],
  ...(['ساعات', 'الساعات'] as const).map((w) => [w, noun('H', 'many')] as const),
  ...(['ساعتين', 'ساعتان', 'الساعتين'] as const).map((w) => [w, noun('H', 'two')] as const),
  ['دقيقة', noun('MIN', 'one')],
  ...(['دقائق', 'الدقائق'] as const).map((w) => [w, noun('MIN', 'many')] as const),
  ...(['دقيقتين', 'دقيقتان'] as const).map((w) => [w, noun('MIN', 'two')] as const),
  ['ثانية', noun('S', 'one')],
  ...(['ثوان', 'ثواني', 'الثواني'] as const).map((w) => [w, noun('S', 'many')] as const),
  ...(['ثانيتين', 'ثانيتان'] as const).map((w) => [w, noun('S', 'two')] as const),
  ['عقد', noun('Y', 'one', 10)],
  ...(['عقود', 'العقود'] as const).map((w) => [w, noun('Y', 'many', 10)] as const),
  ...(['عقدين', 'عقدان', 'العقدين'] as const).map((w) => [w, noun('Y', 'two', 10)] as const),
  ['قرن', noun('Y', 'one', 100)],
  ...(['قرون', 'القرون'] as const).map((w) => [w, noun('Y', 'many', 100)] as const),
  ...(['قرنين', 'قرنان', 'القرنين'] as const).map((w) => [w, noun('Y', 'two', 100)] as const),
]);

/** Accusative singulars, which alone mean one of the unit (تحتاج أسبوعا، استمرت عاما ونصف) and after 11–99 count it. */
export const ACCUSATIVE_SINGULARS: ReadonlySet<string> = foldedSet(['عاما', 'شهرا', 'أسبوعا', 'يوما']);
/** يوما ما: some day, not a duration. */
export const SOME = foldArabic('ما');

/** Singular nouns that are also the head of other phrases (عقد "contract", يوم before a weekday): they count as one only after these words. */
export const SINGULAR_COUNT_LEADS: ReadonlySet<string> = foldedSet(['لمدة', 'مدة', 'طوال', 'طيلة', 'خلال', 'منذ', 'قبل', 'بعد', 'نحو', 'حوالي', 'قرابة', 'زهاء', 'غضون']);

/** Cardinal numbers 1–10 in both genders, and the tens, as they count unit nouns. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = folded<number>([
  ['واحد', 1],
  ['واحدة', 1],
  ['اثنان', 2],
  ['اثنين', 2],
  ['اثنتان', 2],
  ['اثنتين', 2],
  ['ثلاث', 3],
  ['ثلاثة', 3],
  ['أربع', 4],
  ['أربعة', 4],
  ['خمس', 5],
  ['خمسة', 5],
  ['ست', 6],
  ['ستة', 6],
  ['سبع', 7],
  ['سبعة', 7],
  ['ثماني', 8],
  ['ثمانية', 8],
  ['ثمان', 8],
  ['تسع', 9],
  ['تسعة', 9],
  ['عشر', 10],
  ['عشرة', 10],
  ['عشرين', 20],
  ['عشرون', 20],
  ['ثلاثين', 30],
  ['ثلاثون', 30],
  ['أربعين', 40],
  ['أربعون', 40],
  ['خمسين', 50],
  ['خمسون', 50],
  ['ستين', 60],
  ['ستون', 60],
  ['سبعين', 70],
  ['سبعون', 70],
  ['ثمانين', 80],
  ['ثمانون', 80],
  ['تسعين', 90],
  ['تسعون', 90],
  ['مئة', 100],
  ['مائة', 100],
]);
/** The teen word after a unit (ثلاثة عشر، إحدى عشرة). */
export const TEEN_WORDS: ReadonlySet<string> = foldedSet(['عشر', 'عشرة']);
/** Eleven and twelve, whose first word is not a plain unit. */
export const ELEVEN_TWELVE: ReadonlyMap<string, number> = folded<number>([
  ['أحد', 11],
  ['إحدى', 11],
  ['اثنا', 12],
  ['اثني', 12],
  ['اثنتا', 12],
  ['اثنتي', 12],
]);
/** Fractions of a unit: نصف ساعة، ربع قرن. */
export const FRACTIONS: ReadonlyMap<string, number> = folded<number>([
  ['نصف', 0.5],
  ['ربع', 0.25],
]);
/** The half after a count: ساعة ونصف، عامين ونصف. */
export const AND_HALF = foldArabic('ونصف');
/** "of time" after a count of years or decades: عقدين من الزمن. */
export const OF_TIME: readonly string[] = [foldArabic('من'), foldArabic('الزمن')];

/** How an approximate or bounded duration is written before its count, with its TIMEX3 `mod`. */
export const DURATION_QUALIFIERS: ReadonlyArray<readonly [readonly string[], string]> = (
  [
    [['ما', 'لا', 'يقل', 'عن'], 'EQUAL_OR_MORE'],
    [['ما', 'لا', 'يزيد', 'عن'], 'EQUAL_OR_LESS'],
    [['ما', 'لا', 'يزيد', 'على'], 'EQUAL_OR_LESS'],
    [['ما', 'يزيد', 'عن'], 'MORE_THAN'],
    [['ما', 'يزيد', 'على'], 'MORE_THAN'],
    [['ما', 'يقرب', 'من'], 'APPROX'],
    [['أكثر', 'من'], 'MORE_THAN'],
    [['أزيد', 'من'], 'MORE_THAN'],
    [['أقل', 'من'], 'LESS_THAN'],
    [['نحو'], 'APPROX'],
    [['حوالي'], 'APPROX'],
    [['قرابة'], 'APPROX'],
    [['زهاء'], 'APPROX'],
  ] as const
).map(([words, mod]) => [words.map((w) => foldArabic(w)), mod] as const);

/** Every: كل عام، كل يوم جمعة. */
export const EVERY_WORD = foldArabic('كل');
/** Adverbs of frequency, with the period they repeat on. */
export const FREQUENCY_ADVERBS: ReadonlyMap<string, DurationUnit> = folded<DurationUnit>([
  ['سنويا', 'Y'],
  ['سنوياً', 'Y'],
  ['شهريا', 'M'],
  ['شهرياً', 'M'],
  ['أسبوعيا', 'W'],
  ['أسبوعياً', 'W'],
  ['يوميا', 'D'],
  ['يومياً', 'D'],
]);
/** Weekdays written without the article after كل (كل جمعة، كل يوم اثنين). */
export const BARE_WEEKDAYS: ReadonlyMap<string, number> = folded<number>([
  ['اثنين', 1],
  ['إثنين', 1],
  ['ثلاثاء', 2],
  ['أربعاء', 3],
  ['خميس', 4],
  ['جمعة', 5],
  ['سبت', 6],
  ['أحد', 7],
]);

/**
 * Quarters and halves of a year: الربع الأول، النصف الثاني, and the Maghrebi الثلاثي (trimestre) and
 * السداسي (semestre). الفصل, الثلاثي and السداسي name other things too (a school term, a tripartite
 * meeting): without a written year they are read only where the sentence has already named one.
 */
export const PART_OF_YEAR_WORDS: ReadonlyMap<string, 'Q' | 'H'> = folded<'Q' | 'H'>([
  ['الربع', 'Q'],
  ['الفصل', 'Q'],
  ['الثلاثي', 'Q'],
  ['النصف', 'H'],
  ['السداسي', 'H'],
]);
export const PART_WORDS_NEEDING_YEAR: ReadonlySet<string> = foldedSet(['الفصل', 'الثلاثي', 'السداسي']);
/** Duals and plurals of the same words: الربعين الأول والثاني، الثلاثيات الثلاثة الأولى، الأرباع الثلاثة الأخيرة. */
export const PARTS_OF_YEAR_WORDS: ReadonlyMap<string, { kind: 'Q' | 'H'; form: 'two' | 'many' }> = folded<{ kind: 'Q' | 'H'; form: 'two' | 'many' }>([
  ['الربعين', { kind: 'Q', form: 'two' }],
  ['الفصلين', { kind: 'Q', form: 'two' }],
  ['الثلاثيين', { kind: 'Q', form: 'two' }],
  ['الأرباع', { kind: 'Q', form: 'many' }],
  ['الثلاثيات', { kind: 'Q', form: 'many' }],
  ['الفصول', { kind: 'Q', form: 'many' }],
  ['السداسيين', { kind: 'H', form: 'two' }],
]);
/** The ordinal after a quarter or a half; الأخير is the last one. */
export const PART_ORDINALS: ReadonlyMap<string, number | 'last'> = folded<number | 'last'>([
  ['الأول', 1],
  ['الثاني', 2],
  ['الثالث', 3],
  ['الرابع', 4],
  ['الأخير', 'last'],
]);
/** The same ordinals after و (الربعين الأول والثاني). */
export const AND_PART_ORDINALS: ReadonlyMap<string, number | 'last'> = folded<number | 'last'>([
  ['والأول', 1],
  ['والثاني', 2],
  ['والثالث', 3],
  ['والرابع', 4],
  ['والأخير', 'last'],
]);
/** Dual and plural adjectives of place: الربعين الأولين، الأرباع الثلاثة الأخيرة. */
export const FIRST_LAST_OF_MANY: ReadonlyMap<string, 'first' | 'last'> = folded<'first' | 'last'>([
  ['الأولين', 'first'],
  ['الأوليين', 'first'],
  ['الأولى', 'first'],
  ['الأول', 'first'],
  ['الأخيرين', 'last'],
  ['الأخيرة', 'last'],
]);

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
/** Seasons with and without the article (صيف 2022، الصيف الماضي). */
export const SEASONS: ReadonlyMap<string, { season: Season; article: boolean }> = folded<{ season: Season; article: boolean }>([
  ['صيف', { season: 'SU', article: false }],
  ['الصيف', { season: 'SU', article: true }],
  ['شتاء', { season: 'WI', article: false }],
  ['الشتاء', { season: 'WI', article: true }],
  ['ربيع', { season: 'SP', article: false }],
  ['الربيع', { season: 'SP', article: true }],
  ['خريف', { season: 'FA', article: false }],
  ['الخريف', { season: 'FA', article: true }],
]);
export const SEASON_WORD = foldArabic('فصل');

/** Years that are not calendar years: السنة المالية، العام الدراسي، الموسم الفلاحي. */
export const FISCAL_HEADS: ReadonlySet<string> = foldedSet(['السنة', 'العام', 'الموسم', 'موسم']);
export const FISCAL_KINDS: ReadonlySet<string> = foldedSet([
  'المالية',
  'المالي',
  'الدراسية',
  'الدراسي',
  'الجامعية',
  'الجامعي',
  'الفلاحي',
  'الفلاحية',
  'الزراعي',
  'الزراعية',
  'الرياضي',
  'الرياضية',
  'الكروي',
]);

export const WEEK_WORD = foldArabic('الأسبوع');
export const WEEKEND_WORDS: readonly string[] = [foldArabic('نهاية'), foldArabic('الأسبوع')];
export const HOLIDAY_WORD = foldArabic('عطلة');
