import * as vscode from 'vscode';
import type { ExportedFile } from '../../core/formats/formatTypes';
import { safeRelativePath } from '../../core/formats/safeRelativePath';
import type { HostFiles } from '../files/hostFiles';
import { writeAtomic } from '../files/hostFiles';

/**
 * The URIs an export's files go to under `target`. Every path is checked before anything is
 * written, so a path that would leave the folder stops the export with nothing half written.
 */
export function exportFileUris(target: vscode.Uri, files: readonly ExportedFile[]): vscode.Uri[] {
  return files.map((f) => {
    const safe = safeRelativePath(f.relativePath);
    if (!safe.ok) throw new Error(vscode.l10n.t('Refusing to write {0}: {1}', f.relativePath, safe.reason));
    return vscode.Uri.joinPath(target, ...safe.path.split('/'));
  });
}

/** Writes each file atomically, creating folders; stops between files when cancelled. Returns those written. */
export async function writeExportFiles(
  files: HostFiles,
  uris: readonly vscode.Uri[],
  exported: readonly ExportedFile[],
  token?: vscode.CancellationToken,
  progress?: (done: number) => void,
): Promise<vscode.Uri[]> {
  const written: vscode.Uri[] = [];
  for (const [i, uri] of uris.entries()) {
    if (token?.isCancellationRequested) break;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await writeAtomic(files, uri, exported[i]?.content ?? '');
    written.push(uri);
    progress?.(i + 1);
  }
  return written;
}
