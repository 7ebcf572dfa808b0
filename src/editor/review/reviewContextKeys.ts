import * as vscode from 'vscode';
import type { AnnotatorSuggestions } from './annotatorSuggestions';
import type { ReviewSessions } from './reviewSessions';

/**
 * Context keys for the review commands' `when` clauses: `tawsim.underReview` (the active editor's
 * document is under review), `tawsim.reviewHasOpen` (it has open disagreements) and
 * `tawsim.reviewingAnnotator` (another annotator's tags are on offer in it).
 */
export class ReviewContextKeys implements vscode.Disposable {
  private last = '';
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly sessions: ReviewSessions,
    private readonly suggestions: AnnotatorSuggestions,
  ) {
    this.disposables.push(
      sessions.onDidChange(() => this.update()),
      suggestions.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const review = uri && this.sessions.get(uri);
    const keys: Record<string, boolean> = {
      'tawsim.underReview': review !== undefined,
      'tawsim.reviewHasOpen': (review?.state.open ?? 0) > 0,
      'tawsim.reviewingAnnotator': uri !== undefined && this.suggestions.annotatorOf(uri) !== undefined,
    };
    const snapshot = JSON.stringify(keys);
    if (snapshot === this.last) return;
    this.last = snapshot;
    for (const [key, value] of Object.entries(keys)) void vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
