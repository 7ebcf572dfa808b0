import { appendFileSync, lstatSync, promises as fs, renameSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import * as path from 'node:path';
import { isSidecarFileName } from '../core/sidecar/sidecarPath';
import { MAX_SIDECAR_BYTES, sidecarTooLarge } from '../core/sidecar/parseSidecar';
import { nameTooLong, temporaryPath } from './besideNames';
import { lockFiles } from './fileLock';
import { decodeUtf8, FileProblem, problemOf, readRegularFile, shownPath } from './readRegularFile';
import { mergeSidecars } from './sidecarConflict';

/** What to do when a file no longer holds what was read: merge (sidecars of one annotator and text), or fail. */
export type ConflictPolicy = 'merge' | 'fail';

/** One file of a plan: what was read, what to write instead, and what to do if another program got there first. */
export interface PlannedWrite {
  /** The file to write; its folder is made when missing. */
  readonly file: string;
  /** The content read before `next` was computed; undefined: there was no file. */
  readonly expected: string | undefined;
  readonly next: string;
  readonly onConflict: ConflictPolicy;
}

export interface WriteResult {
  readonly file: string;
  /** `written`: as planned; `merged`: with a change another program made meanwhile; `unchanged`: the file already held it. */
  readonly outcome: 'written' | 'merged' | 'unchanged';
  /** The content now on disk. */
  readonly content: string;
}

/** Another program changed a file of the plan, and the change could not (or must not) be merged. Nothing was written. */
export class WriteConflictError extends Error {
  constructor(
    readonly file: string,
    /** What the other program did since the file was read. */
    readonly change: 'created' | 'changed' | 'deleted',
    /** The file's content now, when it has one (for "keep mine / take theirs / merge"). */
    readonly current: string | undefined,
    reason: string,
  ) {
    super(`${shownPath(file)}: ${reason}`);
  }
}

/** A plan that cannot be carried out as it stands: a name too long, a folder in the way, a file twice. Nothing was written. */
export class PlanError extends Error {}

/**
 * Writes one file unless another program changed it since it was read: `commitPlan` of one write.
 * `expectedOnDisk` is what was read before `next` was computed (undefined: there was no file). For
 * the command line and for the editor on the Node extension host.
 */
export async function writeChecked(file: string, expectedOnDisk: string | undefined, next: string, onConflict: ConflictPolicy): Promise<WriteResult> {
  const [result] = await commitPlan([{ file, expected: expectedOnDisk, next, onConflict }]);
  return result as WriteResult;
}

/** A file as it is on disk: absent, or its content and identity. */
type OnDisk = { readonly exists: false } | { readonly exists: true; readonly stat: BigIntStats; readonly content: string | undefined };

interface Step {
  readonly write: PlannedWrite;
  readonly file: string;
  /** What the file held when it was last checked (the version `next` now builds on). */
  seen: OnDisk;
  next: string;
  outcome: WriteResult['outcome'];
  temp?: string;
  /** The written file's inode, to undo only what is still ours. */
  ours?: { dev: bigint; ino: bigint };
  renamed: boolean;
}

/**
 * Writes several files all or nothing, never over a change it did not see:
 * 1. checks the plan: names within 255 bytes, no folder or link in the way, no file twice, no
 *    sidecar larger than every reader accepts; makes missing folders;
 * 2. takes every file's lock (fileLock.ts), so Tawsim's writers never interleave;
 * 3. compares each file with what was read: a change is merged (`merge`, sidecars of the same
 *    annotator and text) or stops the plan (`fail`, or not mergeable) before anything is written;
 * 4. writes every temporary file (fsync); a failure there removes them, nothing is renamed;
 * 5. renames them into place one by one, each right after checking again that the file is still
 *    the one compared (same inode, size, mtime and ctime): the check and the rename are two
 *    consecutive system calls, the only window left for a writer that takes no lock. A change found
 *    there is merged or stops the plan, and files already renamed get their old content back;
 * 6. releases the locks.
 * Errors say which file and why, and their message ends with what was written: "nothing was
 * written" (a WriteConflictError or PlanError always), or the files that could not be put back.
 */
export async function commitPlan(writes: readonly PlannedWrite[]): Promise<WriteResult[]> {
  const steps: Step[] = writes.map((write) => ({ write, file: path.resolve(write.file), seen: { exists: false }, next: write.next, outcome: 'written', renamed: false }));
  await checkPlan(steps);
  const madeFolders = await makeFolders(steps);
  let locks: Awaited<ReturnType<typeof lockFiles>> | undefined;
  try {
    locks = await lockFiles(steps.map((s) => s.file));
    for (const step of steps) await compare(step);
    await writeTemporaries(steps);
    for (const step of steps) await renameChecked(step);
    return steps.map((s) => ({ file: s.write.file, outcome: s.outcome, content: s.next }));
  } catch (e) {
    await Promise.all(steps.map((s) => (s.temp && !s.renamed ? fs.rm(s.temp, { force: true }) : undefined)));
    const notUndone = await undo(steps);
    if (notUndone.length === 0) await removeFolders(madeFolders);
    throw withOutcome(e, notUndone);
  } finally {
    await locks?.release();
  }
}

async function checkPlan(steps: readonly Step[]): Promise<void> {
  const files = new Set<string>();
  for (const { file, next } of steps) {
    const shown = shownPath(file);
    if (files.has(file)) throw new PlanError(`${shown} would be written twice by one command; nothing was written`);
    files.add(file);
    const tooLong = nameTooLong(file);
    if (tooLong) throw new PlanError(`${shown} cannot be written: ${tooLong}; nothing was written`);
    if (isSidecarFileName(path.basename(file))) {
      const tooLarge = sidecarTooLarge(next);
      if (tooLarge) throw new PlanError(`${shown}: ${tooLarge}; nothing was written`);
    }
    const stat = await fs.lstat(file).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return undefined;
      throw problemOf(file, e);
    });
    if (stat?.isDirectory()) throw new PlanError(`${shown} cannot be written: a folder of that name is in the way; nothing was written`);
    if (stat?.isSymbolicLink()) throw new PlanError(`${shown} is a symbolic link; it is not replaced; nothing was written`);
    if (stat && !stat.isFile()) throw new PlanError(`${shown} is not a regular file; it is not replaced; nothing was written`);
  }
}

/** Makes the missing folders of the plan, returning those it made (deepest first), to remove them if nothing is written. */
async function makeFolders(steps: readonly Step[]): Promise<string[]> {
  const made: string[] = [];
  for (const folder of [...new Set(steps.map((s) => path.dirname(s.file)))]) {
    const missing: string[] = [];
    for (let f = folder; !(await exists(f)); f = path.dirname(f)) missing.push(f);
    try {
      await fs.mkdir(folder, { recursive: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') {
        throw new PlanError(`${shownPath(folder)} cannot be made: a file of that name is in the way; nothing was written`);
      }
      throw problemOf(folder, e);
    }
    made.push(...missing);
  }
  return made.sort((a, b) => b.length - a.length);
}

async function removeFolders(folders: readonly string[]): Promise<void> {
  for (const f of folders) await fs.rmdir(f).catch(() => undefined);
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/** The file now; its content only when it could be what was read, or when a merge needs it. */
async function observe(file: string, sizeOfExpected: number | undefined, wantContent: boolean): Promise<OnDisk> {
  const stat = await fs.lstat(file, { bigint: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw problemOf(file, e);
  });
  if (!stat) return { exists: false };
  if (!wantContent && (sizeOfExpected === undefined || stat.size !== BigInt(sizeOfExpected))) return { exists: true, stat, content: undefined };
  const read = await readRegularFile(file, { maxBytes: Math.max(MAX_SIDECAR_BYTES, sizeOfExpected ?? 0) });
  if (!read) return { exists: false };
  let content: string | undefined;
  try {
    content = decodeUtf8(read.bytes, file);
  } catch {
    content = undefined;
  }
  return { exists: true, stat: read.stat, content };
}

/** Step 3: the file against what was read; a change is merged or stops the plan. */
async function compare(step: Step): Promise<void> {
  const { expected, onConflict } = step.write;
  const size = expected === undefined ? undefined : Buffer.byteLength(expected, 'utf8');
  step.seen = await observe(step.file, size, expected === undefined && onConflict === 'merge');
  if (!step.seen.exists ? expected === undefined : step.seen.content !== undefined && step.seen.content === expected) {
    if (step.seen.exists && step.seen.content === step.next) step.outcome = 'unchanged';
    return;
  }
  await resolveChange(step);
}

/** The file is not what `next` was built on: merge with it, or stop. */
async function resolveChange(step: Step): Promise<void> {
  const { expected, onConflict } = step.write;
  const seen = step.seen.exists && step.seen.content === undefined ? await observe(step.file, undefined, true) : step.seen;
  step.seen = seen;
  const change = !seen.exists ? 'deleted' : expected === undefined ? 'created' : 'changed';
  const current = seen.exists ? seen.content : undefined;
  if (current !== undefined && current === step.next) {
    step.outcome = 'unchanged';
    return;
  }
  const what = `was ${change} by another program since it was read`;
  if (!seen.exists) throw new WriteConflictError(step.write.file, change, undefined, `${what}; nothing was written`);
  if (onConflict === 'fail') throw new WriteConflictError(step.write.file, change, current, `${what}; nothing was written (run again, or merge)`);
  if (current === undefined) throw new WriteConflictError(step.write.file, change, undefined, `${what} and cannot be merged: it is not UTF-8 text; nothing was written`);
  const merge = mergeSidecars(step.next, current);
  if ('reason' in merge) throw new WriteConflictError(step.write.file, change, current, `${what} and cannot be merged: ${merge.reason}; nothing was written`);
  const tooLarge = sidecarTooLarge(merge.merged);
  if (tooLarge) throw new WriteConflictError(step.write.file, change, current, `${what}; merged with it, ${tooLarge}; nothing was written`);
  step.next = merge.merged;
  step.outcome = merge.merged === current ? 'unchanged' : 'merged';
}

/** Step 4: every temporary file, written and synced, before anything is renamed. */
async function writeTemporaries(steps: readonly Step[]): Promise<void> {
  for (const step of steps) if (step.outcome !== 'unchanged') await writeTemporary(step);
}

async function writeTemporary(step: Step): Promise<void> {
  const temp = temporaryPath(step.file, step.next);
  step.temp = temp;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(temp, 'wx');
  } catch (e) {
    throw problemOf(step.file, e);
  }
  try {
    await handle.writeFile(step.next, 'utf8');
    await handle.sync();
    const stat = await handle.stat({ bigint: true });
    step.ours = { dev: stat.dev, ino: stat.ino };
  } catch (e) {
    throw new FileProblem(step.file, `its temporary file could not be written: ${problemOf(temp, e).problem}`);
  } finally {
    await handle.close();
  }
}

/** Step 5: the last check and the rename, back to back; a change found here is merged or undoes the plan. */
async function renameChecked(step: Step): Promise<void> {
  for (;;) {
    // Synchronous on purpose: no other work of this process between the check and the rename.
    const checked = process.hrtime.bigint();
    if (sameAsSeen(step)) {
      if (!step.temp) return;
      try {
        renameSync(step.temp, step.file);
      } catch (e) {
        throw problemOf(step.file, e);
      }
      traceRename(step.file, checked);
      step.renamed = true;
      return;
    }
    // Changed since it was compared. The same bytes again (a touch, a rewrite of the same) is no change.
    const builtOn = step.seen;
    step.seen = await observe(step.file, undefined, true);
    const same = builtOn.exists ? step.seen.exists && step.seen.content !== undefined && step.seen.content === builtOn.content : !step.seen.exists;
    if (same) continue;
    const before = step.next;
    await resolveChange(step);
    if (step.outcome === 'unchanged') {
      if (step.temp) await fs.rm(step.temp, { force: true });
      step.temp = undefined;
    } else if (step.next !== before || !step.temp) {
      if (step.temp) await fs.rm(step.temp, { force: true });
      await writeTemporary(step);
    }
  }
}

/**
 * With TAWSIM_TRACE_RENAMES set to a file, each check-and-rename appends `FILE<TAB>START<TAB>END`
 * (monotonic nanoseconds, the clock every process shares): the race tests tell from it whether a
 * lock-free writer's rename fell inside that window, the one place this path cannot see it.
 */
function traceRename(file: string, checked: bigint): void {
  const trace = process.env['TAWSIM_TRACE_RENAMES'];
  if (trace) appendFileSync(trace, `${file}\t${checked}\t${process.hrtime.bigint()}\n`);
}

function sameAsSeen(step: Step): boolean {
  let now: BigIntStats | undefined;
  try {
    now = lstatSync(step.file, { bigint: true, throwIfNoEntry: false });
  } catch {
    return false;
  }
  if (!step.seen.exists) return now === undefined;
  const was = step.seen.stat;
  return now !== undefined && now.dev === was.dev && now.ino === was.ino && now.size === was.size && now.mtimeNs === was.mtimeNs && now.ctimeNs === was.ctimeNs;
}

/** Puts back what the renamed files held, unless another program changed them since. Returns the files it could not restore. */
async function undo(steps: readonly Step[]): Promise<string[]> {
  const left: string[] = [];
  for (const step of [...steps].reverse()) {
    if (!step.renamed) continue;
    try {
      const now = await fs.lstat(step.file, { bigint: true });
      if (!step.ours || now.dev !== step.ours.dev || now.ino !== step.ours.ino) {
        left.push(step.file);
        continue;
      }
      if (!step.seen.exists) await fs.rm(step.file, { force: true });
      else if (step.seen.content !== undefined) {
        const temp = temporaryPath(step.file, step.seen.content);
        await fs.writeFile(temp, step.seen.content, { flag: 'wx' });
        await fs.rename(temp, step.file);
      } else left.push(step.file);
    } catch {
      left.push(step.file);
    }
  }
  return left;
}

/**
 * The error, its message ending with what happened to the files: "nothing was written", or the
 * files that stayed written because another program changed them after they were (so putting the
 * old content back would have overwritten that change).
 */
function withOutcome(e: unknown, notUndone: readonly string[]): Error {
  const error = e instanceof Error ? e : new Error(String(e));
  const message = error.message.replace(/; nothing was written.*$/, '');
  error.message =
    notUndone.length === 0 ? `${message}; nothing was written` : `${message}; written and not undone, because they changed since: ${notUndone.map(shownPath).join(', ')}`;
  return error;
}
