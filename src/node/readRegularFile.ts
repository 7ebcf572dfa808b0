import { constants, promises as fs } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import * as path from 'node:path';

/** Every file Tawsim reads (texts, sidecars, imports) is refused beyond this size, before it is read. */
export const MAX_READ_BYTES = 64 * 1024 * 1024;

/** A file that cannot be read, and why: `message` is `FILE: problem`, the file named once. */
export class FileProblem extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${shownPath(file)}: ${problem}`);
  }
}

/** A path as messages show it: whole up to a sensible length, else its start and end. */
export function shownPath(file: string): string {
  const MAX = 240;
  return file.length <= MAX ? file : `${file.slice(0, 80)}…(${file.length} characters)…${file.slice(-120)}`;
}

export interface ReadOptions {
  /** Larger files are refused, by their size, before a byte is read. */
  readonly maxBytes?: number;
  /** The real path of a folder the file must lie in once every symbolic link is followed. */
  readonly inside?: string;
}

/** What was read, with the identity of the file it came from (to notice a later change). */
export interface ReadFile {
  readonly bytes: Buffer;
  readonly stat: BigIntStats;
}

const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

/**
 * Reads a regular file whole, within a size limit, or returns undefined when there is none.
 * Folders, devices (`/dev/zero`), FIFOs and sockets are refused by what fstat says of the opened
 * file, so neither an endless device nor a FIFO with no writer can hang or exhaust the reader (the
 * open does not block on a FIFO). With `inside`, symbolic links are followed first and a file
 * whose real path leaves that folder is refused: a link in the folder must not expose a file
 * elsewhere. The read stops one byte past the limit, in case the file grows while it is read.
 */
export async function readRegularFile(file: string, options: ReadOptions = {}): Promise<ReadFile | undefined> {
  const maxBytes = options.maxBytes ?? MAX_READ_BYTES;
  let real = file;
  if (options.inside !== undefined) {
    try {
      real = await fs.realpath(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw problemOf(file, e);
    }
    if (!isInside(options.inside, real)) throw new FileProblem(file, `is a link to ${shownPath(real)}, outside ${shownPath(options.inside)}; not read`);
  }
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(real, READ_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    // O_NOFOLLOW refuses a link as the last part of the name; say what it is.
    if (code === 'ELOOP') throw new FileProblem(file, 'is a symbolic link; not read (name the file it points to)');
    throw problemOf(file, e);
  }
  try {
    const stat = await handle.stat({ bigint: true });
    if (!stat.isFile()) throw new FileProblem(file, `is ${kindOf(stat)}, not a regular file; not read`);
    if (stat.size > BigInt(maxBytes)) throw new FileProblem(file, `the file is ${megabytes(Number(stat.size))}, larger than ${megabytes(maxBytes)}; not read`);
    const buffer = Buffer.allocUnsafe(Number(stat.size) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) throw new FileProblem(file, `grew past ${megabytes(maxBytes)} while it was read; not read`);
      const { bytesRead } = await handle.read(buffer, length, Math.min(buffer.length - length, maxBytes + 1 - length));
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new FileProblem(file, `the file is larger than ${megabytes(maxBytes)}; not read`);
    }
    return { bytes: buffer.subarray(0, length), stat };
  } finally {
    await handle.close();
  }
}

/** A regular file's text: strict UTF-8 (invalid bytes are a problem naming the file), without a BOM. */
export async function readTextFile(file: string, options: ReadOptions = {}): Promise<string | undefined> {
  const read = await readRegularFile(file, options);
  return read === undefined ? undefined : decodeUtf8(read.bytes, file);
}

/** As readTextFile, with a missing file a problem too. */
export async function readExistingText(file: string, options: ReadOptions = {}): Promise<string> {
  const text = await readTextFile(file, options);
  if (text === undefined) throw new FileProblem(file, 'no such file');
  return text;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 without a BOM; invalid bytes are a problem naming the file. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new FileProblem(file, 'not valid UTF-8 text');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Whether `file` (a real path) lies in `folder` (a real path), or is it. */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A problem of the file system, in words, naming the file once. */
export function problemOf(file: string, e: unknown): FileProblem {
  if (e instanceof FileProblem) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a folder, not a file',
    ENOTDIR: 'a part of the path is not a folder',
    ENAMETOOLONG: 'the name is too long for the file system',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
    ENOSPC: 'no space left on the device',
    EROFS: 'the file system is read-only',
  };
  return new FileProblem(file, (code !== undefined ? words[code] : undefined) ?? (code ? `cannot be read (${code})` : (e as Error).message));
}

function kindOf(stat: BigIntStats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MB`;
}
