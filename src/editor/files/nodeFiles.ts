import type * as vscode from 'vscode';
import { WriteConflictError, writeChecked } from '../../node/checkedWrite';
import { lockFiles } from '../../node/fileLock';
import { writeTextAtomic } from '../../node/atomicWrite';
import type { CheckedWrite, HostFiles, Leftover } from './hostFiles';
import { WorkspaceFiles } from './workspaceFiles';

/**
 * The Node extension host: `file:` URIs are written with Node's fs through the command line's own
 * checked path (src/node/checkedWrite.ts): the file's lock is taken, so the editor and `tawsim
 * import|annotate|export` never interleave; the temporary file is written and fsynced; the target
 * is checked against what the editor last read right before rename(2), which replaces it in one
 * step, so the file is never absent. Other schemes go through `workspace.fs`.
 */
export class NodeFiles implements HostFiles {
  private readonly fallback = new WorkspaceFiles();

  describe(uri: vscode.Uri): string {
    return uri.scheme === 'file' ? 'file: Node fs, locked, fsync then checked rename (atomic)' : this.fallback.describe(uri);
  }

  async writeChecked(uri: vscode.Uri, expected: string | undefined | null, content: string): Promise<CheckedWrite> {
    if (uri.scheme !== 'file') return this.fallback.writeChecked(uri, expected, content);
    const file = uri.fsPath;
    if (expected === null) return writeUnchecked(file, content);
    try {
      await writeChecked(file, expected, content, 'fail');
      return { written: true };
    } catch (e) {
      // A file that is there but is not UTF-8 text cannot be offered as "theirs": it is an error.
      if (e instanceof WriteConflictError && (e.change === 'deleted' || e.current !== undefined)) return { written: false, current: e.current };
      throw e;
    }
  }

  findLeftovers(uri: vscode.Uri): Promise<Leftover[]> {
    return this.fallback.findLeftovers(uri);
  }

  removeLeftovers(leftovers: readonly Leftover[]): Promise<void> {
    return this.fallback.removeLeftovers(leftovers);
  }
}

/** Exports and reports: replaced whatever they hold, but under the lock and in one rename. */
async function writeUnchecked(file: string, content: string): Promise<CheckedWrite> {
  const locks = await lockFiles([file]);
  try {
    await writeTextAtomic(file, content);
  } finally {
    await locks.release();
  }
  return { written: true };
}
