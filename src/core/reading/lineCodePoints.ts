import type { LineSplice } from './lineSplice';
import { spliceLines } from './lineSplice';

/**
 * Where each line starts in code points, kept up to date by line splices. Only astral characters
 * (emoji and the like: two UTF-16 units, one code point) make the two units differ, so it keeps
 * their number per line and subtracts those before a line from its UTF-16 start. An edit rescans
 * only the lines it touched; the running sums are rebuilt when first asked for after it.
 */
export class LineCodePoints {
  private astral: number[];
  /** astralBefore[i]: astral characters in lines 0..i-1; undefined until asked for after a change. */
  private before: Int32Array | undefined;
  /** Most documents have no astral character at all: then every start is its UTF-16 start. */
  private any = false;

  constructor(lineCount: number, lineText: (line: number) => string) {
    this.astral = new Array<number>(lineCount);
    for (let i = 0; i < lineCount; i++) this.astral[i] = astralCount(lineText(i));
    this.any = this.astral.some((n) => n > 0);
  }

  /** The lines of a splice changed; `lineText` reads the text after it. */
  splice(splice: LineSplice, lineText: (line: number) => string): void {
    const inserted: number[] = [];
    for (let i = 0; i < splice.inserted; i++) inserted.push(astralCount(lineText(splice.at + i)));
    this.astral = spliceLines(this.astral, splice, inserted);
    this.before = undefined;
    this.any = this.any || inserted.some((n) => n > 0);
  }

  /** Code point offset of a line's start, given its UTF-16 offset. */
  start(line: number, utf16Start: number): number {
    if (!this.any) return utf16Start;
    if (!this.before) {
      this.before = new Int32Array(this.astral.length + 1);
      for (let i = 0; i < this.astral.length; i++) this.before[i + 1] = (this.before[i] as number) + (this.astral[i] as number);
      this.any = (this.before[this.astral.length] as number) > 0;
    }
    return utf16Start - (this.before[Math.max(0, Math.min(line, this.astral.length))] as number);
  }
}

/** Surrogate pairs in a text. */
export function astralCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n++;
        i++;
      }
    }
  }
  return n;
}
