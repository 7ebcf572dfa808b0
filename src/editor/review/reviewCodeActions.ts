import * as vscode from 'vscode';
import type { AnnotatorSuggestions } from './annotatorSuggestions';
import { ReviewCommandId } from './reviewCommandIds';
import { REVIEW_DIAGNOSTIC_SOURCE } from './reviewDiagnostics';
import type { ReviewSessions } from './reviewSessions';
import { proposalTitle } from './reviewText';

/**
 * Quick fixes at the cursor for the review: accept, reject or relabel each proposal of the
 * disagreement there, or take one annotator's boundaries; and accept or reject another annotator's
 * offered tag. Each runs the same command as the tree and the hover.
 */
export class ReviewCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly sessions: ReviewSessions,
    private readonly suggestions: AnnotatorSuggestions,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const uri = document.uri.toString();
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const review = this.sessions.get(document.uri);
    if (review && review.text === document.getText()) {
      const from = review.index.toCodePoint(start);
      const to = review.index.toCodePoint(end);
      for (const d of review.comparison.disagreements) {
        if (d.end < from || d.start > to || !review.state.openIds.includes(d.id)) continue;
        const diagnostics = context.diagnostics.filter((x) => x.source === REVIEW_DIAGNOSTIC_SOURCE && x.code === d.id);
        for (const p of d.proposals) {
          const args = { uri, disagreementId: d.id, start: p.start, end: p.end, label: p.label };
          actions.push(
            action(vscode.l10n.t('Accept {0} into gold ({1})', proposalTitle(p), p.by.join(', ')), ReviewCommandId.acceptProposal, args, diagnostics, d.proposals.length === 1),
          );
          actions.push(action(vscode.l10n.t('Reject {0}', proposalTitle(p)), ReviewCommandId.rejectProposal, args, diagnostics));
          actions.push(action(vscode.l10n.t('Relabel {0}…', proposalTitle(p)), ReviewCommandId.relabelProposal, args, diagnostics));
        }
        for (const a of d.annotators) {
          actions.push(
            action(vscode.l10n.t('Take the boundaries of {0}', a.annotator), ReviewCommandId.takeBoundaries, { uri, disagreementId: d.id, annotator: a.annotator }, diagnostics),
          );
        }
      }
    }
    for (const s of this.suggestions.pending(document)) {
      if (s.annotation.end < start || s.annotation.start > end) continue;
      const args = { uri, annotator: s.annotator, id: s.annotation.id };
      actions.push(action(vscode.l10n.t('Accept {0} from {1} into my tags', proposalTitle(s.annotation), s.annotator), ReviewCommandId.acceptAnnotatorTag, args, []));
      actions.push(action(vscode.l10n.t('Reject {0} from {1}', proposalTitle(s.annotation), s.annotator), ReviewCommandId.rejectAnnotatorTag, args, []));
    }
    return actions;
  }
}

function action(title: string, command: string, args: unknown, diagnostics: vscode.Diagnostic[], preferred = false): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.command = { title, command, arguments: [args] };
  a.diagnostics = diagnostics;
  a.isPreferred = preferred;
  return a;
}
