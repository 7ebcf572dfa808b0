/**
 * Exact conversion between UTF-16 offsets (what the editor and JavaScript strings use) and
 * Unicode code point offsets (what sidecars and exports store).
 *
 * Only astral characters (emoji, some CJK, …) differ between the two: each takes two UTF-16
 * units and one code point. Harakat, tatweel, CR and a BOM are one unit and one code point each,
 * so the index stores just the positions of astral characters and answers by binary search.
 */
export class CodePointIndex {
  /** UTF-16 offsets at which astral characters start, ascending. */
  private readonly astralStarts: number[];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    const starts: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          starts.push(i);
          i++;
        }
      }
    }
    this.astralStarts = starts;
    this.utf16Length = text.length;
    this.codePointLength = text.length - starts.length;
  }

  /** Code point offset of a UTF-16 offset. An offset inside a surrogate pair counts as before that character. */
  toCodePoint(utf16: number): number {
    checkOffset(utf16, this.utf16Length, 'UTF-16');
    // Astral characters starting strictly before utf16 each took one unit more than a code point;
    // an offset inside a pair counts that pair too, which lands on the pair's own code point.
    return utf16 - lowerBound(this.astralStarts, utf16);
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number {
    checkOffset(codePoint, this.codePointLength, 'code point');
    // The i-th astral character sits at code point astralStarts[i] - i.
    let lo = 0;
    let hi = this.astralStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.astralStarts[mid] as number) - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }

  get hasAstral(): boolean {
    return this.astralStarts.length > 0;
  }
}

function checkOffset(offset: number, length: number, unit: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > length) {
    throw new RangeError(`${unit} offset ${offset} is outside 0..${length}`);
  }
}

function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Slice by code point offsets, building an index when none is given. */
export function sliceCodePoints(text: string, start: number, end: number, index = new CodePointIndex(text)): string {
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}
