/** Escapes Markdown so that annotated text, labels and notes show in hovers exactly as written, on one line. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\n/g, ' ');
}
