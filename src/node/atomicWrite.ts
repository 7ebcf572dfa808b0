import { promises as fs } from 'node:fs';
import * as path from 'node:path';

let tempCounter = 0;

/**
 * Writes through a temporary file, an fsync and a rename, so a crash leaves the old or the new file
 * whole and the target is never absent: on a local file system rename(2) replaces the target in one
 * step. The temporary name is unique within the process (a counter and a random part besides the
 * pid and time) and opened exclusively: two writes in the same millisecond must never share one
 * temporary file. Temporary names start with '.' and end with '.tmp', so nothing takes a leftover
 * for a sidecar. Used by the command line and by the editor on the Node extension host.
 */
export async function writeTextAtomic(file: string, content: string): Promise<void> {
  const unique = `${process.pid}.${Date.now().toString(36)}.${(tempCounter++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${unique}.tmp`);
  const handle = await fs.open(temp, 'wx');
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (e) {
    // A full disk or a failed rename must not leave a half-written temporary file behind.
    await fs.rm(temp, { force: true });
    throw e;
  }
}
