import * as vscode from 'vscode';
import type { Services } from '../services';
import type { AnnotationTarget } from '../commandIds';
import { resolveTarget } from '../commandTarget';
import { exists } from '../sidecarFiles';

/** Tawsim: Open Sidecar — opens the YAML file beside the text, writing it first if it does not exist yet. */
export async function openSidecar(services: Services, args?: AnnotationTarget): Promise<void> {
  const target = await resolveTarget(services, args);
  if (!target) return;
  if (!(await exists(target.store.sidecarUri))) await services.stores.save(target.store);
  if (!(await exists(target.store.sidecarUri))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no annotations yet, so it has no sidecar.', target.document.uri.path.split('/').pop() ?? ''));
    return;
  }
  await vscode.window.showTextDocument(target.store.sidecarUri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
