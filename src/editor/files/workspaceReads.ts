import * as vscode from 'vscode';
import type { FileStat } from '../../core/index/sidecarIndexState';
import { readTextFile } from '../sidecarFiles';
import type { HostReads, ReadFile } from './hostReads';

/** Reads through `workspace.fs`: every host and file system has it. Listing is left to file search. */
export class WorkspaceReads implements HostReads {
  list(): Promise<vscode.Uri[] | undefined> {
    return Promise.resolve(undefined);
  }

  async stat(uri: vscode.Uri): Promise<FileStat | undefined> {
    try {
      const s = await vscode.workspace.fs.stat(uri);
      return { size: s.size, mtime: s.mtime };
    } catch {
      return undefined;
    }
  }

  async read(uri: vscode.Uri): Promise<ReadFile | undefined> {
    // The time before the content: a change between the two is seen as a change the next time.
    const stat = await this.stat(uri);
    if (!stat) return undefined;
    const content = await readTextFile(uri);
    return content === undefined ? undefined : { content, stat };
  }
}
