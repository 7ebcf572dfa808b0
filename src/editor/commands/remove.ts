import * as vscode from 'vscode';
import type { Services } from '../services';
import type { AnnotationTarget } from '../commandIds';
import { annotationsAt, resolveTarget } from '../commandTarget';

/** Tawsim: Remove Annotation — the one given by id, at the cursor, or all inside the selections. */
export async function remove(services: Services, args?: AnnotationTarget): Promise<number> {
  const target = await resolveTarget(services, args);
  if (!target) return 0;
  const found = annotationsAt(target, args);
  if (found.length === 0) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('No annotation here'), 3000);
    return 0;
  }
  target.store.apply({ remove: found.map((a) => a.id) });
  return found.length;
}
