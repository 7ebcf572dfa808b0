import * as vscode from 'vscode';
import type { ReportStrings } from '../../core/review/reportStrings';

/**
 * The agreement report's strings in the display language. Each goes through `vscode.l10n.t`, so an
 * Arabic VS Code (`vscode.env.language` starting with `ar`) gets the Arabic bundle's strings.
 */
export function localReportStrings(): ReportStrings {
  return {
    title: vscode.l10n.t('Agreement'),
    relations: vscode.l10n.t('Relations (same type, same argument spans)'),
    // The placeholders stay for the table to fill with counts.
    relationCounts: vscode.l10n.t("{0} matched, {1} only the first annotator's, {2} only the second's", '{0}', '{1}', '{2}'),
    documents: vscode.l10n.t('Documents'),
    document: vscode.l10n.t('Document'),
    annotators: vscode.l10n.t('Annotators'),
    tokens: vscode.l10n.t('Tokens'),
    spans: vscode.l10n.t('Spans'),
    excluded: vscode.l10n.t('Excluded'),
    pair: vscode.l10n.t('Pair'),
    label: vscode.l10n.t('Label'),
    allLabels: vscode.l10n.t('(all labels)'),
    unknownLabel: vscode.l10n.t('not in the label set'),
    exactPrecision: vscode.l10n.t('Exact P'),
    exactRecall: vscode.l10n.t('Exact R'),
    exactF1: vscode.l10n.t('Exact F1'),
    overlapPrecision: vscode.l10n.t('Overlap P'),
    overlapRecall: vscode.l10n.t('Overlap R'),
    overlapF1: vscode.l10n.t('Overlap F1'),
    cohenKappa: vscode.l10n.t('Cohen κ'),
    krippendorffAlpha: vscode.l10n.t('Krippendorff α'),
    fleissKappa: vscode.l10n.t('Fleiss κ'),
    notAvailable: vscode.l10n.t('n/a'),
    notes: vscode.l10n.t('Notes'),
    confusion: vscode.l10n.t('Confusion matrix'),
    confusionHint: vscode.l10n.t('Tokens; rows: first annotator, columns: second annotator.'),
    perLabel: vscode.l10n.t('By label'),
    perDocument: vscode.l10n.t('By document'),
    groupFigures: vscode.l10n.t('All annotators'),
    exportCsv: vscode.l10n.t('Export CSV'),
    exportJson: vscode.l10n.t('Export JSON'),
    noData: vscode.l10n.t('No figures to show.'),
    sortHint: vscode.l10n.t('Click a column heading to sort.'),
    method: vscode.l10n.t('Method'),
  };
}

/** Whether the report page reads right to left. */
export function isArabicUi(): boolean {
  return vscode.env.language.startsWith('ar');
}
