/*
 * Python's string rules, restated for the conformance checks (the readers under test are Python
 * programs: brat, spaCy, Python's csv). Written from Python's documentation, independently of
 * src/core/formats/pythonText.ts, so that the checks test that code rather than repeat it.
 */

/** `str.splitlines()` boundaries: \n \r \r\n \v \f \x1c \x1d \x1e \x85 U+2028 U+2029. */
const LINE_BOUNDARY = new Set(['\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029']);

export function isPythonLineBoundary(ch: string): boolean {
  return LINE_BOUNDARY.has(ch);
}

/** `str.splitlines(keepends=False)`. */
export function pythonSplitlines(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (LINE_BOUNDARY.has(ch)) {
      lines.push(line);
      line = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else line += ch;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `str.isspace()` for one character: bidirectional class WS, B or S, or category Zs. */
export function isPythonSpace(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x1c && c <= 0x20) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** `str.split()` without arguments. */
export function pythonSplit(text: string): string[] {
  const parts: string[] = [];
  let part = '';
  for (const ch of text) {
    if (isPythonSpace(ch)) {
      if (part !== '') parts.push(part);
      part = '';
    } else part += ch;
  }
  if (part !== '') parts.push(part);
  return parts;
}

/** `str.strip()` without arguments. */
export function pythonStrip(text: string): string {
  const cps = Array.from(text);
  let from = 0;
  let to = cps.length;
  while (from < to && isPythonSpace(cps[from] as string)) from++;
  while (to > from && isPythonSpace(cps[to - 1] as string)) to--;
  return cps.slice(from, to).join('');
}

/** `text[start:end]` in code points, as Python slices a str. */
export function pySlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

export function pyLen(text: string): number {
  return Array.from(text).length;
}
