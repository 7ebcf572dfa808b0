import type { AgreementReport } from './measureAgreement';

/**
 * Every user-visible string of the agreement table and report webview. Core holds the English
 * defaults only; the extension and the command line pass translated ones.
 */
export interface ReportStrings {
  readonly title: string;
  readonly documents: string;
  readonly document: string;
  readonly annotators: string;
  readonly tokens: string;
  readonly spans: string;
  readonly excluded: string;
  readonly pair: string;
  readonly label: string;
  readonly allLabels: string;
  readonly unknownLabel: string;
  readonly exactPrecision: string;
  readonly exactRecall: string;
  readonly exactF1: string;
  readonly overlapPrecision: string;
  readonly overlapRecall: string;
  readonly overlapF1: string;
  readonly cohenKappa: string;
  readonly krippendorffAlpha: string;
  readonly fleissKappa: string;
  readonly notAvailable: string;
  readonly notes: string;
  readonly confusion: string;
  readonly confusionHint: string;
  readonly perLabel: string;
  readonly perDocument: string;
  readonly groupFigures: string;
  readonly exportCsv: string;
  readonly exportJson: string;
  readonly noData: string;
  readonly sortHint: string;
  readonly method: string;
  /** Heading of the relation agreement line. */
  readonly relations: string;
  /** Counts of the relation line: {0} matched, {1} only the first annotator's, {2} only the second's. */
  readonly relationCounts: string;
}

export const DEFAULT_REPORT_STRINGS: ReportStrings = {
  relations: 'Relations (same type, same argument spans)',
  relationCounts: "{0} matched, {1} only the first annotator's, {2} only the second's",
  title: 'Agreement',
  documents: 'Documents',
  document: 'Document',
  annotators: 'Annotators',
  tokens: 'Tokens',
  spans: 'Spans',
  excluded: 'Excluded',
  pair: 'Pair',
  label: 'Label',
  allLabels: '(all labels)',
  unknownLabel: 'not in the label set',
  exactPrecision: 'Exact P',
  exactRecall: 'Exact R',
  exactF1: 'Exact F1',
  overlapPrecision: 'Overlap P',
  overlapRecall: 'Overlap R',
  overlapF1: 'Overlap F1',
  cohenKappa: 'Cohen κ',
  krippendorffAlpha: 'Krippendorff α',
  fleissKappa: 'Fleiss κ',
  notAvailable: 'n/a',
  notes: 'Notes',
  confusion: 'Confusion matrix',
  confusionHint: 'Tokens; rows: first annotator, columns: second annotator.',
  perLabel: 'By label',
  perDocument: 'By document',
  groupFigures: 'All annotators',
  exportCsv: 'Export CSV',
  exportJson: 'Export JSON',
  noData: 'No figures to show.',
  sortHint: 'Click a column heading to sort.',
  method: 'Method',
};

/** What the extension posts to the report webview (media/agreement/report.js). */
export interface AgreementReportMessage {
  readonly type: 'report';
  readonly report: AgreementReport;
  readonly strings: ReportStrings;
}

/** What the report webview posts back when an export button is pressed. */
export interface AgreementExportRequest {
  readonly type: 'export';
  readonly format: 'csv' | 'json';
}

export function reportMessage(report: AgreementReport, strings: Partial<ReportStrings> = {}): AgreementReportMessage {
  return { type: 'report', report, strings: { ...DEFAULT_REPORT_STRINGS, ...strings } };
}
