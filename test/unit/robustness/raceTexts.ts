/**
 * Texts for the race tests: short Arabic news sentences the recogniser finds places and dates in,
 * with two speakers the import tests tag, and names the lock-free writer tags (each name appears
 * twice, so a tagged one makes `annotate` suggest the other occurrence: it keeps writing).
 */
const DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** Names per text the lock-free writer can tag. */
export const NAME_COUNT = 120;

function arabicNumber(n: number): string {
  return String(n)
    .split('')
    .map((d) => DIGITS[Number(d)])
    .join('');
}

/** The k-th name of text i: a word found nowhere else in the text. */
export function raceName(i: number, k: number): string {
  return `حسان${arabicNumber(i)}ب${arabicNumber(k)}`;
}

export const FIRST_SPEAKER = 'المتحدث الأول';
export const SECOND_SPEAKER = 'المتحدث الثاني';

export function raceText(i: number): string {
  const names = Array.from({ length: NAME_COUNT }, (_, k) => raceName(i, k)).join(' و');
  return `قال ${FIRST_SPEAKER} و${SECOND_SPEAKER} في الرباط يوم ${arabicNumber((i % 27) + 1)} يناير إن ${names} وصلوا إلى المغرب.\nوأكد ${names} ذلك في القاهرة.\n`;
}
