import * as vscode from 'vscode';
import type { Services } from '../services';
import { resolveTarget } from '../commandTarget';

/** Tawsim: Undo / Redo Annotation Change — annotation actions only; text undo is separate. */
export async function undoRedo(services: Services, which: 'undo' | 'redo'): Promise<boolean> {
  const target = await resolveTarget(services);
  if (!target) return false;
  const done = which === 'undo' ? target.store.undo() : target.store.redo();
  if (!done) void vscode.window.setStatusBarMessage(which === 'undo' ? vscode.l10n.t('Nothing to undo') : vscode.l10n.t('Nothing to redo'), 3000);
  return done;
}
