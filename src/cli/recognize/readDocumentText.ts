import * as fs from 'node:fs';

/** Texts beyond this size are refused before they are read: a batch must not die on one huge file. */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;
/** How much of the start of a file is looked at for NUL bytes, as git does to tell binary files. */
const BINARY_PROBE_BYTES = 8000;

/**
 * The bytes of a file, or undefined when there is none; larger than `maxBytes` is an error naming
 * the file. Synchronous on purpose: over 10,000 small files the round trips through libuv's thread
 * pool (shared by every worker thread) cost more than the reading, and each worker thread does
 * one file at a time anyway. One open, one fstat, one read: no separate existence check.
 */
export function readBytesIfExists(file: string, maxBytes: number): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new Error(`${file}: cannot be read (${code ?? (e as Error).message})`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) throw new Error(`${file}: is a folder, not a text`);
    if (stat.size > maxBytes) throw new Error(`${file}: the file is ${Math.round(stat.size / 1048576)} MB, larger than ${Math.round(maxBytes / 1048576)} MB; not read`);
    return fs.readFileSync(fd);
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
  if (bytes === undefined) throw new Error(`${file}: no such file`);
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) throw new Error(`${file}: a binary file (it contains NUL bytes), not a text`);
  return decodeUtf8(bytes, file);
}

/** Strict UTF-8 (invalid bytes are an error naming the file), without a BOM. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new Error(`${file}: not valid UTF-8 text`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
