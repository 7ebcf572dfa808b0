import type * as vscode from 'vscode';
import type { FileStat } from '../../core/index/sidecarIndexState';

/** A file's content with the stat taken just before it was read. */
export interface ReadFile {
  readonly content: string;
  readonly stat: FileStat;
}

/**
 * Reading many files as the host allows it. The sidecar index lists, checks and reads every
 * sidecar of the workspace at a start: through `workspace.fs` and file search that costs
 * milliseconds per file (ten thousand files: seconds), so the Node extension host reads `file:`
 * URIs with Node's fs; the browser build, virtual and remote file systems use `workspace.fs`.
 */
export interface HostReads {
  /**
   * The files under `root` whose path relative to it (`/` separated) `accepts`, skipping folders
   * `skipsFolder` names, in no set order; undefined where this host cannot walk `root` itself
   * (file search is then used). Files reached through a linked folder are not listed.
   */
  list(root: vscode.Uri, accepts: (relativePath: string) => boolean, skipsFolder: (name: string) => boolean): Promise<vscode.Uri[] | undefined>;
  /** The file's size and modification time; undefined when it is not there. */
  stat(uri: vscode.Uri): Promise<FileStat | undefined>;
  /** The file's UTF-8 text (a byte-order mark dropped); undefined when it is not there. Invalid UTF-8 is an error naming the file. */
  read(uri: vscode.Uri): Promise<ReadFile | undefined>;
}
