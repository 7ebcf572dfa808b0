import * as vscode from 'vscode';
import { annotatorQueue, nextNotDone } from '../../core/project/documentQueue';
import type { DocumentStatus } from '../../core/sidecar/sidecarTypes';
import type { Services } from '../services';
import { textsInFolder } from '../batch/folderTexts';
import { currentProject, projectSettled, readSettings } from '../settings';
import { sidecarUriFor } from '../sidecarFiles';

/**
 * Tawsim: Next Document — opens the next text, in path order after the one in the editor, that is
 * assigned to the current annotator (by the project's assignments, else every text `tawsim.files`
 * names) and whose own sidecar is not marked done. Returns the URI opened.
 */
export async function nextDocument(services: Services): Promise<string | undefined> {
  // The project file is the first folder's, and its assignments are relative to that folder.
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to work through its texts.'));
    return undefined;
  }
  // The assignments, and the sidecar pattern the project may set, as the project file says.
  await projectSettled();
  const settings = readSettings(folder.uri);
  const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  const byPath = new Map<string, vscode.Uri>();
  for (const uri of await textsInFolder(folder.uri, settings.files)) if (uri.path.startsWith(root)) byPath.set(uri.path.slice(root.length), uri);
  const queue = annotatorQueue([...byPath.keys()], settings.annotator, currentProject());
  const active = vscode.window.activeTextEditor?.document.uri;
  const current = active && active.path.startsWith(root) ? active.path.slice(root.length) : undefined;
  const statusOf = async (path: string): Promise<DocumentStatus | undefined> => {
    const uri = byPath.get(path) as vscode.Uri;
    // An open text's store is fresher than its file: a Mark Done may not be written yet.
    const open = services.stores.get(uri);
    if (open?.loaded) return open.documentStatus;
    // The index's summary: no sidecar is read, however many texts are passed by.
    return services.index.summary(sidecarUriFor(uri, settings.annotator, settings.sidecarPattern))?.status;
  };
  await services.index.ready();
  const next = await nextNotDone(queue, current, statusOf);
  if (next === undefined) {
    void vscode.window.showInformationMessage(
      queue.length === 0 ? vscode.l10n.t('No text is assigned to {0}.', settings.annotator) : vscode.l10n.t('Every text assigned to {0} is done.', settings.annotator),
    );
    return undefined;
  }
  const uri = byPath.get(next) as vscode.Uri;
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri.toString();
}
