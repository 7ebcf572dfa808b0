const SIDECAR_SUFFIX = /\.ann\.yaml$/;

/** Default sidecar pattern: the text's own file name plus `.ann.yaml`. */
export const DEFAULT_SIDECAR_PATTERN = '${file}.ann.yaml';

/**
 * Sidecar file name for a text file name (no folders), from a pattern with `${file}` (the text's
 * file name) and `${annotator}`. The sidecar lives in the text's folder.
 */
export function sidecarFileName(textFileName: string, annotator: string, pattern = DEFAULT_SIDECAR_PATTERN): string {
  const safeAnnotator = annotator.replace(/[^\p{L}\p{N}_-]+/gu, '_') || 'anonymous';
  const name = pattern.split('${file}').join(textFileName).split('${annotator}').join(safeAnnotator);
  if (name.includes('/') || name.includes('\\') || name === textFileName) {
    throw new Error(`The sidecar pattern "${pattern}" must name a different file in the same folder`);
  }
  // Anything else would be taken for a text by the next run (`${file}.md` is an article to annotate).
  if (!SIDECAR_SUFFIX.test(name)) throw new Error(`The sidecar pattern "${pattern}" must end in .ann.yaml, or its files would be taken for texts`);
  return name;
}

export function isSidecarFileName(name: string): boolean {
  return SIDECAR_SUFFIX.test(name);
}

/**
 * For a sidecar file name, the text file name it belongs to and the annotator part if any:
 * `a.txt.ann.yaml` → `a.txt`; `a.txt.salma.ann.yaml` → `a.txt` + `salma` when `a.txt` exists.
 * `knownTexts` says which text names exist in the folder, since both parts may contain dots.
 */
export function textOfSidecar(name: string, knownTexts: ReadonlySet<string>): { text: string; annotator?: string } | undefined {
  if (!isSidecarFileName(name)) return undefined;
  const stem = name.replace(SIDECAR_SUFFIX, '');
  if (knownTexts.has(stem)) return { text: stem };
  for (let i = stem.lastIndexOf('.'); i > 0; i = stem.lastIndexOf('.', i - 1)) {
    const text = stem.slice(0, i);
    if (knownTexts.has(text)) return { text, annotator: stem.slice(i + 1) };
  }
  return undefined;
}

/** The name a sidecar that cannot be written gets its annotations saved to instead. */
export function recoveredFileName(sidecarName: string): string {
  return sidecarName.replace(SIDECAR_SUFFIX, '') + '.recovered.ann.yaml';
}
