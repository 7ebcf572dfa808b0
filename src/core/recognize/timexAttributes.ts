import { DAY_WORDS, MODIFIERS, THIS_WORDS } from './dateVocabulary';
import { DURATION_QUALIFIERS, EVERY_WORD, FISCAL_HEADS, FISCAL_KINDS, FREQUENCY_ADVERBS } from './durationVocabulary';
import { foldArabic } from './normalize';
import { recognize } from './recognize';
import { timexTypeOfValue } from './timexValue';

/**
 * TIMEX3 attributes that the sidecar does not store but the text says: `type` (a set is written
 * with كل or سنوياً), `mod` (مطلع → START, منتصف → MID, نهاية → END, نحو → APPROX, أكثر من →
 * MORE_THAN …), `quant` (EVERY), and whether a value was resolved against the publication date
 * (so a TimeML export anchors it to the document creation time).
 */
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

const POSITION_MODS = new Map(
  (
    [
      ['مطلع', 'START'],
      ['أوائل', 'START'],
      ['بداية', 'START'],
      ['مستهل', 'START'],
      ['منتصف', 'MID'],
      ['أواسط', 'MID'],
      ['نهاية', 'END'],
      ['أواخر', 'END'],
      ['آخر', 'END'],
      ['ختام', 'END'],
    ] as const
  ).map(([w, m]) => [foldArabic(w), m]),
);
const CLITICS = 'وفب';
/** موسم and الموسم: a season of work or study, one year long. */
const SEASON_OF_YEAR = foldArabic('موسم');

function foldedWords(text: string): string[] {
  return foldArabic(text)
    .split(/[\s\u060C,.()]+/u)
    .filter((w) => w.length > 0);
}

/** The word without a one-letter conjunction or preposition (ومطلع → مطلع), when that reading is known. */
function bare(word: string, known: (w: string) => boolean): string {
  if (known(word)) return word;
  return word.length > 3 && CLITICS.includes(word[0] as string) && known(word.slice(1)) ? word.slice(1) : word;
}

const isSetWord = (w: string): boolean => w === EVERY_WORD || FREQUENCY_ADVERBS.has(w);

function isSetText(words: readonly string[]): boolean {
  return words.some((w) => isSetWord(bare(w, isSetWord)));
}

export function timexType(value: string, text: string): TimexType {
  const type = timexTypeOfValue(value);
  if (type === 'TIME') return type;
  return isSetText(foldedWords(text)) ? 'SET' : type;
}

/** The TIMEX3 `quant` of a set written with كل (every): `EVERY`. */
export function timexQuant(text: string): string | undefined {
  const words = foldedWords(text);
  return words.some((w) => bare(w, (x) => x === EVERY_WORD) === EVERY_WORD) ? 'EVERY' : undefined;
}

/** The TIMEX3 `mod` the first words of a span say, if any (a weekend is a whole period, not its end). */
export function timexModifier(value: string, text: string): string | undefined {
  const words = foldedWords(text);
  const first = words[0];
  if (first === undefined) return undefined;
  for (const [phrase, mod] of DURATION_QUALIFIERS) if (phrase.every((p, k) => bare(words[k] ?? '', (x) => x === p) === p)) return mod;
  if (value.endsWith('-WE')) return undefined;
  return POSITION_MODS.get(bare(first, (x) => POSITION_MODS.has(x)));
}

/** Academic, fiscal and farming years last one year whichever two calendar years they span. */
export function isFiscalYearText(text: string): boolean {
  const words = foldedWords(text);
  return words.some((w) => FISCAL_KINDS.has(w) || (FISCAL_HEADS.has(w) && w.endsWith(SEASON_OF_YEAR)));
}

/**
 * Whether `value` was read against the publication date: the same text read without a date keeps
 * X where the value has digits (or has no day, for a clock time that took the publication date's),
 * or the text holds a relative word (أمس، الماضي، هذا العام).
 */
export function isRelativeValue(value: string, text: string, documentDate?: string): boolean {
  if (value.startsWith('P')) return false;
  const alone = recognize(text, { labels: ['DATE', 'TIME'] }).find((s) => s.value !== undefined);
  if (alone?.value !== undefined) {
    if (alone.value === value || value.includes('X')) return false;
    // الساعة العاشرة dated by the publication date.
    if (alone.value.startsWith('T')) return documentDate !== undefined && value.startsWith(`${documentDate}T`);
    return alone.value.includes('X');
  }
  return foldedWords(text).some((w) => MODIFIERS.has(w) || DAY_WORDS.has(bare(w, (x) => DAY_WORDS.has(x))) || THIS_WORDS.has(w));
}
