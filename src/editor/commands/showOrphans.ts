import * as vscode from 'vscode';
import type { Services } from '../services';
import type { AnnotationTarget } from '../commandIds';
import { resolveTarget } from '../commandTarget';
import { applyAnnotatorEdit } from '../documentProgress';

/**
 * Tawsim: Show Orphaned Annotations — lists annotations whose text is no longer in the document.
 * Choosing one offers to place it on the current selection or to remove it.
 */
export async function showOrphans(services: Services, args?: AnnotationTarget): Promise<void> {
  const target = await resolveTarget(services, args);
  if (!target) return;
  const orphans = target.store.tracked.orphans;
  if (orphans.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No orphaned annotations.'));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    orphans.map((o) => ({ label: `${o.label} «${o.text}»`, description: o.id, detail: o.note, orphan: o })),
    { placeHolder: vscode.l10n.t('Orphaned annotations: their text is no longer in the document') },
  );
  if (!picked) return;
  const place = vscode.l10n.t('Place on Selection');
  const drop = vscode.l10n.t('Remove');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('«{0}» ({1})', picked.orphan.text, picked.orphan.label), place, drop);
  const { editor, document, store } = target;
  if (choice === drop) applyAnnotatorEdit(store, { remove: [picked.orphan.id] });
  if (choice === place && editor && !editor.selection.isEmpty) {
    const start = document.offsetAt(editor.selection.start);
    const end = document.offsetAt(editor.selection.end);
    const { orphan: _o, ...rest } = picked.orphan;
    applyAnnotatorEdit(store, { remove: [picked.orphan.id], put: [{ ...rest, start, end, text: document.getText(editor.selection) }] });
  }
}
