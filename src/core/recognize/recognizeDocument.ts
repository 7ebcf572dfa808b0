import type { Annotation } from '../model/annotation';
import { linkMentions } from './consistency';
import { findDocumentDate } from './documentDate';
import { recognize } from './recognize';
import type { LearnedEntry, RecognizedSpan, RecognizeOptions } from './recognizeTypes';

/** What whole-document recognition takes: the per-line options, without positions or rejections. */
export type DocumentRecognizeOptions = Pick<RecognizeOptions, 'documentDate' | 'labels' | 'gazetteers' | 'learned' | 'tagger'>;

/**
 * Above this size the document-wide name pass is skipped, as the editor does: it normalises the
 * whole text at once, and a 2 MB line-less dump is not a news article.
 */
export const MAX_LINKED_CHARS = 2_000_000;

const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * The recogniser over a whole document, exactly as the editor runs it: each line on its own (so a
 * command-line run and the editor suggest the same spans), then one pass that finds the names of
 * any line again everywhere else. Offsets are UTF-16 indices into `text`, sorted by position.
 */
export function recognizeDocument(text: string, options: DocumentRecognizeOptions = {}): RecognizedSpan[] {
  const spans: RecognizedSpan[] = [];
  let lineStart = 0;
  const recognizeLine = (lineEnd: number): void => {
    const line = text.slice(lineStart, lineEnd);
    if (line.trim().length === 0) return;
    for (const s of recognize(line, options)) spans.push({ ...s, start: s.start + lineStart, end: s.end + lineStart });
  };
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m !== null; m = LINE_BREAK.exec(text)) {
    recognizeLine(m.index);
    lineStart = m.index + m[0].length;
  }
  recognizeLine(text.length);
  const labels = options.labels ? { labels: options.labels } : {};
  return text.length <= MAX_LINKED_CHARS ? linkMentions(text, spans, labels) : spans.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The date relative dates are resolved against: the one asked for, else the sidecar's
 * `document.date`, else a dateline at the top of the text (as the editor offers it), else none.
 */
export function chooseDocumentDate(text: string, asked: string | undefined, sidecarDate: string | undefined): string | undefined {
  return asked ?? sidecarDate ?? findDocumentDate(text)?.date;
}

/**
 * What the annotator tagged in this document, to be suggested at its other occurrences. Dates are
 * learned without their value, as the editor does: "الثلاثاء" elsewhere is another Tuesday.
 */
export function learnedFromAnnotations(annotations: readonly Annotation[]): LearnedEntry[] {
  const seen = new Map<string, LearnedEntry>();
  for (const a of annotations) {
    if (a.status !== 'accepted' || a.orphan || a.text.trim().length < 2) continue;
    seen.set(`${a.label}\u0000${a.text}`, { text: a.text, label: a.label });
  }
  return [...seen.values()];
}
