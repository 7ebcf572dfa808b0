import type { Annotation } from '../model/annotation';
import type { ExportRequest, ExportResult, ExportWarning } from './formatTypes';
import { bundleName, describeAnnotation, leftOut, prepareDocument } from './exportSelection';

export const CSV_COLUMNS = ['file', 'start', 'end', 'label', 'text', 'value', 'note', 'annotator', 'status', 'source'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * Spreadsheet programs run a cell that starts with = + - @ tab or CR as a formula. The guard puts
 * a `'` before such a cell, and before a cell that already starts with quotes followed by one of
 * them, so that taking one quote off on import gives back exactly what was written.
 */
const GUARDED = /^'*[=+\-@\t\r]/;
const UNGUARD = /^'+[=+\-@\t\r]/;

/**
 * One row per annotation of every document, all statuses, offsets in code points. RFC 4180:
 * CRLF after every row, fields with a comma, quote, CR or LF in double quotes, quotes doubled.
 *
 * Options: `bom` starts the file with U+FEFF so Excel reads UTF-8 Arabic correctly; `formulaGuard`
 * (on by default) prefixes cells starting with = + - @ tab or CR with `'`, the usual defence
 * against CSV formula injection, since annotated news text and notes are untrusted input. The
 * guard alters those cells, and the export lists each one; turn it off for tools that read the
 * CSV as data only. Tawsim's CSV import takes the quote off again.
 */
export function exportCsv(request: ExportRequest): ExportResult {
  const bom = request.options?.csv?.bom ?? false;
  const guard = request.options?.csv?.formulaGuard ?? true;
  const warnings: ExportWarning[] = [];
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted', 'suggested', 'rejected']);
    warnings.push(...prepared.warnings);
    const guarded: { a: Annotation; columns: CsvColumn[] }[] = [];
    for (const a of prepared.annotations) {
      const cells: Record<CsvColumn, string> = {
        file: doc.path,
        start: String(a.start),
        end: String(a.end),
        label: a.label,
        text: a.text,
        value: a.value ?? '',
        note: a.note ?? '',
        annotator: doc.annotator ?? '',
        status: a.status,
        source: a.source,
      };
      const columns = guard ? CSV_COLUMNS.filter((col) => GUARDED.test(cells[col])) : [];
      if (columns.length) guarded.push({ a, columns });
      rows.push(CSV_COLUMNS.map((col) => csvField(cells[col], guard)).join(','));
    }
    if (guarded.length) {
      const list = guarded.map((g) => `${describeAnnotation(leftOut(g.a))} (${g.columns.join(', ')})`).join('; ');
      warnings.push({
        path: doc.path,
        message: `${doc.path}: cells starting with = + - @ tab or CR were written with a ' before them, so spreadsheets do not run them as formulas (export with the formula guard off to write them as they are; Tawsim's CSV import takes the ' off) (${guarded.length}): ${list}`,
        annotations: guarded.map((g) => leftOut(g.a)),
      });
    }
  }
  const content = `${bom ? '\ufeff' : ''}${rows.map((r) => `${r}\r\n`).join('')}`;
  return { files: [{ relativePath: bundleName(request.documents, request.options?.fileName, '.csv'), content }], warnings };
}

/** One RFC 4180 field, guarded against formula injection when asked. */
export function csvField(value: string, formulaGuard: boolean): string {
  const safe = formulaGuard && GUARDED.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A cell as it was before the formula guard. */
export function unguardCsvCell(value: string): string {
  return UNGUARD.test(value) ? value.slice(1) : value;
}
