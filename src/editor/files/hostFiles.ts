import type * as vscode from 'vscode';

/** What a checked write did: written, or refused because the file no longer held what was expected. */
export type CheckedWrite = { readonly written: true } | { readonly written: false; readonly current: string | undefined };

/** A complete temporary file left beside a missing file by an interrupted write. */
export interface Leftover {
  readonly uri: vscode.Uri;
  readonly content: string;
  readonly mtime: number;
}

/**
 * File writes as the host allows them. On the Node extension host, `file:` URIs are written with
 * Node's own fsync and rename, which replaces the target in one step. Elsewhere (the browser
 * build, virtual and remote file systems) only `workspace.fs` exists, whose overwriting rename
 * deletes the target first: there a crash can leave only the temporary file, so temporary files
 * are named so that a complete one can be recognised and recovered (`findLeftovers`).
 */
export interface HostFiles {
  /** One line for the log: how writes are made on this host. */
  describe(uri: vscode.Uri): string;
  /**
   * Writes `content` through a temporary file and a rename, but only if the file still holds
   * `expected` (undefined: it does not exist), checked after the temporary file is complete and
   * immediately before the rename. `expected: null` writes without checking.
   */
  writeChecked(uri: vscode.Uri, expected: string | undefined | null, content: string): Promise<CheckedWrite>;
  /** Complete temporary files of interrupted writes of `uri`, newest first. */
  findLeftovers(uri: vscode.Uri): Promise<Leftover[]>;
  /** Removes temporary files found by `findLeftovers` (after a successful write). */
  removeLeftovers(leftovers: readonly Leftover[]): Promise<void>;
}

/** Writes without a check; for files nobody else is expected to write (exports, reports). */
export async function writeAtomic(files: HostFiles, uri: vscode.Uri, content: string): Promise<void> {
  await files.writeChecked(uri, null, content);
}
