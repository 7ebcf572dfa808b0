import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileStat } from '../../core/index/sidecarIndexState';
import { decodeUtf8, readRegularFile } from '../../node/readRegularFile';
import type { HostReads, ReadFile } from './hostReads';
import { WorkspaceReads } from './workspaceReads';

/**
 * The Node extension host: `file:` URIs are listed, checked and read with Node's fs, which costs
 * tens of microseconds a file where `workspace.fs` and file search cost milliseconds. A file is
 * read through the same guarded reader as the command line's (regular files only, within the size
 * limit), with the stat of the opened file, so the content and its size and time always belong
 * together. Other schemes, and symbolic links, go through `workspace.fs`.
 */
export class NodeReads implements HostReads {
  private readonly fallback = new WorkspaceReads();

  async list(root: vscode.Uri, accepts: (relativePath: string) => boolean, skipsFolder: (name: string) => boolean): Promise<vscode.Uri[] | undefined> {
    if (root.scheme !== 'file') return undefined;
    const found: vscode.Uri[] = [];
    const visit = async (folder: string, relative: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(folder, { withFileTypes: true });
      } catch {
        return; // A folder that cannot be read holds nothing the index can read either.
      }
      const below: Promise<void>[] = [];
      for (const entry of entries) {
        const full = path.join(folder, entry.name);
        const inRoot = `${relative}${entry.name}`;
        if (entry.isDirectory()) {
          if (!skipsFolder(entry.name)) below.push(visit(full, `${inRoot}/`));
        } else if ((entry.isFile() || entry.isSymbolicLink()) && accepts(inRoot)) {
          // A link is listed as file search lists it; linked folders are not followed (no cycles).
          found.push(vscode.Uri.file(full));
        }
      }
      await Promise.all(below);
    };
    await visit(root.fsPath, '');
    return found;
  }

  async stat(uri: vscode.Uri): Promise<FileStat | undefined> {
    if (uri.scheme !== 'file') return this.fallback.stat(uri);
    try {
      const s = await fs.stat(uri.fsPath, { bigint: true });
      return { size: Number(s.size), mtime: millisecondsOf(s.mtimeNs) };
    } catch {
      return undefined;
    }
  }

  async read(uri: vscode.Uri): Promise<ReadFile | undefined> {
    if (uri.scheme !== 'file') return this.fallback.read(uri);
    const file = uri.fsPath;
    let read;
    try {
      read = await readRegularFile(file);
    } catch (e) {
      // The guarded reader opens no links; a linked sidecar is read as the editor reads it.
      if (await isLink(file)) return this.fallback.read(uri);
      throw e;
    }
    if (!read) return undefined;
    return { content: decodeUtf8(read.bytes, file), stat: { size: Number(read.stat.size), mtime: millisecondsOf(read.stat.mtimeNs) } };
  }
}

async function isLink(file: string): Promise<boolean> {
  try {
    return (await fs.lstat(file)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Milliseconds rounded as Node's `Stats.mtime` rounds them, which `workspace.fs` reports: caches written by either agree. */
function millisecondsOf(nanoseconds: bigint): number {
  return Number((nanoseconds + 500_000n) / 1_000_000n);
}
