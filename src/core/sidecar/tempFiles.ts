import { sha256Hex } from './hash';

/** File names longer than this many UTF-8 bytes are refused by common file systems. */
const NAME_LIMIT = 255;
/** Room kept for `.` + `.` + hash + `.` + random + `.tmp`. */
const SUFFIX_BYTES = 1 + 1 + 12 + 1 + 6 + 4;
const encoder = new TextEncoder();

/**
 * The part of a temporary file's name that says which file it belongs to: the target's name, or
 * for a name too long to take a suffix, its beginning and a hash of the whole name.
 */
function stem(target: string): string {
  if (encoder.encode(target).length + SUFFIX_BYTES <= NAME_LIMIT) return target;
  let cut = '';
  for (const ch of target) {
    if (encoder.encode(cut + ch).length > 100) break;
    cut += ch;
  }
  return `${cut}~${sha256Hex(target).slice(0, 12)}`;
}

/**
 * The name of a temporary file for writing `content` to the file named `target` in the same
 * folder: `.TARGET.HASH.RANDOM.tmp`, where HASH starts the content's SHA-256. A leftover of a write
 * that was interrupted after its temporary file was complete can thus be recognised as complete
 * and recovered (see `isCompleteTemp`); a partial one cannot pass for it. The leading dot hides it,
 * and nothing takes a name ending in `.tmp` for a sidecar.
 */
export function tempNameFor(target: string, content: string, random: string = Math.random().toString(36).slice(2, 8).padEnd(6, '0')): string {
  return `.${stem(target)}.${sha256Hex(content).slice(0, 12)}.${random.slice(0, 6)}.tmp`;
}

/** Whether `name` is a temporary file made by `tempNameFor` for `target`. */
export function isTempFor(name: string, target: string): boolean {
  const prefix = `.${stem(target)}.`;
  return name.startsWith(prefix) && /^[0-9a-f]{12}\.[0-9a-z]{6}\.tmp$/.test(name.slice(prefix.length));
}

/** Whether a temporary file's content is the whole content it was named for. */
export function isCompleteTemp(name: string, content: string): boolean {
  const hash = /\.([0-9a-f]{12})\.[0-9a-z]{6}\.tmp$/.exec(name)?.[1];
  return hash !== undefined && sha256Hex(content).startsWith(hash);
}
