import * as vscode from 'vscode';
import type { Services } from '../services';
import type { SuggestionEngine } from '../suggestions/suggestionEngine';
import type { ReviewSessions } from '../review/reviewSessions';
import { openReadingView } from './openReadingView';
import { READING_VIEW_TYPE, ReadingPanel } from './readingPanel';
import type { ReadingInputs } from './readingSource';
import { ReadingViewCommandId } from './readingViewCommandIds';
import type { OpenReadingViewArgs, ReadingViewCommandIdValue } from './readingViewCommandIds';

/** The reading views as the composition root sees them: one per document, its command, one disposable. */
export interface ReadingViewFeature extends vscode.Disposable {
  /** The open reading view of a document. */
  panelFor(uri: vscode.Uri): ReadingPanel | undefined;
  /** Opens (or brings forward) the reading view of an open document. */
  show(document: vscode.TextDocument): ReadingPanel;
  readonly handlers: Record<ReadingViewCommandIdValue, (...args: never[]) => unknown>;
}

/** Builds the reading views over the stores, the suggestion engine and the review sessions. Called once by the composition root. */
export function createReadingViewFeature(services: Services, engine: SuggestionEngine, reviews: ReviewSessions): ReadingViewFeature {
  const panels = new Map<string, ReadingPanel>();
  const inputs: ReadingInputs = {
    stores: services.stores,
    suggestions: (store) => engine.suggestions(store),
    review: (uri) => reviews.get(uri),
    labels: services.labels,
    symmetricRelationTypes: () =>
      new Set(
        services
          .schema()
          .relationTypes.filter((t) => t.symmetric)
          .map((t) => t.id),
      ),
  };
  const show = (document: vscode.TextDocument): ReadingPanel => {
    const key = document.uri.toString();
    const existing = panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, false);
      return existing;
    }
    const name = document.uri.path.split('/').pop() ?? key;
    const webview = vscode.window.createWebviewPanel(
      READING_VIEW_TYPE,
      vscode.l10n.t('Reading: {0}', name),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      { retainContextWhenHidden: true },
    );
    webview.iconPath = vscode.Uri.joinPath(services.context.extensionUri, 'media', 'review', 'tawsim.svg');
    const panel = new ReadingPanel(webview, document, inputs, services.context.extensionUri, reviews.onDidChange, engine.onDidChange);
    panels.set(key, panel);
    panel.onDidDispose(() => {
      if (panels.get(key) === panel) panels.delete(key);
    });
    return panel;
  };
  const handlers: Record<ReadingViewCommandIdValue, (...args: never[]) => unknown> = {
    [ReadingViewCommandId.openReadingView]: (args?: OpenReadingViewArgs) => openReadingView(services, show, args),
  };
  return {
    panelFor: (uri) => panels.get(uri.toString()),
    show,
    handlers,
    dispose: () => {
      for (const p of [...panels.values()]) p.dispose();
      panels.clear();
    },
  };
}
