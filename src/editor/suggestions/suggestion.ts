import type { Annotation } from '../../core/model/annotation';
import type { RecognizedSpan } from '../../core/recognize/recognizeTypes';

/** A recogniser suggestion placed in a document: UTF-16 offsets, like the store's annotations. */
export interface Suggestion extends RecognizedSpan {
  /** Stable while the span and label stay the same, for command arguments from hovers. */
  readonly key: string;
}

export function suggestionKey(start: number, end: number, label: string): string {
  return `${start}:${end}:${label}`;
}

/** The annotation an accepted (or rejected) suggestion becomes. */
export function annotationFromSuggestion(s: Suggestion, id: string, status: 'accepted' | 'rejected'): Annotation {
  return {
    id,
    label: s.label,
    start: s.start,
    end: s.end,
    text: s.text,
    status,
    source: s.source,
    ...(s.value !== undefined ? { value: s.value } : {}),
  };
}
