import * as vscode from 'vscode';
import type { Services } from '../services';
import type { SuggestionEngine } from '../suggestions/suggestionEngine';
import { uncertainSpans } from '../suggestions/uncertainSuggestions';
import type { UncertainSpan } from '../suggestions/uncertainSuggestions';

/**
 * Next Uncertain: selects the model's least sure suggestion, in the active document first and
 * then across the other open documents. Run again, it goes to the next least sure one after the
 * suggestion under the selection, so repeated presses walk the doubtful spans in order of doubt.
 * Returns the suggestion gone to, or undefined when the model has no suggestion anywhere.
 */
export async function nextUncertain(services: Services, engine: SuggestionEngine): Promise<UncertainSpan | undefined> {
  const editor = vscode.window.activeTextEditor;
  const active = editor ? services.stores.get(editor.document.uri) : undefined;
  if (active) await engine.refresh(active);
  const spans = uncertainSpans(services.stores, engine);
  if (spans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The model has no suggestion in the open documents.'));
    return undefined;
  }
  let next = spans[0] as UncertainSpan;
  if (editor && active) {
    const at = editor.document.offsetAt(editor.selection.start);
    const end = editor.document.offsetAt(editor.selection.end);
    const current = spans.findIndex((u) => u.store === active && u.suggestion.start === at && u.suggestion.end === end);
    if (current >= 0) next = spans[(current + 1) % spans.length] as UncertainSpan;
  }
  const document = services.stores.documentOf(next.store) ?? (await vscode.workspace.openTextDocument(next.store.uri));
  const shown = await vscode.window.showTextDocument(document, { preview: false });
  const range = new vscode.Range(document.positionAt(next.suggestion.start), document.positionAt(next.suggestion.end));
  shown.selection = new vscode.Selection(range.start, range.end);
  shown.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return next;
}
