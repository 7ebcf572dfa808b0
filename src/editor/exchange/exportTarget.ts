import * as vscode from 'vscode';

/**
 * The folder to export into: `export/<format>` in the exported folder (or the file's folder)
 * by default, or one the user chooses. The default folder is offered as an item rather than as a
 * dialog's start, because a dialog cannot start in a folder that does not exist yet.
 */
export async function pickExportTarget(root: vscode.Uri, format: string): Promise<vscode.Uri | undefined> {
  const fallback = vscode.Uri.joinPath(root, 'export', format);
  const shown = vscode.workspace.asRelativePath(fallback, true);
  const choose = vscode.l10n.t('Choose a Folder…');
  const picked = await vscode.window.showQuickPick(
    [
      { label: `$(folder) ${shown}`, description: vscode.l10n.t('beside the exported texts'), uri: fallback as vscode.Uri | undefined },
      { label: `$(folder-opened) ${choose}`, description: '', uri: undefined },
    ],
    { placeHolder: vscode.l10n.t('Export into which folder?') },
  );
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: root,
    openLabel: vscode.l10n.t('Export Here'),
    title: vscode.l10n.t('Folder to export into'),
  });
  return chosen?.[0];
}
