import * as vscode from 'vscode';
import type { AnnotationStores } from '../annotationStores';
import { CommandId } from '../commandIds';
import type { SuggestionEngine } from './suggestionEngine';
import { uncertainSpans } from './uncertainSuggestions';
import type { UncertainSpan } from './uncertainSuggestions';

/** At most this many spans are listed: the least sure ones. */
const MAX_LISTED = 200;

/**
 * The Uncertain Suggestions view: the model's suggestions in the open documents, least sure
 * first, each with its probability and the gap to the best other reading. A click selects the
 * span in its document, where it can be accepted, rejected or relabelled.
 */
export class UncertainTree implements vscode.TreeDataProvider<UncertainSpan>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly stores: AnnotationStores,
    private readonly engine: SuggestionEngine,
  ) {
    const refresh = (): void => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.changed.fire(), 300);
    };
    this.disposables.push(engine.onDidChange(refresh), vscode.window.onDidChangeActiveTextEditor(refresh));
  }

  getChildren(element?: UncertainSpan): UncertainSpan[] {
    if (element) return [];
    return uncertainSpans(this.stores, this.engine).slice(0, MAX_LISTED);
  }

  getTreeItem(u: UncertainSpan): vscode.TreeItem {
    const s = u.suggestion;
    const item = new vscode.TreeItem(`«${s.text}» ${s.label}`, vscode.TreeItemCollapsibleState.None);
    const alternative = s.alternative;
    const other = alternative ? (alternative.label === 'O' ? vscode.l10n.t('no entity') : alternative.label) : undefined;
    item.description = alternative
      ? vscode.l10n.t('{0} · next best {1} {2} (Δ {3})', u.score.toFixed(2), other ?? '', alternative.score.toFixed(2), (u.score - alternative.score).toFixed(2))
      : u.score.toFixed(2);
    item.tooltip = `${vscode.workspace.asRelativePath(u.store.uri)} — ${item.description}`;
    item.iconPath = new vscode.ThemeIcon('question');
    item.command = {
      command: CommandId.revealAnnotation,
      title: vscode.l10n.t('Show in the Text'),
      arguments: [{ uri: u.store.uri.toString(), start: s.start, end: s.end, unit: 'utf16', text: s.text }],
    };
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
