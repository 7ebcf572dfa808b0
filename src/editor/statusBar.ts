import * as vscode from 'vscode';
import type { AnnotationStores } from './annotationStores';
import { CommandId } from './commandIds';

/** Shows the active document's tag count, whether annotations wait to be saved, and whether the text is marked done. */
export class AnnotationStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tawsim.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly stores: AnnotationStores) {
    this.item.name = 'Tawsim';
    this.item.command = CommandId.openSidecar;
    this.disposables.push(
      this.item,
      stores.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidSaveTextDocument(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const store = editor && this.stores.get(editor.document.uri);
    if (!store) {
      this.item.hide();
      return;
    }
    const count = store.tracked.all.filter((a) => a.status === 'accepted').length;
    const orphans = store.tracked.orphans.length;
    const marks = [
      store.documentStatus === 'done' ? '$(check)' : '',
      store.unsaved ? '$(circle-filled)' : '',
      !store.writable ? '$(error)' : '',
      orphans > 0 ? `$(warning) ${orphans}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    this.item.text = `$(tag) ${count}${marks ? ' ' + marks : ''}`;
    this.item.tooltip = [
      vscode.l10n.t('Tawsim: {0} tags', count),
      store.unsaved ? vscode.l10n.t('Annotation changes not yet saved') : vscode.l10n.t('All annotations saved'),
      !store.writable ? vscode.l10n.t('The sidecar has problems and is not overwritten') : '',
      orphans > 0 ? vscode.l10n.t('{0} orphaned annotations', orphans) : '',
      store.documentStatus === 'done' ? vscode.l10n.t('Marked done') : store.documentStatus === 'in-progress' ? vscode.l10n.t('In progress') : '',
    ]
      .filter(Boolean)
      .join('\n');
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
