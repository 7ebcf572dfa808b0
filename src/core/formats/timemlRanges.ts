import { normalizeArabic } from '../recognize/normalize';
import { scanWords } from '../recognize/words';

/**
 * Where the two ends of a range lie in its text, so that a TimeML export can wrap each in a TIMEX3
 * point: `من 18 | إلى | 20 يناير`, `يومي 22 | و | 23 مارس`, `2003 | - | 2010`, `العام الدراسي 2023 | / | 2024`.
 * The joiner between them is the first إلى / حتى / لغاية / و / - / – / `/` that follows a number or
 * a word of the first end. Offsets are UTF-16 indices into the text; undefined when the text has no
 * such joiner (a Hijri month read as its Gregorian days, for instance).
 */
const JOINERS = new Set(['الي', 'حتي', 'لغايه', 'وحتي', 'ولغايه', 'و', '-', '–', '/']);
const UNTIL = 'غايه';

export function rangeParts(text: string): { firstEnd: number; secondStart: number } | undefined {
  const normalized = normalizeArabic(text);
  const words = scanWords(normalized);
  let content = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as (typeof words)[number];
    if (content && JOINERS.has(w.text) && k + 1 < words.length) {
      // إلى غاية: the second end starts after both words.
      const second = words[k + 1]?.text === UNTIL && k + 2 < words.length ? k + 2 : k + 1;
      const previous = words[k - 1] as (typeof words)[number];
      return { firstEnd: normalized.offsets[previous.end] as number, secondStart: normalized.offsets[(words[second] as (typeof words)[number]).start] as number };
    }
    if (w.kind === 'digits' || (w.kind === 'letters' && k > 0)) content = true;
  }
  return undefined;
}
