import { CodePointIndex } from '../model/offsets';

/**
 * The unit an interchange file counts offsets in:
 * - `codePoint`: Unicode code points, what Python counts (brat, spaCy, Prodigy, Label Studio's
 *   exports, Tawsim's sidecars);
 * - `utf16`: UTF-16 code units, what JavaScript and Java count (doccano's annotation screen,
 *   INCEpTION's WebAnno TSV);
 * - `grapheme`: extended grapheme clusters (Unicode UAX #29, through ICU's `Intl.Segmenter`), what
 *   doccano counts in a project set to "count grapheme clusters as one character".
 * They differ only where a text has characters outside the Basic Multilingual Plane (emoji,
 * flags) or characters that join into one cluster (a letter and its harakat, CR LF, ZWJ emoji).
 */
export type OffsetUnit = 'codePoint' | 'utf16' | 'grapheme';

export const OFFSET_UNIT_NAMES: Readonly<Record<OffsetUnit, string>> = {
  codePoint: 'code points',
  utf16: 'UTF-16 code units',
  grapheme: 'grapheme clusters',
};

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Converts between one unit and UTF-16 offsets (what JavaScript strings index) for one text. */
export class OffsetConverter {
  readonly length: number;
  private readonly index: CodePointIndex | undefined;
  /** UTF-16 start of each grapheme cluster, and the text's length last. */
  private readonly clusterStarts: number[] | undefined;

  constructor(
    readonly text: string,
    readonly unit: OffsetUnit,
  ) {
    if (unit === 'codePoint') {
      this.index = new CodePointIndex(text);
      this.length = this.index.codePointLength;
    } else if (unit === 'grapheme') {
      const starts: number[] = [];
      for (const s of graphemes.segment(text)) starts.push(s.index);
      starts.push(text.length);
      this.clusterStarts = starts;
      this.length = starts.length - 1;
    } else {
      this.length = text.length;
    }
  }

  /** UTF-16 offset of an offset in this unit (0..length). */
  toUtf16(offset: number): number {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.length) throw new RangeError(`${OFFSET_UNIT_NAMES[this.unit]} offset ${offset} is outside 0..${this.length}`);
    if (this.index) return this.index.toUtf16(offset);
    if (this.clusterStarts) return this.clusterStarts[offset] as number;
    return offset;
  }

  /** Offset in this unit of a UTF-16 offset, or undefined when the unit cannot address it (inside a pair or a cluster). */
  fromUtf16(utf16: number): number | undefined {
    if (this.index) {
      const cp = this.index.toCodePoint(utf16);
      return this.index.toUtf16(cp) === utf16 ? cp : undefined;
    }
    if (this.clusterStarts) {
      const starts = this.clusterStarts;
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((starts[mid] as number) < utf16) lo = mid + 1;
        else hi = mid;
      }
      return starts[lo] === utf16 ? lo : undefined;
    }
    return utf16;
  }

  /** The nearest addressable offsets around a UTF-16 span: start moved back, end moved forward. */
  widen(startUtf16: number, endUtf16: number): { start: number; end: number } {
    let start = startUtf16;
    while (this.fromUtf16(start) === undefined) start--;
    let end = endUtf16;
    while (this.fromUtf16(end) === undefined) end++;
    return { start: this.fromUtf16(start) as number, end: this.fromUtf16(end) as number };
  }
}

/** How many characters of a text the unit counts differently from code points (0 when they agree everywhere). */
export function unitDifferences(text: string, unit: OffsetUnit): number {
  if (unit === 'codePoint') return 0;
  const codePoints = new CodePointIndex(text).codePointLength;
  const length = new OffsetConverter(text, unit).length;
  return Math.abs(codePoints - length);
}
