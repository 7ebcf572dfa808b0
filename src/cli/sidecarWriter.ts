import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readText } from './files';
import { writeTextAtomic } from '../node/atomicWrite';
import { MAX_SIDECAR_BYTES, parseSidecar } from '../core/sidecar/parseSidecar';
import { serializeSidecar } from '../core/sidecar/serializeSidecar';
import { mergeAnnotations } from '../core/sidecar/mergeAnnotations';

/** What to do when the sidecar changed on disk since it was read. */
export type ConflictPolicy = 'merge' | 'fail';

export interface SidecarWriteResult {
  /** `written`: as asked; `merged`: the union of both versions was written; `unchanged`: the file already held `next`. */
  readonly outcome: 'written' | 'merged' | 'unchanged';
  /** The content now on disk. */
  readonly content: string;
}

/** Another writer changed the sidecar, and it could not (or must not) be merged. */
export class SidecarConflictError extends Error {}

/**
 * Writes a sidecar for the command line without ever overwriting someone else's change silently.
 * `expectedOnDisk` is the content read before computing `next` (undefined: there was no file).
 * Just before writing, the file is read again; if it differs from what was read:
 * - `fail`: nothing is written and a SidecarConflictError names the file;
 * - `merge`: both versions are parsed and the union of their annotations (mergeAnnotations: the
 *   same span and label is one annotation, mine wins where both changed it, clashing ids are
 *   renewed) is written under our header. Both must describe the same text (same sha256); if
 *   theirs does not parse or is for another text, nothing is written and the error says why.
 * Check and write happen under a lock file beside the sidecar (`.NAME.lock`, created
 * exclusively), so command-line writers never interleave between the check and the rename; the
 * editor does not take the lock, but compares what is on disk before it writes and asks.
 */
export async function writeSidecarChecked(file: string, expectedOnDisk: string | undefined, next: string, onConflict: ConflictPolicy): Promise<SidecarWriteResult> {
  return withLock(file, () => checkAndWrite(file, expectedOnDisk, next, onConflict));
}

async function checkAndWrite(file: string, expectedOnDisk: string | undefined, next: string, onConflict: ConflictPolicy): Promise<SidecarWriteResult> {
  const current = await readIfExists(file);
  if (current === expectedOnDisk) {
    if (current === next) return { outcome: 'unchanged', content: next };
    await writeTextAtomic(file, next);
    return { outcome: 'written', content: next };
  }
  if (current === next) return { outcome: 'unchanged', content: next };
  const what = current === undefined ? 'was deleted' : expectedOnDisk === undefined ? 'was created' : 'was changed';
  if (onConflict === 'fail' || current === undefined) {
    throw new SidecarConflictError(`${file}: ${what} by another program since it was read; nothing was written (run again, or merge)`);
  }
  const mine = parseSidecar(next);
  if (!mine.sidecar) throw new Error(`${file}: the sidecar to write is not valid: ${mine.problems[0]?.message ?? 'unknown problem'}`);
  const theirs = parseSidecar(current);
  if (!theirs.sidecar || !theirs.writable) {
    const problem = theirs.problems.find((p) => p.severity === 'error');
    throw new SidecarConflictError(
      `${file}: ${what} by another program and cannot be merged: line ${problem?.line ?? 1}: ${problem?.message ?? 'unreadable'}; nothing was written`,
    );
  }
  if (theirs.sidecar.document.sha256 !== mine.sidecar.document.sha256) {
    throw new SidecarConflictError(`${file}: ${what} by another program for a different version of ${mine.sidecar.document.path} (sha256 differs); nothing was written`);
  }
  const merged = serializeSidecar({ ...mine.sidecar, annotations: mergeAnnotations(mine.sidecar.annotations, theirs.sidecar.annotations) });
  if (merged !== current) await writeTextAtomic(file, merged);
  return { outcome: 'merged', content: merged };
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    await fs.access(file);
  } catch {
    return undefined;
  }
  return readText(file, MAX_SIDECAR_BYTES);
}

/** A lock older than this was left by a writer that died; it is broken. */
const STALE_LOCK_MS = 30_000;
const LOCK_WAIT_MS = 10_000;

async function withLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = path.join(path.dirname(file), `.${path.basename(file)}.lock`);
  const until = Date.now() + LOCK_WAIT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      const handle = await fs.open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const age = await fs.stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) await fs.rm(lock, { force: true });
      else if (Date.now() > until) throw new SidecarConflictError(`${file}: another program is writing it (lock ${lock}); nothing was written`);
      else await new Promise((r) => setTimeout(r, pause));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lock, { force: true });
  }
}
