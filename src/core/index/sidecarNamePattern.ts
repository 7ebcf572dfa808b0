import { isSidecarFileName } from '../sidecar/sidecarPath';

/** Folders the index never looks into: dependencies and git's own store hold no corpus. */
export const INDEX_EXCLUDED_FOLDERS: readonly string[] = ['node_modules', '.git'];

/** The exclude glob for file search, the same for every feature. */
export const INDEX_EXCLUDE_GLOB = `**/{${INDEX_EXCLUDED_FOLDERS.join(',')}}/**`;

/**
 * The file-name glob of a sidecar pattern: `${file}` and `${annotator}` become `*`. Several
 * patterns (the annotator's and the reviewer's gold one) give one brace alternative.
 */
export function sidecarNameGlob(patterns: readonly string[]): string {
  const globs = [
    ...new Set(
      patterns.map((p) =>
        p
          .split('${file}')
          .join('*')
          .split('${annotator}')
          .join('*')
          .replace(/[[\]{}?,]/gu, '?'),
      ),
    ),
  ].sort();
  return globs.length === 1 ? (globs[0] as string) : `{${globs.join(',')}}`;
}

/**
 * Whether a file name (no folders) is a sidecar under one of the patterns. Temporary files of
 * interrupted writes and recovered copies end in `.ann.yaml` too but are not sidecars of a text.
 */
export function sidecarNameMatcher(patterns: readonly string[]): (name: string) => boolean {
  const expressions = patterns.map(
    (p) =>
      new RegExp(
        `^${p
          .split(/(\$\{file\}|\$\{annotator\})/u)
          .map((part) => (part === '${file}' || part === '${annotator}' ? '.+' : escape(part)))
          .join('')}$`,
        'u',
      ),
  );
  return (name) => isSidecarFileName(name) && !name.startsWith('.') && !RECOVERED.test(name) && expressions.some((e) => e.test(name));
}

/** Whether a workspace-relative path (`/` separated) passes through an excluded folder. */
export function isExcludedPath(relativePath: string): boolean {
  return relativePath.split('/').some((part) => INDEX_EXCLUDED_FOLDERS.includes(part));
}

const RECOVERED = /\.recovered\.ann\.yaml$/u;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
