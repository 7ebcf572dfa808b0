import * as vscode from 'vscode';
import { isSidecarFileName, sidecarFileName } from '../core/sidecar/sidecarPath';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The sidecar URI of a text document under the configured pattern. */
export function sidecarUriFor(textUri: vscode.Uri, annotator: string, pattern: string): vscode.Uri {
  const folder = vscode.Uri.joinPath(textUri, '..');
  return vscode.Uri.joinPath(folder, sidecarFileName(basename(textUri), annotator, pattern));
}

export function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export function isSidecarUri(uri: vscode.Uri): boolean {
  return isSidecarFileName(basename(uri));
}

/** Reads a UTF-8 text file through `workspace.fs`; undefined when it does not exist. Invalid UTF-8 is an error. */
export async function readTextFile(uri: vscode.Uri): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
  try {
    const text = decoder.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new Error(vscode.l10n.t('{0} is not valid UTF-8 text', uri.fsPath || uri.toString()));
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
