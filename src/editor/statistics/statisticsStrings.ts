import * as vscode from 'vscode';

/**
 * Every string the statistics page shows, in the display language: the page has no access to
 * `vscode.l10n`, so the extension localises and sends them with the figures.
 */
export function statisticsStrings(): Record<string, string> {
  return {
    title: vscode.l10n.t('Annotation Statistics'),
    refresh: vscode.l10n.t('Refresh'),
    progress: vscode.l10n.t('Progress'),
    assignedProgress: vscode.l10n.t('Done per annotator (texts assigned in the project)'),
    assignedHint: vscode.l10n.t('Assigned texts whose own sidecar is marked done; {0} more in progress'),
    documents: vscode.l10n.t('Documents'),
    document: vscode.l10n.t('Document'),
    annotated: vscode.l10n.t('Annotated'),
    annotatedHint: vscode.l10n.t('Documents with at least one accepted tag'),
    reviewed: vscode.l10n.t('Reviewed'),
    reviewedHint: vscode.l10n.t('Documents with a gold sidecar or review decisions'),
    accepted: vscode.l10n.t('Accepted'),
    suggested: vscode.l10n.t('Suggested'),
    rejected: vscode.l10n.t('Rejected'),
    orphans: vscode.l10n.t('Orphans'),
    gold: vscode.l10n.t('Gold'),
    annotators: vscode.l10n.t('Annotators'),
    byLabel: vscode.l10n.t('By label'),
    byAnnotator: vscode.l10n.t('By annotator'),
    byDocument: vscode.l10n.t('By document'),
    unknownLabel: vscode.l10n.t('not in the label set'),
    yes: vscode.l10n.t('yes'),
    no: vscode.l10n.t('no'),
    ofTotal: vscode.l10n.t('{0} of {1}'),
    noData: vscode.l10n.t('No annotated documents in this workspace yet.'),
    openHint: vscode.l10n.t('Open the document'),
    chartHint: vscode.l10n.t('Bars: accepted tags; the lighter part: suggested.'),
    model: vscode.l10n.t('Model'),
    modelBase: vscode.l10n.t('The base model (trained on ANERcorp); no re-fit on this workspace yet.'),
    modelWorkspace: vscode.l10n.t('Re-fitted on this workspace: trained on {0} lines, {1} held out (every fifth), {2}.'),
    modelRefitting: vscode.l10n.t('Re-fitting in the background…'),
    modelOnline: vscode.l10n.t('Decisions learned online since: {0}'),
    modelHeldOut: vscode.l10n.t('The model on the held-out lines'),
    modelKeptBase: vscode.l10n.t('Trained on these lines, the model did worse on the held-out lines than the model it started from, which is kept.'),
    rulesHeldOut: vscode.l10n.t('The rules on the same lines'),
    ruleLabels: vscode.l10n.t('Left to the rules (they did better): {0}'),
    label: vscode.l10n.t('Label'),
    goldCount: vscode.l10n.t('Gold'),
    found: vscode.l10n.t('Found'),
    right: vscode.l10n.t('Right'),
    precision: vscode.l10n.t('Precision'),
    recall: vscode.l10n.t('Recall'),
    f1: vscode.l10n.t('F1'),
  };
}
