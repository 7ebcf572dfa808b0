import * as vscode from 'vscode';
import type { Gazetteer } from '../../core/recognize/gazetteer';
import { parseGazetteer } from '../../core/recognize/gazetteer';
import { readTextFile } from '../sidecarFiles';
import type { Logger } from '../logger';

/**
 * The user's gazetteers (`tawsim.gazetteers`): YAML files, paths relative to the first workspace
 * folder. In an untrusted workspace, or for paths outside the workspace, none is read.
 */
export async function loadGazetteers(paths: readonly string[], log: Logger): Promise<Gazetteer[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (paths.length === 0 || !folder) return [];
  if (!vscode.workspace.isTrusted) {
    log.warn('Workspace not trusted: tawsim.gazetteers are not read');
    return [];
  }
  const out: Gazetteer[] = [];
  for (const p of paths) {
    const uri = vscode.Uri.joinPath(folder.uri, p);
    if (!uri.path.startsWith(folder.uri.path.replace(/\/?$/, '/'))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Tawsim reads gazetteers only inside the workspace: {0} is outside it.', p));
      continue;
    }
    try {
      const text = await readTextFile(uri);
      if (text === undefined) throw new Error(vscode.l10n.t('file not found'));
      out.push(parseGazetteer(text, p));
    } catch (e) {
      log.error(`Gazetteer ${p}: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Tawsim: gazetteer {0}: {1}', p, (e as Error).message));
    }
  }
  return out;
}
