import type { HostFiles } from './hostFiles';
import { WorkspaceFiles } from './workspaceFiles';

/** The browser build's version of `platformFiles.ts`: `workspace.fs` is all there is. */
export function createHostFiles(): HostFiles {
  return new WorkspaceFiles();
}
