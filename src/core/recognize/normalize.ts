/**
 * Arabic normalisation for matching, with an exact map back to the original text.
 *
 * Matching must not depend on how carefully a writer placed hamzas or harakat, so lookups run on a
 * folded form: alef variants (أ إ آ ٱ) become ا, alef maqsura ى becomes ي, ta marbuta ة becomes ه
 * (optional), and harakat, the dagger alef and tatweel are removed. Digits are left as written.
 *
 * Every character of the folded form comes from exactly one character of the original (nothing is
 * expanded), so a UTF-16 offset map of one entry per folded character is enough. A removed mark
 * belongs to the letter before it, so a span that ends after a letter also covers its harakat.
 */
export interface NormalizedText {
  /** The folded text. */
  readonly text: string;
  /**
   * `offsets[i]` is the UTF-16 offset in the original of folded character i; `offsets[text.length]`
   * is the original length. A folded span [s, e) covers the original [offsets[s], offsets[e]).
   */
  readonly offsets: Uint32Array;
}

export interface NormalizeOptions {
  /** Fold ة into ه (default true): writers and OCR confuse them at word ends. */
  readonly foldTaMarbuta?: boolean;
}

/** Harakat (U+064B–U+065F), dagger alef (U+0670), Quranic marks, and tatweel (U+0640). */
export function isRemovedMark(code: number): boolean {
  return (code >= 0x064b && code <= 0x065f) || code === 0x0670 || code === 0x0640 || (code >= 0x06d6 && code <= 0x06ed);
}

export function normalizeArabic(original: string, options: NormalizeOptions = {}): NormalizedText {
  const foldTa = options.foldTaMarbuta !== false;
  const offsets = new Uint32Array(original.length + 1);
  let out = '';
  let n = 0;
  // Build in chunks: string concatenation of single characters is fast in V8 but a chunked
  // approach keeps the common case (nothing to fold) to one slice per run.
  let runStart = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    const folded = foldChar(c, foldTa);
    if (folded === c) {
      offsets[n++] = i;
      continue;
    }
    out += original.slice(runStart, i);
    runStart = i + 1;
    if (folded >= 0) {
      out += String.fromCharCode(folded);
      offsets[n++] = i;
    }
  }
  out += original.slice(runStart);
  offsets[n] = original.length;
  return { text: out, offsets: n === original.length ? offsets : offsets.slice(0, n + 1) };
}

/** The folded code of one character, or -1 when it is dropped. */
function foldChar(c: number, foldTa: boolean): number {
  if (c < 0x0622) return c;
  switch (c) {
    case 0x0622: // آ
    case 0x0623: // أ
    case 0x0625: // إ
    case 0x0671: // ٱ
      return 0x0627;
    case 0x0649: // ى
      return 0x064a;
    case 0x0629: // ة
      return foldTa ? 0x0647 : c;
  }
  return isRemovedMark(c) ? -1 : c;
}

/** Folds a short string (a gazetteer entry, a learned text) exactly as the document is folded. */
export function foldArabic(text: string, options: NormalizeOptions = {}): string {
  return normalizeArabic(text, options).text;
}

/** The original UTF-16 span of a folded span. */
export function originalSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  return { start: normalized.offsets[start] as number, end: normalized.offsets[end] as number };
}
