import { promises as fs } from 'node:fs';
import { temporaryPath } from './besideNames';

/**
 * Writes through a temporary file, an fsync and a rename, so a crash leaves the old or the new file
 * whole and the target is never absent: on a local file system rename(2) replaces the target in one
 * step. The temporary name is unique (random) and opened exclusively: two writes in the same
 * millisecond must never share one temporary file. It is short whatever the target's name (see
 * besideNames.ts), starts with '.' and ends with '.tmp', so nothing takes a leftover for a sidecar.
 * Takes no lock and checks nothing: writes that must not overwrite someone else's change go
 * through checkedWrite.ts. Used by the crash tests and for files nobody else writes.
 */
export async function writeTextAtomic(file: string, content: string): Promise<void> {
  const temp = temporaryPath(file, content);
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
