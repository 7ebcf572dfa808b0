import * as vscode from 'vscode';
import type { Services } from '../services';
import type { AnnotationTarget } from '../commandIds';
import { annotationsAt, resolveTarget } from '../commandTarget';
import { applyAnnotatorEdit } from '../documentProgress';

/** Tawsim: Remove Annotation — the one given by id, at the cursor, or all inside the selections. */
export async function remove(services: Services, args?: AnnotationTarget): Promise<number> {
  const target = await resolveTarget(services, args);
  if (!target) return 0;
  const found = annotationsAt(target, args);
  if (found.length === 0) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('No annotation here'), 3000);
    return 0;
  }
  // Relations go with their ends (in the same undo step); asked first, unless a caller named the annotation.
  const ids = new Set(found.map((a) => a.id));
  const relations = target.store.tracked.relations.filter((r) => ids.has(r.from) || ids.has(r.to));
  if (relations.length > 0 && args?.id === undefined) {
    const go = vscode.l10n.t('Remove with Its Relations');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} is linked by {1} relations ({2}); they are removed with it (Tawsim: Undo Annotation Change brings all back).',
        found.map((a) => `«${a.text}»`).join(', '),
        relations.length,
        relations.map((r) => r.type).join(', '),
      ),
      { modal: true },
      go,
    );
    if (answer !== go) return 0;
  }
  applyAnnotatorEdit(target.store, { remove: found.map((a) => a.id) });
  return found.length;
}
