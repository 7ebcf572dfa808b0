import type { HostFiles } from './hostFiles';
import { NodeFiles } from './nodeFiles';

/**
 * The host's file writer. This is the Node build's version; the browser build replaces this module
 * with `platformFiles.web.ts` (see `esbuild.js`), so no Node module reaches the web worker.
 */
export function createHostFiles(): HostFiles {
  return new NodeFiles();
}
