import * as path from 'node:path';
import { safeRelativePath } from '../../core/formats/safeRelativePath';

/** `file` relative to `folder` with forward slashes, or undefined when it lies outside. */
export function pathInFolder(folder: string, file: string): string | undefined {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/**
 * The absolute path of a relative path that came from a file (an export's output names, an
 * import's document paths) under `folder`; an error naming the path when it would leave it.
 * Checked twice: by the shared rules of safeRelativePath and by where the resolved path lands.
 */
export function resolveInside(folder: string, relativePath: string): string {
  const safe = safeRelativePath(relativePath);
  if (!safe.ok) throw new Error(`refusing to write ${JSON.stringify(relativePath)}: ${safe.reason}`);
  const full = path.resolve(folder, ...safe.path.split('/'));
  if (pathInFolder(folder, full) === undefined) throw new Error(`refusing to write ${JSON.stringify(relativePath)}: it leaves ${folder}`);
  return full;
}

/** The deepest folder that holds every given folder: the root export paths are relative to. */
export function commonFolder(folders: readonly string[]): string {
  const split = folders.map((f) => path.resolve(f).split(path.sep));
  const first = split[0] ?? [process.cwd()];
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}
