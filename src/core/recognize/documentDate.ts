import { findTemporal } from './temporal';
import { normalizeArabic } from './normalize';
import { wordList } from './wordList';

/** A publication date found in the text, to offer the user as the document date. */
export interface DocumentDateCandidate {
  /** YYYY-MM-DD. */
  readonly date: string;
  /** UTF-16 span of the date expression in the text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LINES_TO_READ = 5;
const SHORT_LINE = 80;

/**
 * Looks for the publication date at the top of a news text: a dateline (`الرباط - 18 يناير 2023`,
 * `طنجة (7 نونبر 2022) -`), or a short line that carries a full date (`الأربعاء 18/01/2023`).
 * Only dates with day, month and year written out count; the first such one wins.
 */
export function findDocumentDate(text: string): DocumentDateCandidate | undefined {
  let lineStart = 0;
  let read = 0;
  while (lineStart <= text.length && read < LINES_TO_READ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim().length > 0) {
      read++;
      const found = dateInLine(line);
      if (found) return { ...found, start: found.start + lineStart, end: found.end + lineStart };
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

function dateInLine(line: string): DocumentDateCandidate | undefined {
  const normalized = normalizeArabic(line);
  const words = wordList(normalized);
  for (const m of findTemporal(words, undefined)) {
    if (!m.value || !FULL_DATE.test(m.value)) continue;
    const first = words[m.start] as (typeof words)[number];
    const last = words[m.end - 1] as (typeof words)[number];
    const start = normalized.offsets[first.start + m.skip] as number;
    const end = normalized.offsets[last.end] as number;
    const before = line.slice(0, start);
    // A dateline: a place or agency, then a dash or bracket, close to the line start; or a short line.
    const dateline = before.length <= 40 && /[-–—(:]\s*$/u.test(before);
    if (dateline || line.trim().length <= SHORT_LINE) return { date: m.value, start, end, text: line.slice(start, end) };
  }
  return undefined;
}
