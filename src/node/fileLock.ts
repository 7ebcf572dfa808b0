import { promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lockPath, uniqueToken } from './besideNames';

/** Who holds a lock: written inside it when it is taken, read by every writer that finds it taken. */
interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** When the process started (Linux: clock ticks after boot), to tell a reused pid from the owner. */
  readonly started?: string;
  readonly at: string;
}

/** A lock is held this long at most while it is waited for; then the wait fails with a message. */
const LOCK_WAIT_MS = 60_000;
/** A lock of another machine cannot be checked for life; it is broken once this old. */
const FOREIGN_STALE_MS = 10 * 60_000;
/** A lock whose owner cannot be read (hand-made, or a disk error) is broken once this old. */
const UNREADABLE_STALE_MS = 60_000;

/** Another live writer holds the lock for longer than a writer waits. */
export class LockBusyError extends Error {
  constructor(
    readonly file: string,
    readonly owner: string,
  ) {
    super(`${file}: another program (${owner}) has been writing it for over ${LOCK_WAIT_MS / 1000} s; nothing was written`);
  }
}

/** Locks held together; `release` gives them all back. */
export interface HeldLocks {
  release(): Promise<void>;
}

/**
 * Takes the locks of several files, in one global order (so two writers with overlapping sets
 * never wait for each other in a circle), waiting while live writers hold them.
 *
 * A lock is a folder `.tawsim-HASH.lock` beside the file holding one entry, named by a token only
 * its owner knows, that says who owns it (pid, host name, process start). It is made complete in a
 * temporary folder and renamed into place: rename(2) of a folder fails when the target is a folder
 * with something in it, so exactly one writer gets it and it is never seen without its owner.
 *
 * A lock whose owner is dead (same host, and `process.kill(pid, 0)` says there is no such process,
 * or the pid now belongs to a process started at another time) is broken at once, whatever its age,
 * and without a race: the breaker renames the dead owner's entry, by its token, out of the folder.
 * Only one breaker can move that entry; a lock taken meanwhile by a live writer has an entry of
 * another name, which no breaker of the dead one touches. The emptied folder is then removed with
 * rmdir, which removes only empty folders, or replaced by the next writer's rename.
 */
export async function lockFiles(files: readonly string[]): Promise<HeldLocks> {
  const locks = [...new Set(files.map((f) => lockPath(path.resolve(f))))].sort();
  const held: Held[] = [];
  try {
    for (const lock of locks) held.push(await acquire(lock, files.find((f) => lockPath(path.resolve(f)) === lock) as string));
  } catch (e) {
    await Promise.all(held.map((h) => releaseOne(h)));
    throw e;
  }
  let released = false;
  return {
    async release(): Promise<void> {
      if (released) return;
      released = true;
      await Promise.all(held.map((h) => releaseOne(h)));
    },
  };
}

interface Held {
  readonly lock: string;
  readonly token: string;
}

async function acquire(lock: string, file: string): Promise<Held> {
  const folder = path.dirname(lock);
  const token = uniqueToken();
  const staging = path.join(folder, `.tawsim-${token}.tmp`);
  await fs.mkdir(staging);
  try {
    await fs.writeFile(path.join(staging, token), JSON.stringify(me()));
    const until = Date.now() + LOCK_WAIT_MS;
    for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
      try {
        await fs.rename(staging, lock);
        return { lock, token };
      } catch (e) {
        if (!isTaken(e)) throw e;
      }
      const found = await inspect(lock);
      if (found.kind === 'dead') {
        await breakDead(lock, found.entry, token);
        continue;
      }
      if (found.kind === 'gone') continue;
      if (Date.now() > until) throw new LockBusyError(file, found.kind === 'alive' ? describe(found.owner) : 'unknown owner');
      await new Promise((r) => setTimeout(r, pause + Math.random() * pause));
    }
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

type Inspection = { kind: 'gone' } | { kind: 'dead'; entry: string } | { kind: 'alive'; owner: LockOwner } | { kind: 'unknown' };

/** Who holds the lock now, and whether they are alive. */
async function inspect(lock: string): Promise<Inspection> {
  let entries: string[];
  try {
    entries = await fs.readdir(lock);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
    throw e;
  }
  const [entry] = entries;
  if (entry === undefined) {
    // Emptied by a breaker or by its owner's release: rmdir removes it only while it is empty.
    await fs.rmdir(lock).catch(() => undefined);
    return { kind: 'gone' };
  }
  let owner: LockOwner | undefined;
  let age = 0;
  try {
    const file = path.join(lock, entry);
    age = Date.now() - (await fs.stat(file)).mtimeMs;
    owner = parseOwner(await fs.readFile(file, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'gone' };
  }
  if (!owner) return age > UNREADABLE_STALE_MS ? { kind: 'dead', entry } : { kind: 'unknown' };
  if (owner.host !== os.hostname()) return age > FOREIGN_STALE_MS ? { kind: 'dead', entry } : { kind: 'alive', owner };
  return isAlive(owner) ? { kind: 'alive', owner } : { kind: 'dead', entry };
}

/** Moves the dead owner's entry out by its own name: only one breaker can, and never a live lock's. */
async function breakDead(lock: string, entry: string, token: string): Promise<void> {
  const aside = path.join(path.dirname(lock), `.tawsim-${token}-${entry.slice(0, 16)}.tmp`);
  try {
    await fs.rename(path.join(lock, entry), aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  await fs.rm(aside, { force: true });
  await fs.rmdir(lock).catch(() => undefined);
}

async function releaseOne(held: Held): Promise<void> {
  // Only our own entry: if the lock was (wrongly) broken and taken by another, theirs stays.
  await fs.rm(path.join(held.lock, held.token), { force: true });
  await fs.rmdir(held.lock).catch(() => undefined);
}

function isTaken(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  // Linux says ENOTEMPTY, others EEXIST; Windows refuses to rename onto any existing folder (EPERM).
  return code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'EPERM' || code === 'EACCES';
}

function me(): LockOwner {
  const started = processStart(process.pid);
  return { pid: process.pid, host: os.hostname(), ...(started !== undefined ? { started } : {}), at: new Date().toISOString() };
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>;
    if (typeof v.pid !== 'number' || !Number.isInteger(v.pid) || v.pid <= 0 || typeof v.host !== 'string') return undefined;
    return { pid: v.pid, host: v.host, ...(typeof v.started === 'string' ? { started: v.started } : {}), at: typeof v.at === 'string' ? v.at : '' };
  } catch {
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // A pid is reused once its process is gone (in containers, often at once): the start time tells.
  const started = processStart(owner.pid);
  return owner.started === undefined || started === undefined || started === owner.started;
}

/** The start time of a process, where the system tells it (Linux's /proc), else undefined. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22, counted after the command name, which is in parentheses and may hold anything.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function describe(owner: LockOwner): string {
  return `pid ${owner.pid} on ${owner.host}${owner.at ? `, since ${owner.at}` : ''}`;
}
