export type SafePathResult = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

/** Longest path accepted from an imported file; real document paths are far shorter. */
const MAX_PATH_LENGTH = 1024;

/**
 * Checks a path that came from inside an imported or exported file before anything is read or
 * written with it: it must stay inside the target folder. Backslashes count as separators (the
 * file may come from Windows), `.` segments are dropped, and anything absolute, any `..` segment,
 * drive letters, NUL or other control characters are refused rather than repaired, because a
 * repaired path would silently point somewhere the file's author did not name.
 */
export function safeRelativePath(path: string): SafePathResult {
  if (typeof path !== 'string' || path.length === 0) return { ok: false, reason: 'the path is empty' };
  if (path.length > MAX_PATH_LENGTH) return { ok: false, reason: `the path is longer than ${MAX_PATH_LENGTH} characters` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return { ok: false, reason: 'the path contains control characters' };
  const unified = path.replace(/\\/g, '/');
  if (unified.startsWith('/')) return { ok: false, reason: 'the path is absolute' };
  if (/^[A-Za-z]:/.test(unified)) return { ok: false, reason: 'the path starts with a drive letter' };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(unified)) return { ok: false, reason: 'the path is a URL' };
  const segments = unified.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return { ok: false, reason: 'the path names no file' };
  if (segments.includes('..')) return { ok: false, reason: 'the path leaves its folder (..)' };
  return { ok: true, path: segments.join('/') };
}
