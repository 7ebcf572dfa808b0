import type { HostReads } from './hostReads';
import { NodeReads } from './nodeReads';
import type { HostFiles } from './hostFiles';
import { NodeFiles } from './nodeFiles';

/**
 * The host's file writer. This is the Node build's version; the browser build replaces this module
 * with `platformFiles.web.ts` (see `esbuild.js`), so no Node module reaches the web worker.
 */
export function createHostFiles(): HostFiles {
  return new NodeFiles();
}

/** The host's reader of many files; the browser build's `platformFiles.web.ts` has its own. */
export function createHostReads(): HostReads {
  return new NodeReads();
}
