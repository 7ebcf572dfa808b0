import * as vscode from 'vscode';
import type { AnnotationStores } from './annotationStores';

/** Keeps the `tawsim.*` context keys that command palette entries and keybindings depend on. */
export class ContextKeys implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private last = '';

  constructor(private readonly stores: AnnotationStores) {
    this.disposables.push(
      stores.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const store = editor && this.stores.get(editor.document.uri);
    const keys: Record<string, boolean> = {
      'tawsim.annotated': store !== undefined,
      'tawsim.canUndo': store?.history.canUndo ?? false,
      'tawsim.canRedo': store?.history.canRedo ?? false,
      'tawsim.hasOrphans': (store?.tracked.orphans.length ?? 0) > 0,
      'tawsim.sidecarBroken': store !== undefined && !store.writable,
      'tawsim.sidecarConflicts': store?.problems.some((p) => p.path?.startsWith('conflicts[')) ?? false,
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
