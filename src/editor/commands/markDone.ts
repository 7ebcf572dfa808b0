import * as vscode from 'vscode';
import type { DocumentStatus } from '../../core/sidecar/sidecarTypes';
import type { AnnotationTarget } from '../commandIds';
import type { Services } from '../services';
import { resolveTarget } from '../commandTarget';
import { basename } from '../sidecarFiles';

/**
 * Tawsim: Mark Done — records in the sidecar (`document.status`) that the annotator has finished
 * this text, so Next Document passes it by; run again on a done text, it is back in progress.
 * Returns the status now set.
 */
export async function markDone(services: Services, args?: Pick<AnnotationTarget, 'uri'>): Promise<DocumentStatus | undefined> {
  const target = await resolveTarget(services, args);
  if (!target) return undefined;
  const status: DocumentStatus = target.store.documentStatus === 'done' ? 'in-progress' : 'done';
  target.store.setDocumentStatus(status);
  const name = basename(target.document.uri);
  vscode.window.setStatusBarMessage(status === 'done' ? vscode.l10n.t('{0} is done', name) : vscode.l10n.t('{0} is in progress again', name), 4000);
  return status;
}
