import type { Annotation, AnnotationStatus } from '../../../src/core/model/annotation';

/**
 * A text of Arabic words separated by single spaces, so that token i is word i and hand-worked
 * token figures can be written in words rather than offsets.
 */
export const WORDS = ['زار', 'محمد', 'الرباط', 'الجديدة', 'أمس', 'وزير', 'الخارجية', 'المغربي'] as const;

export function textOf(count: number): string {
  return WORDS.slice(0, count).join(' ');
}

/** Code point offsets of words first..last (inclusive) in `textOf(n)`; the words hold no astral characters. */
export function wordSpan(first: number, last: number): { start: number; end: number } {
  let start = 0;
  for (let i = 0; i < first; i++) start += (WORDS[i] as string).length + 1;
  let end = start;
  for (let i = first; i <= last; i++) end += (WORDS[i] as string).length + (i < last ? 1 : 0);
  return { start, end };
}

let counter = 0;

export function tag(label: string, first: number, last = first, status: AnnotationStatus = 'accepted'): Annotation {
  const { start, end } = wordSpan(first, last);
  counter++;
  return { id: `t${counter}`, label, start, end, text: WORDS.slice(first, last + 1).join(' '), status, source: 'manual' };
}

/** A tag by raw offsets, for cases that are about offsets rather than words. */
export function raw(label: string, start: number, end: number, status: AnnotationStatus = 'accepted'): Annotation {
  counter++;
  return { id: `t${counter}`, label, start, end, text: '', status, source: 'manual' };
}

export function close(actual: number | null, expected: number, message?: string): void {
  if (actual === null || Math.abs(actual - expected) > 1e-12) {
    throw new Error(`${message ?? 'value'}: expected ${expected}, got ${String(actual)}`);
  }
}
