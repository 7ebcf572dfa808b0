import Papa from 'papaparse';
import { ANNOTATION_STATUSES } from '../model/annotation';
import type { AnnotationStatus } from '../model/annotation';
import type { ImportRequest, ImportResult } from './formatTypes';
import { ImportCollector } from './importCollector';
import type { CsvColumn } from './csv';
import { CSV_COLUMNS, unguardCsvCell } from './csv';

const REQUIRED: readonly CsvColumn[] = ['file', 'start', 'end', 'label'];

/**
 * Reads a CSV of annotations, one row per span, RFC 4180 (through papaparse): a header row names
 * the columns (Tawsim's own export has file, start, end, label, text, value, note, annotator,
 * status, source; file, start, end and label are required, the rest optional, in any order).
 * Offsets are code points; the `text` cell, when present, is checked against the document. The
 * annotator column gives one set of annotations per annotator; the formula guard's leading `'`
 * is taken off unless the file was written without it.
 */
export function importCsv(request: ImportRequest): ImportResult {
  const c = new ImportCollector(request);
  if (!c.checkSize()) return c.result();
  const content = request.content.replace(/^\ufeff/, '');
  const guard = request.options?.csv?.formulaGuard ?? true;
  const cell = (v: string | undefined): string => (v === undefined ? '' : guard ? unguardCsvCell(v) : v);
  // Lines are counted as the parser moves on, so each row's line costs only the row's own length.
  let from = 0;
  let lineOfFrom = 1;
  const linesBetween = (start: number, end: number): number => {
    let n = 0;
    for (let i = content.indexOf('\n', start); i >= 0 && i < end; i = content.indexOf('\n', i + 1)) n++;
    return n;
  };
  let header: string[] | undefined;
  let columns: Partial<Record<CsvColumn, number>> = {};
  Papa.parse<string[]>(content, {
    delimiter: ',',
    quoteChar: '"',
    step: (row) => {
      const line = lineOfFrom;
      for (const e of row.errors) c.error({ line: line + linesBetween(from, Math.max(from, e.index ?? from)) }, `not valid CSV: ${e.message}`);
      lineOfFrom += linesBetween(from, row.meta.cursor);
      from = row.meta.cursor;
      const fields = row.data;
      if (fields.length === 1 && fields[0] === '') return;
      if (!header) {
        header = fields.map((f) => f.trim());
        columns = Object.fromEntries(CSV_COLUMNS.map((col) => [col, header?.indexOf(col) ?? -1]).filter(([, i]) => (i as number) >= 0));
        const missing = REQUIRED.filter((col) => columns[col] === undefined);
        if (missing.length) c.error({ line }, `the header row must name the columns ${REQUIRED.join(', ')} (missing: ${missing.join(', ')})`);
        const others = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
        if (others.length) c.warn(`columns not imported: ${others.join(', ')}`);
        return;
      }
      const get = (col: CsvColumn): string | undefined => {
        const i = columns[col];
        return i === undefined ? undefined : fields[i];
      };
      const path = get('file');
      if (path === undefined || path === '') return void c.error({ line }, 'the file cell is empty');
      const doc = c.documentByPath(cell(path), { line });
      if (!doc) return;
      const status = get('status') === undefined || get('status') === '' ? 'accepted' : cell(get('status'));
      if (!ANNOTATION_STATUSES.includes(status as AnnotationStatus))
        return void c.error({ line }, `status ${JSON.stringify(status)} is not one of ${ANNOTATION_STATUSES.join(', ')}`);
      const annotator = cell(get('annotator'));
      const target = c.open(doc, annotator !== '' ? { annotator } : {});
      const number = (v: string | undefined): unknown => (v !== undefined && /^\d+$/.test(v.trim()) ? Number(v.trim()) : v);
      const text = get('text');
      const value = cell(get('value'));
      const note = cell(get('note'));
      c.addSpan(
        target,
        {
          start: number(get('start')),
          end: number(get('end')),
          label: cell(get('label')),
          status: status as AnnotationStatus,
          ...(text !== undefined ? { text: cell(text) } : {}),
          ...(value !== '' ? { value } : {}),
          ...(note !== '' ? { note } : {}),
        },
        { line },
      );
    },
  });
  if (!header) c.error({}, 'the file is empty: a header row naming the columns is needed');
  return c.result();
}
