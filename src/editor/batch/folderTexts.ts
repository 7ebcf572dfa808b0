import * as vscode from 'vscode';
import { isSidecarUri } from '../sidecarFiles';

/**
 * The texts under a folder that `tawsim.files` names, in path order. VS Code's own file search
 * does the matching (it honours `files.exclude`, and works in remote and virtual workspaces).
 */
export async function textsInFolder(folder: vscode.Uri, patterns: readonly string[], token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const pattern of patterns) {
    if (token?.isCancellationRequested) break;
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), undefined, undefined, token);
    for (const uri of uris) if (!isSidecarUri(uri)) found.set(uri.toString(), uri);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
