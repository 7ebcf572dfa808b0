/*
 * How Python reads text, which is how brat, spaCy, seqeval-based scripts and Python's csv module
 * read what Tawsim writes. JavaScript disagrees in two places that matter for exports:
 * - `str.splitlines()` ends a line at \n, \r, \r\n, \v, \f, \x1c, \x1d, \x1e, \x85, U+2028 and
 *   U+2029 (brat reads .ann files this way), where a JavaScript reader sees only \n and \r;
 * - `str.split()` and `str.isspace()` treat the Unicode White_Space set plus \x1c–\x1f as white
 *   space, where JavaScript's \s misses \x85 and \x1c–\x1f and adds U+FEFF.
 */

/** One line end as `str.splitlines()` sees it; \r\n counts as one. */
// eslint-disable-next-line no-control-regex
export const PYTHON_LINE_BREAK = /\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/u;

/** Every line end, for replacing or splitting. */
// eslint-disable-next-line no-control-regex
export const PYTHON_LINE_BREAKS = /\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/gu;

/** One character Python's `str.split()` splits at. */
// eslint-disable-next-line no-control-regex
export const PYTHON_SPACE = /[\p{White_Space}\x1c-\x1f]/u;

/** Runs of such characters. */
// eslint-disable-next-line no-control-regex
export const PYTHON_SPACES = /[\p{White_Space}\x1c-\x1f]+/gu;

/** Runs of characters Python's `str.split()` keeps together. */
// eslint-disable-next-line no-control-regex
export const PYTHON_NON_SPACE = /[^\p{White_Space}\x1c-\x1f]+/gu;

/**
 * `str.splitlines()`: the lines of a text without their line ends. A final line end does not
 * start another (empty) line, as in Python.
 */
export function splitPythonLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(PYTHON_LINE_BREAKS);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Whether a string holds a character that ends a line for Python. */
export function hasPythonLineBreak(text: string): boolean {
  return PYTHON_LINE_BREAK.test(text);
}
