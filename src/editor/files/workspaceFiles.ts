import * as vscode from 'vscode';
import { isCompleteTemp, isTempFor, tempNameFor } from '../../core/sidecar/tempFiles';
import type { CheckedWrite, HostFiles, Leftover } from './hostFiles';
import { basename, readTextFile } from '../sidecarFiles';

const encoder = new TextEncoder();

/**
 * Writes through `workspace.fs`, for hosts and file systems where nothing else exists. The
 * overwriting rename of VS Code's file service deletes the target before it moves the temporary
 * file: the window is short but real, so the temporary file is complete and recognisable
 * (`tempNameFor`) before the rename starts, and a load that finds the target missing recovers it.
 */
export class WorkspaceFiles implements HostFiles {
  describe(uri: vscode.Uri): string {
    return `${uri.scheme}: workspace.fs, temporary file then rename (recoverable)`;
  }

  async writeChecked(uri: vscode.Uri, expected: string | undefined | null, content: string): Promise<CheckedWrite> {
    const folder = vscode.Uri.joinPath(uri, '..');
    const temp = vscode.Uri.joinPath(folder, tempNameFor(basename(uri), content));
    await vscode.workspace.fs.writeFile(temp, encoder.encode(content));
    try {
      if (expected !== null) {
        const current = await readTextFile(uri);
        if (current !== expected) {
          await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
          return { written: false, current };
        }
      }
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw e;
    }
    return { written: true };
  }

  async findLeftovers(uri: vscode.Uri): Promise<Leftover[]> {
    const folder = vscode.Uri.joinPath(uri, '..');
    const name = basename(uri);
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return [];
    }
    const found: Leftover[] = [];
    for (const [entry, type] of entries) {
      if (type !== vscode.FileType.File || !isTempFor(entry, name)) continue;
      const temp = vscode.Uri.joinPath(folder, entry);
      try {
        const content = await readTextFile(temp);
        const { mtime } = await vscode.workspace.fs.stat(temp);
        if (content !== undefined && isCompleteTemp(entry, content)) found.push({ uri: temp, content, mtime });
      } catch {
        // Unreadable or gone meanwhile (another writer renamed it): not a leftover.
      }
    }
    return found.sort((a, b) => b.mtime - a.mtime);
  }

  async removeLeftovers(leftovers: readonly Leftover[]): Promise<void> {
    for (const l of leftovers) await vscode.workspace.fs.delete(l.uri).then(undefined, () => undefined);
  }
}
