import * as vscode from 'vscode';
import { uriFromArg } from '../exchange/exchangeArgs';

/** Arguments of `tawsim.preannotateFolder` from keybindings, other extensions and tests. */
export interface FolderArgs {
  /** The folder (or one text), as a URI string or an absolute path; a workspace folder when absent. */
  readonly uri?: string;
}

/**
 * The folder a batch command works on: the Explorer's clicked resource, the `uri` argument, or a
 * workspace folder (asked only when there are several). Undefined when there is none or the
 * user dismissed the choice.
 */
export async function batchTarget(args: FolderArgs | vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (args instanceof vscode.Uri) return args;
  if (args?.uri) return uriFromArg(args.uri);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to pre-annotate.'));
    return undefined;
  }
  if (folders.length === 1) return folders[0]?.uri;
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Pre-annotate which folder?') }))?.uri;
}
