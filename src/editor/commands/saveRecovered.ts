import * as vscode from 'vscode';
import type { Services } from '../services';
import type { AnnotationTarget } from '../commandIds';
import { resolveTarget } from '../commandTarget';
import { basename } from '../sidecarFiles';
import { recoveredFileName } from '../../core/sidecar/sidecarPath';

/** Tawsim: Save Annotations to a Recovery File — while the sidecar is broken, keeps new work beside it. */
export async function saveRecovered(services: Services, args?: AnnotationTarget): Promise<vscode.Uri | undefined> {
  const target = await resolveTarget(services, args);
  if (!target) return undefined;
  const uri = vscode.Uri.joinPath(target.store.sidecarUri, '..', recoveredFileName(basename(target.store.sidecarUri)));
  await services.sync.writeRecovered(target.store, target.document, uri);
  void vscode.window.showInformationMessage(vscode.l10n.t('Annotations saved to {0}.', basename(uri)));
  return uri;
}
