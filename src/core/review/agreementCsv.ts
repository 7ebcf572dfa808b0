import type { AgreementFigures, PairFigures } from './agreementFigures';
import type { Figure } from './figure';
import type { AgreementReport } from './measureAgreement';
import type { RelationFigures } from './relationAgreement';

export const CSV_COLUMNS = ['scope', 'document', 'annotator_a', 'annotator_b', 'label', 'label_b', 'metric', 'value', 'items', 'unit', 'reason'] as const;

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

/**
 * The report as CSV (RFC 4180, CRLF line ends), one figure per row so every figure keeps its item
 * count and reason: rows for the folder (scope `total`) then for each document. `label` is empty for
 * all labels together; confusion-matrix cells use `label` (first annotator) and `label_b` (second).
 */
export function agreementToCsv(report: AgreementReport): string {
  const rows: Row[] = [];
  pushFigures(rows, 'total', '', report.total);
  if (report.relations) pushRelations(rows, report.relations);
  for (const doc of report.documents) pushFigures(rows, 'document', doc.document, doc.figures);
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function pushFigures(rows: Row[], scope: string, document: string, f: AgreementFigures): void {
  const base = { scope, document, annotator_a: '', annotator_b: '', label: '', label_b: '' };
  rows.push(countRow(base, 'tokens', f.tokens, 'tokens'), countRow(base, 'spans', f.spans, 'spans'));
  for (const e of f.excluded) {
    rows.push({ ...base, document: e.document ?? document, annotator_a: e.annotator, metric: 'excluded', value: '', items: '', unit: '', reason: e.reason });
  }
  rows.push(figureRow(base, 'krippendorff_alpha', f.krippendorffAlpha), figureRow(base, 'fleiss_kappa', f.fleissKappa));
  for (const p of f.pairs) pushPair(rows, { ...base }, p);
  for (const l of f.labels) {
    const labelled = { ...base, label: l.label };
    rows.push(countRow(labelled, 'spans', l.spans, 'spans'));
    rows.push(figureRow(labelled, 'krippendorff_alpha', l.krippendorffAlpha), figureRow(labelled, 'fleiss_kappa', l.fleissKappa));
    for (const p of l.pairs) pushPair(rows, labelled, p);
  }
  for (const m of f.confusion) {
    m.labels.forEach((row, i) =>
      m.labels.forEach((column, j) => {
        const n = m.counts[i]?.[j] ?? 0;
        rows.push({
          ...base,
          annotator_a: m.a,
          annotator_b: m.b,
          label: row,
          label_b: column,
          metric: 'confusion',
          value: String(n),
          items: String(m.tokens),
          unit: 'tokens',
          reason: '',
        });
      }),
    );
  }
}

/**
 * Relation agreement over the folder (all pairs summed, as in the report): metrics prefixed
 * `relation_`, counted in relations (each a pair of spans, hence the unit `spans`).
 */
function pushRelations(rows: Row[], r: RelationFigures): void {
  const base = { scope: 'total', document: '', annotator_a: '', annotator_b: '', label: '', label_b: '' };
  rows.push(figureRow(base, 'relation_precision', r.precision), figureRow(base, 'relation_recall', r.recall), figureRow(base, 'relation_f1', r.f1));
  rows.push(
    countRow(base, 'relations', r.relations, 'spans'),
    countRow(base, 'relation_matched', r.matched, 'spans'),
    countRow(base, 'relation_only_a', r.onlyFirst, 'spans'),
    countRow(base, 'relation_only_b', r.onlySecond, 'spans'),
  );
}

function pushPair(rows: Row[], base: Omit<Row, 'metric' | 'value' | 'items' | 'unit' | 'reason'>, p: PairFigures): void {
  const b = { ...base, annotator_a: p.a, annotator_b: p.b };
  for (const [kind, s] of [
    ['exact', p.exact],
    ['overlap', p.overlap],
  ] as const) {
    rows.push(figureRow(b, `${kind}_precision`, s.precision), figureRow(b, `${kind}_recall`, s.recall), figureRow(b, `${kind}_f1`, s.f1));
    rows.push(countRow(b, `${kind}_matched`, s.matched, 'spans'));
  }
  rows.push(countRow(b, 'spans_a', p.exact.spansA, 'spans'), countRow(b, 'spans_b', p.exact.spansB, 'spans'));
  rows.push(figureRow(b, 'cohen_kappa', p.cohenKappa));
}

function figureRow(base: Omit<Row, 'metric' | 'value' | 'items' | 'unit' | 'reason'>, metric: string, f: Figure): Row {
  return { ...base, metric, value: f.value === null ? '' : String(f.value), items: String(f.items), unit: f.unit, reason: f.reason ?? '' };
}

function countRow(base: Omit<Row, 'metric' | 'value' | 'items' | 'unit' | 'reason'>, metric: string, n: number, unit: string): Row {
  return { ...base, metric, value: String(n), items: String(n), unit, reason: '' };
}

/**
 * Quotes when needed. A field starting with = + - @ is prefixed with an apostrophe, because document
 * names and labels come from users and spreadsheets would run them as formulas; numbers never start so
 * except negative κ, which is left alone.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
