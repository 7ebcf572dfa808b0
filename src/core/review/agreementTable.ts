import { codePointLength } from '../model/offsets';
import type { AgreementFigures, PairFigures } from './agreementFigures';
import type { Figure } from './figure';
import type { AgreementReport } from './measureAgreement';
import type { ReportStrings } from './reportStrings';
import { DEFAULT_REPORT_STRINGS } from './reportStrings';

export interface TableOptions {
  /** Add a row per label under each pair (`tawsim agree --by label`). */
  readonly byLabel?: boolean;
  /** Add each document's pair figures after the folder's. */
  readonly perDocument?: boolean;
  readonly strings?: Partial<ReportStrings>;
  /** Decimals shown (default 3). */
  readonly digits?: number;
}

/**
 * The figures as a plain-text table for the command line. An undefined figure shows as `n/a [k]`,
 * and note k under the table gives its reason, so the table stays narrow and nothing is hidden.
 */
export function formatAgreementTable(report: AgreementReport, options: TableOptions = {}): string {
  const s: ReportStrings = { ...DEFAULT_REPORT_STRINGS, ...options.strings };
  const notes: string[] = [];
  const cell = (f: Figure): string => {
    if (f.value !== null) return f.value.toFixed(options.digits ?? 3);
    let k = notes.indexOf(f.reason ?? '');
    if (k < 0) k = notes.push(f.reason ?? '') - 1;
    return `${s.notAvailable} [${k + 1}]`;
  };

  const out: string[] = [];
  const t = report.total;
  out.push(`${s.title}: ${s.documents} ${t.documents}, ${s.annotators} ${t.annotators.length} (${t.annotators.join(', ')}), ${s.tokens} ${t.tokens}, ${s.spans} ${t.spans}`);
  for (const e of t.excluded) out.push(`${s.excluded}: ${e.document !== undefined ? `${e.document}: ` : ''}${e.annotator} (${e.reason})`);
  out.push('');
  out.push(...pairTable(t, s, cell, options.byLabel === true));
  out.push('');
  out.push(...groupTable(t, s, cell, options.byLabel === true));
  if (options.perDocument === true) {
    for (const doc of report.documents) {
      out.push('', `${s.document}: ${doc.document} (${s.tokens} ${doc.figures.tokens}, ${s.spans} ${doc.figures.spans})`);
      out.push(...pairTable(doc.figures, s, cell, options.byLabel === true));
      out.push(...groupTable(doc.figures, s, cell, false).slice(1));
    }
  }
  const r = report.relations;
  if (r) {
    out.push(
      '',
      `${s.relations}: ${s.exactF1} ${cell(r.f1)}, ${s.exactPrecision} ${cell(r.precision)}, ${s.exactRecall} ${cell(r.recall)} (${s.relationCounts.replace('{0}', String(r.matched)).replace('{1}', String(r.onlyFirst)).replace('{2}', String(r.onlySecond))})`,
    );
  }
  if (notes.length > 0) {
    out.push('', `${s.notes}:`);
    notes.forEach((n, i) => out.push(`[${i + 1}] ${n}`));
  }
  return `${out.join('\n')}\n`;
}

function pairTable(f: AgreementFigures, s: ReportStrings, cell: (f: Figure) => string, byLabel: boolean): string[] {
  const header = [s.pair, s.label, `${s.spans} a/b`, s.exactPrecision, s.exactRecall, s.exactF1, s.overlapPrecision, s.overlapRecall, s.overlapF1, s.cohenKappa, s.tokens];
  const row = (p: PairFigures, label: string): string[] => [
    `${p.a} / ${p.b}`,
    label,
    `${p.exact.spansA}/${p.exact.spansB}`,
    cell(p.exact.precision),
    cell(p.exact.recall),
    cell(p.exact.f1),
    cell(p.overlap.precision),
    cell(p.overlap.recall),
    cell(p.overlap.f1),
    cell(p.cohenKappa),
    String(p.cohenKappa.items),
  ];
  const rows: string[][] = [];
  f.pairs.forEach((p, i) => {
    rows.push(row(p, s.allLabels));
    if (!byLabel) return;
    for (const l of f.labels) {
      const lp = l.pairs[i];
      // A label neither annotator of the pair used says nothing about the pair; JSON and CSV keep it.
      if (lp !== undefined && lp.exact.spansA + lp.exact.spansB > 0) rows.push(row(lp, labelName(l.label, l.known, s)));
    }
  });
  return rows.length === 0 ? [] : layout([header, ...rows]);
}

function groupTable(f: AgreementFigures, s: ReportStrings, cell: (f: Figure) => string, byLabel: boolean): string[] {
  const rows: string[][] = [
    [s.label, s.spans, s.krippendorffAlpha, s.fleissKappa, s.tokens],
    [s.allLabels, String(f.spans), cell(f.krippendorffAlpha), cell(f.fleissKappa), String(f.krippendorffAlpha.items)],
  ];
  if (byLabel) {
    for (const l of f.labels) {
      rows.push([labelName(l.label, l.known, s), String(l.spans), cell(l.krippendorffAlpha), cell(l.fleissKappa), String(l.krippendorffAlpha.items)]);
    }
  }
  return [`${s.groupFigures}:`, ...layout(rows)];
}

function labelName(label: string, known: boolean | null, s: ReportStrings): string {
  return known === false ? `${label} (${s.unknownLabel})` : label;
}

/** Left-aligned columns padded by code points, two spaces apart; a rule under the header. */
function layout(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, codePointLength(c))));
  const line = (r: readonly string[]): string => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat((widths[i] ?? 0) - codePointLength(c)))).join('  ');
  const [header, ...body] = rows;
  if (header === undefined) return [];
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
}
