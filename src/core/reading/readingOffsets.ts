import { codePointLength } from '../model/offsets';
import type { PagePosition } from './readingProtocol';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Widens a selection in a paragraph's text to whole user-perceived characters: a letter keeps its
 * harakat and shadda, an emoji or a flag its surrogate pairs and joiners. The DOM usually gives
 * such offsets already; a keyboard selection or a hit test between a letter and its mark does not,
 * and a span must never end between them.
 */
export function snapToClusters(text: string, start: number, end: number): { start: number; end: number } {
  const from = clusterStart(text, Math.max(0, Math.min(start, text.length)));
  const to = end <= start ? from : clusterEnd(text, Math.max(0, Math.min(end, text.length)));
  return { start: from, end: Math.max(from, to) };
}

/** The start of the character that contains offset i (i itself at a boundary). */
export function clusterStart(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return Math.max(0, Math.min(i, text.length));
  return graphemes.segment(text).containing(i)?.index ?? i;
}

/** The end of the character that contains offset i - 1 when i is inside one (i itself at a boundary). */
export function clusterEnd(text: string, i: number): number {
  if (i <= 0 || i >= text.length) return Math.max(0, Math.min(i, text.length));
  const segment = graphemes.segment(text).containing(i);
  if (!segment || segment.index === i) return i;
  return segment.index + segment.segment.length;
}

/** Code point offset in the document of a UTF-16 offset in a paragraph that starts at code point `cpStart`. */
export function codePointIn(paragraph: { readonly text: string; readonly cpStart: number }, character: number): number {
  return paragraph.cpStart + codePointLength(paragraph.text.slice(0, Math.max(0, Math.min(character, paragraph.text.length))));
}

/** The two ends of a selection in document order. */
export function inOrder(a: PagePosition, b: PagePosition): [PagePosition, PagePosition] {
  return a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
}
