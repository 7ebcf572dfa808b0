/** The line that sends sidecars through the `tawsim` merge driver. */
export const GIT_ATTRIBUTES_LINE = '*.ann.yaml merge=tawsim';

/**
 * `.gitattributes` with the sidecar line added once, keeping every other line as it was. A line
 * that already gives sidecars a merge attribute is left alone: the repository chose.
 */
export function withAttributesLine(content: string): string {
  const lines = content.split(/\r?\n/);
  if (lines.some((l) => /^\*\.ann\.yaml\s.*\bmerge(=|\s|$)/.test(l.trim()) || l.trim() === GIT_ATTRIBUTES_LINE)) return content;
  const eol = content.includes('\r\n') ? '\r\n' : '\n';
  const body = content === '' || content.endsWith('\n') ? content : content + eol;
  return `${body}${GIT_ATTRIBUTES_LINE}${eol}`;
}
