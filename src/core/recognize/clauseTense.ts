import { foldArabic } from './normalize';
import type { Word } from './words';

/**
 * Which side of the publication date the clause around an undated expression points to, for a
 * weekday, a month, a day or a season named without a relative word or a year (the README's
 * anchoring rule). Without a sign, such a name is the occurrence nearest the publication date;
 * these signs, the nearest to the expression first, move it to the side they point to:
 * - after (on or after the publication date): a future verb or particle (سيعقد، ستنطلق، سوف، لن,
 *   من المقرر، المرتقب), or a clause that opens with a present verb (يبدأ، وتستأنف، تتواصل), which
 *   news uses for what is scheduled;
 * - before (on or before it): كان، قد or لقد before a past verb, لم, or a relative clause in the
 *   past (الذي انطلق، التي بدأت).
 * Arabic writes the past and present third person feminine alike for many verbs (تقدم، توقف are
 * both "she advances" and "he advanced"), so only the present forms no past verb shares are read
 * (يـ، تتـ، تستـ، تنـ، تفتعل, and hollow verbs with their long vowel: تعود، تكون): a clause without a
 * clear sign keeps the nearest occurrence.
 */
export type Lean = 'before' | 'after';

const CLAUSE_MARKS: ReadonlySet<string> = new Set(['.', '،', ',', '؛', ';', '؟', '?', '!', ':', '(', ')', '«', '»', '"']);
/** How far back (in words) the clause is searched for a sign. */
const REACH = 25;

const fold = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => foldArabic(w)));
const FUTURE_WORDS = fold(['سوف', 'وسوف', 'لن', 'ولن', 'فلن', 'المقرر', 'المرتقب', 'المنتظر', 'المزمع', 'المتوقع', 'يرتقب', 'ويرتقب']);
const PAST_WORDS = fold(['كان', 'كانت', 'وكان', 'وكانت', 'فكان', 'فكانت', 'لقد', 'ولقد', 'لم', 'ولم', 'فلم']);
/** قد is past before a past verb (قد عقدت) and "may" before a present one (قد يبدأ). */
const MAY_WORDS = fold(['قد', 'وقد', 'فقد']);
const RELATIVES = fold(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'اللواتي', 'اللاتي']);
/** Words with the shape of a present or future verb that are names of dates or common nouns. */
const NOT_VERBS = fold(['يوم', 'يوما', 'يومي', 'يومين', 'يوميا', 'يناير', 'يونيو', 'يونيه', 'يوليو', 'يوليه', 'يوليوز', 'سيناريو', 'تشرين', 'تموز']);

/** The side the clause before word `start` points to, if it shows one. */
export function clauseLean(words: readonly Word[], start: number): Lean | undefined {
  const stop = Math.max(0, start - REACH);
  for (let k = start - 1; k >= stop; k--) {
    const w = words[k] as Word;
    if (w.kind === 'mark' && CLAUSE_MARKS.has(w.text)) return undefined;
    if (w.kind !== 'letters') continue;
    const t = w.text;
    if (FUTURE_WORDS.has(t) || isFutureVerb(t)) return 'after';
    if (PAST_WORDS.has(t)) return 'before';
    const next = words[k + 1];
    const nextText = next?.kind === 'letters' ? next.text : '';
    if (MAY_WORDS.has(t) && nextText && k + 1 < start) return isPresentVerb(nextText) ? undefined : 'before';
    if (RELATIVES.has(t) && nextText && k + 1 < start) return isPresentVerb(nextText) || isFutureVerb(nextText) ? 'after' : startsLikePastVerb(nextText) ? 'before' : undefined;
    const previous = words[k - 1];
    const opensClause = k === 0 || (previous !== undefined && previous.kind === 'mark' && CLAUSE_MARKS.has(previous.text));
    if (opensClause) return isPresentVerb(t) ? 'after' : undefined;
  }
  return undefined;
}

/** The word without a leading و or ف. */
function stem(word: string): string {
  return word.length > 3 && (word[0] === 'و' || word[0] === 'ف') ? word.slice(1) : word;
}

/** سيعقد، وستنطلق، سنعمل: the future prefix before a present verb. */
function isFutureVerb(word: string): boolean {
  const s = stem(word);
  return s.length >= 5 && s[0] === 'س' && 'يتن'.includes(s[1] as string) && !NOT_VERBS.has(s) && !nounEnding(s);
}

/** يبدأ، تتواصل، تستأنف، تنطلق، تعتبر: a present verb whose shape no past verb or common noun has. */
function isPresentVerb(word: string): boolean {
  const s = stem(word);
  if (NOT_VERBS.has(s) || nounEnding(s) || s.length < 4) return false;
  if (s[0] === 'ي') return true;
  // تعود، تكون، تقوم: a hollow verb's present has its long vowel second, where the past (عادت) has none.
  if (s[0] === 'ت' && s.length === 4 && (s[2] === 'و' || s[2] === 'ي')) return true;
  if (s[0] !== 'ت' || s.length < 5 || s.endsWith('ت')) return false;
  // تتـ (forms V and VI), تستـ (form X), تنـ (form VII, not the verbal noun تنفيذ), تفتعل (form VIII).
  return s[1] === 'ت' || s.startsWith('تست') || (s[1] === 'ن' && s[3] !== 'ي' && s[3] !== 'ا') || (s[2] === 'ت' && s[3] !== 'ي' && s[3] !== 'ا');
}

/** After الذي or التي, a word without the present or future prefix and the article is a past verb (انطلق، بدأت). */
function startsLikePastVerb(word: string): boolean {
  return !word.startsWith('ال') && !'يتنس'.includes(word[0] as string) && word.length >= 3;
}

/** Plurals in ات and feminine nouns in ة (folded ه) are not verbs (سنوات، سياسة). */
function nounEnding(word: string): boolean {
  return word.endsWith('ات') || word.endsWith('ه');
}
