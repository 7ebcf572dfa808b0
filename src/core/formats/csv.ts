import type { ExportRequest, ExportResult, ExportWarning } from './formatTypes';
import { bundleName, prepareDocument } from './exportSelection';

export const CSV_COLUMNS = ['file', 'start', 'end', 'label', 'text', 'value', 'note', 'annotator', 'status', 'source'] as const;

/** Spreadsheet programs run a cell that starts with one of these as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One row per annotation of every document, all statuses, offsets in code points. RFC 4180:
 * CRLF after every row, fields with a comma, quote, CR or LF in double quotes, quotes doubled.
 *
 * Options: `bom` starts the file with U+FEFF so Excel reads UTF-8 Arabic correctly; `formulaGuard`
 * (on by default) prefixes text cells starting with = + - @ tab or CR with `'`, the usual defence
 * against CSV formula injection, since annotated news text and notes are untrusted input. The
 * guard alters those cells; turn it off for tools that read the CSV as data only.
 */
export function exportCsv(request: ExportRequest): ExportResult {
  const bom = request.options?.csv?.bom ?? false;
  const guard = request.options?.csv?.formulaGuard ?? true;
  const warnings: ExportWarning[] = [];
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const doc of request.documents) {
    const prepared = prepareDocument(doc, ['accepted', 'suggested', 'rejected']);
    warnings.push(...prepared.warnings);
    for (const a of prepared.annotations) {
      const text = (s: string | undefined): string => csvField(s ?? '', guard);
      rows.push(
        [text(doc.path), String(a.start), String(a.end), text(a.label), text(a.text), text(a.value), text(a.note), text(doc.annotator), text(a.status), text(a.source)].join(','),
      );
    }
  }
  const content = `${bom ? '\ufeff' : ''}${rows.map((r) => `${r}\r\n`).join('')}`;
  return { files: [{ relativePath: bundleName(request.documents, request.options?.fileName, '.csv'), content }], warnings };
}

/** One RFC 4180 field, guarded against formula injection when asked. */
export function csvField(value: string, formulaGuard: boolean): string {
  const safe = formulaGuard && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
