import * as fs from 'node:fs';
import { decodeUtf8, FileProblem, MAX_READ_BYTES, problemOf } from '../../node/readRegularFile';

/** Texts beyond this size are refused before they are read: a batch must not die on one huge file. */
export const MAX_TEXT_BYTES = MAX_READ_BYTES;
/** How much of the start of a file is looked at for NUL bytes, as git does to tell binary files. */
const BINARY_PROBE_BYTES = 8000;

/**
 * The bytes of a regular file, or undefined when there is none; larger than `maxBytes` is an error
 * naming the file, and so are folders, devices and FIFOs (opened without blocking, told apart by
 * fstat, so `/dev/zero` or a FIFO with no writer cannot grow or hang a run). With `noFollow`, a
 * symbolic link in the last part of the name is refused (a sidecar is never read, or replaced,
 * through a link). Synchronous on purpose: over 10,000 small files the round trips through libuv's
 * thread pool (shared by every worker thread) cost more than the reading, and each worker thread
 * does one file at a time anyway. One open, one fstat, one read: no separate existence check.
 */
export function readBytesIfExists(file: string, maxBytes: number, options: { noFollow?: boolean } = {}): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (options.noFollow ? (fs.constants.O_NOFOLLOW ?? 0) : 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP' && options.noFollow) throw new FileProblem(file, 'is a symbolic link; not read or replaced');
    throw problemOf(file, e);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new FileProblem(file, 'is a folder, not a text');
    if (!stat.isFile()) throw new FileProblem(file, `is ${stat.isFIFO() ? 'a FIFO' : stat.isSocket() ? 'a socket' : 'a device'}, not a regular file; not read`);
    if (stat.size > maxBytes) throw new FileProblem(file, `the file is ${Math.round(stat.size / 1048576)} MB, larger than ${Math.round(maxBytes / 1048576)} MB; not read`);
    // One byte more than the size: a file that grows while it is read is noticed, not cut.
    const buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (let n = -1; n !== 0; length += n) {
      if (length === buffer.length) throw new FileProblem(file, 'grew while it was read; not read');
      n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a text for the recogniser and says plainly what is wrong with one that cannot be: a
 * missing file, a binary file (NUL bytes near the start: an image or an archive named .txt),
 * invalid UTF-8, a file too large. The message starts with the file name. A BOM is dropped.
 */
export function readDocumentText(file: string): string {
  const bytes = readBytesIfExists(file, MAX_TEXT_BYTES);
  if (bytes === undefined) throw new FileProblem(file, 'no such file');
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) throw new FileProblem(file, 'a binary file (it contains NUL bytes), not a text');
  return decodeUtf8(bytes, file);
}
