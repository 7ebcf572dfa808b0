import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { tempNameFor } from '../../core/sidecar/tempFiles';
import type { CheckedWrite, HostFiles, Leftover } from './hostFiles';
import { WorkspaceFiles } from './workspaceFiles';

/**
 * The Node extension host: `file:` URIs are written with Node's fs — the temporary file is written
 * and fsynced, the target re-read, and the temporary renamed over it with rename(2), which
 * replaces the target in one step, so the file is never absent. Other schemes go through
 * `workspace.fs`.
 */
export class NodeFiles implements HostFiles {
  private readonly fallback = new WorkspaceFiles();

  describe(uri: vscode.Uri): string {
    return uri.scheme === 'file' ? 'file: Node fs, fsync then rename (atomic)' : this.fallback.describe(uri);
  }

  async writeChecked(uri: vscode.Uri, expected: string | undefined | null, content: string): Promise<CheckedWrite> {
    if (uri.scheme !== 'file') return this.fallback.writeChecked(uri, expected, content);
    const file = uri.fsPath;
    const temp = path.join(path.dirname(file), tempNameFor(path.basename(file), content));
    const handle = await fs.open(temp, 'wx');
    try {
      try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (expected !== null) {
        const current = await readIfExists(file);
        if (current !== expected) {
          await fs.rm(temp, { force: true });
          return { written: false, current };
        }
      }
      await fs.rename(temp, file);
    } catch (e) {
      await fs.rm(temp, { force: true });
      throw e;
    }
    return { written: true };
  }

  findLeftovers(uri: vscode.Uri): Promise<Leftover[]> {
    return this.fallback.findLeftovers(uri);
  }

  removeLeftovers(leftovers: readonly Leftover[]): Promise<void> {
    return this.fallback.removeLeftovers(leftovers);
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await fs.readFile(file));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
