import * as vscode from 'vscode';
import type { ReviewSessions } from './reviewSessions';
import type { DocumentReview } from './reviewTypes';
import { disagreementMessage } from './reviewText';
import { reviewRange } from './reviewRanges';

export const REVIEW_DIAGNOSTIC_SOURCE = 'Tawsim review';

/**
 * Open disagreements as Information diagnostics on the document (so the Problems panel lists them
 * and code actions can offer the decisions), and sidecars left out of the review (unreadable or
 * stale) as warnings on those files, with the reason.
 */
export class ReviewDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('tawsim-review');
  /** Per document under review, the sidecar files that got a diagnostic, to clear them later. */
  private readonly sidecarsOf = new Map<string, vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly sessions: ReviewSessions) {
    this.disposables.push(
      this.collection,
      sessions.onDidChange((uri) => this.update(uri)),
    );
  }

  private update(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const s of this.sidecarsOf.get(key) ?? []) this.collection.delete(s);
    this.sidecarsOf.delete(key);
    const review = this.sessions.get(uri);
    if (!review) {
      this.collection.delete(uri);
      return;
    }
    this.collection.set(uri, disagreementDiagnostics(review));
    const touched: vscode.Uri[] = [];
    for (const f of review.failures) {
      const line = Math.max(0, (f.line ?? 1) - 1);
      this.collection.set(f.uri, [
        diagnostic(new vscode.Range(line, 0, line, 1), vscode.l10n.t('{0}. It is left out of the review and the figures.', f.reason), vscode.DiagnosticSeverity.Warning),
      ]);
      touched.push(f.uri);
    }
    for (const s of review.sets) {
      if (s.stale !== true) continue;
      this.collection.set(s.uri, [
        diagnostic(new vscode.Range(0, 0, 0, 1), vscode.l10n.t('Left out of the review of {0}: {1}', s.annotator, s.staleReason ?? ''), vscode.DiagnosticSeverity.Warning),
      ]);
      touched.push(s.uri);
    }
    this.sidecarsOf.set(key, touched);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function disagreementDiagnostics(review: DocumentReview): vscode.Diagnostic[] {
  return review.comparison.disagreements
    .filter((d) => review.state.openIds.includes(d.id))
    .map((d) => {
      const diag = diagnostic(reviewRange(review, d.start, d.end), disagreementMessage(d), vscode.DiagnosticSeverity.Information);
      diag.code = d.id;
      return diag;
    });
}

function diagnostic(range: vscode.Range, message: string, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
  const d = new vscode.Diagnostic(range, message, severity);
  d.source = REVIEW_DIAGNOSTIC_SOURCE;
  return d;
}
