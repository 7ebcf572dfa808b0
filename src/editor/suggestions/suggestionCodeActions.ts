import * as vscode from 'vscode';
import type { AnnotationStores } from '../annotationStores';
import type { SuggestionEngine } from './suggestionEngine';
import { CommandId } from '../commandIds';

/** The light bulb on a suggestion: Accept or Reject it, or accept all of its label. */
export class SuggestionCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly stores: AnnotationStores,
    private readonly engine: SuggestionEngine,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const store = this.stores.get(document.uri);
    if (!store) return [];
    const start = document.offsetAt(range.start);
    const end = document.offsetAt(range.end);
    const live = this.engine.suggestionsIn(store, start, end).map((s) => ({ key: s.key, label: s.label, text: s.text }));
    const stored = store.tracked
      .inRange(start, end)
      .filter((a) => a.status === 'suggested')
      .map((a) => ({ key: `${a.start}:${a.end}:${a.label}`, label: a.label, text: a.text }));
    const actions: vscode.CodeAction[] = [];
    for (const s of [...live, ...stored]) {
      const args = [{ uri: document.uri.toString(), key: s.key }];
      const accept = new vscode.CodeAction(vscode.l10n.t('Accept {0} «{1}»', s.label, s.text), vscode.CodeActionKind.QuickFix);
      accept.command = { command: CommandId.accept, title: accept.title, arguments: args };
      accept.isPreferred = true;
      const reject = new vscode.CodeAction(vscode.l10n.t('Reject {0} «{1}»', s.label, s.text), vscode.CodeActionKind.QuickFix);
      reject.command = { command: CommandId.reject, title: reject.title, arguments: args };
      actions.push(accept, reject);
    }
    const labels = [...new Set([...live, ...stored].map((s) => s.label))];
    for (const label of labels) {
      const all = new vscode.CodeAction(vscode.l10n.t('Accept all {0} suggestions', label), vscode.CodeActionKind.QuickFix);
      all.command = { command: CommandId.acceptAll, title: all.title, arguments: [{ uri: document.uri.toString(), label }] };
      actions.push(all);
    }
    return actions;
  }
}
