import { createHash, randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { tempNameFor } from '../core/sidecar/tempFiles';

/*
 * Names of the files a write keeps beside its target for a moment: the temporary file and the
 * lock. They never overflow the 255 bytes a file name may have, however long the target's name
 * (the lock's is short and of fixed length: a hash of the target's name). They start with '.' and
 * end with '.tmp' or '.lock', so folder walks pass them over and nothing takes a leftover one for
 * a sidecar or a text.
 */
const PREFIX = '.tawsim-';

function nameHash(target: string): string {
  return createHash('sha256').update(path.basename(target)).digest('hex').slice(0, 16);
}

/** A fresh random token: unique enough that two writers never share one. */
export function uniqueToken(): string {
  return randomBytes(8).toString('hex');
}

/**
 * A new temporary file name beside `target` for writing `content`: the editor's naming
 * (core/sidecar/tempFiles.ts: the target's name, or its start and a hash when it is too long, the
 * content's hash and a random part), so a leftover is recognised by both, and never too long.
 */
export function temporaryPath(target: string, content: string): string {
  return path.join(path.dirname(target), tempNameFor(path.basename(target), content, randomBytes(3).toString('hex')));
}

/** The lock of `target`: one name per target name and folder, the same for every process. */
export function lockPath(target: string): string {
  return path.join(path.dirname(target), `${PREFIX}${nameHash(target)}.lock`);
}

/** The longest a file name may be, in bytes, on the file systems Tawsim writes to. */
export const MAX_NAME_BYTES = 255;

/** Why a file of this name cannot be written, or undefined when it can. */
export function nameTooLong(target: string): string | undefined {
  const bytes = Buffer.byteLength(path.basename(target), 'utf8');
  return bytes > MAX_NAME_BYTES ? `its name is ${bytes} bytes long, more than the ${MAX_NAME_BYTES} a file name may have` : undefined;
}
