import type { HostReads } from './hostReads';
import { WorkspaceReads } from './workspaceReads';
import type { HostFiles } from './hostFiles';
import { WorkspaceFiles } from './workspaceFiles';

/** The browser build's version of `platformFiles.ts`: `workspace.fs` is all there is. */
export function createHostFiles(): HostFiles {
  return new WorkspaceFiles();
}

/** The browser build's version: `workspace.fs` and file search. */
export function createHostReads(): HostReads {
  return new WorkspaceReads();
}
