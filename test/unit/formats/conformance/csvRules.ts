import { pySlice } from './python';

/**
 * RFC 4180, restated strictly: records end with CRLF; a field is either plain (no comma, quote,
 * CR or LF) or quoted, with quotes doubled inside. Python's csv module reads this the same way.
 */
export function readRfc4180(text: string): { rows: string[][]; problems: string[] } {
  const rows: string[][] = [];
  const problems: string[] = [];
  let row: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          problems.push('unterminated quoted field');
          return { rows, problems };
        }
        field += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          field += '"';
          i++;
        } else break;
      }
    } else {
      const m = /^[^,\r\n"]*/.exec(text.slice(i))?.[0] ?? '';
      field = m;
      i += m.length;
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.slice(i, i + 2) === '\r\n') {
      i += 2;
      rows.push(row);
      row = [];
    } else {
      problems.push(`record end expected at ${i}`);
      return { rows, problems };
    }
  }
  return { rows, problems };
}

/** Every data row's text is the document's text[start:end], once the formula guard's quote is taken off where it was put. */
export function csvTextProblems(rows: readonly string[][], texts: ReadonlyMap<string, string>, guarded: boolean): string[] {
  const [header, ...data] = rows;
  const col = (name: string): number => header?.indexOf(name) ?? -1;
  const problems: string[] = [];
  for (const [k, r] of data.entries()) {
    const file = r[col('file')] ?? '';
    const txt = texts.get(guarded ? file.replace(/^'(?='*[=+\-@\t\r])/, '') : file);
    if (txt === undefined) {
      problems.push(`row ${k + 2}: no document ${file}`);
      continue;
    }
    const stated = r[col('text')] ?? '';
    const text = guarded ? stated.replace(/^'(?='*[=+\-@\t\r])/, '') : stated;
    if (text !== pySlice(txt, Number(r[col('start')]), Number(r[col('end')]))) problems.push(`row ${k + 2}: text is not txt[start:end]`);
  }
  return problems;
}
