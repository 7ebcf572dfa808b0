import * as vscode from 'vscode';
import type { AnnotationDocument } from '../annotationDocument';
import type { AnnotationStores } from '../annotationStores';
import type { Suggestion } from './suggestion';
import type { SuggestionEngine } from './suggestionEngine';

/** A model suggestion somewhere in the open documents, with its document. */
export interface UncertainSpan {
  readonly store: AnnotationDocument;
  readonly suggestion: Suggestion;
  readonly score: number;
}

/**
 * The model's current suggestions, least sure first: the active document's, then every other
 * open annotated document's. Ties go by document and position, so the order is stable.
 */
export function uncertainSpans(stores: AnnotationStores, engine: SuggestionEngine): UncertainSpan[] {
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const out: UncertainSpan[] = [];
  for (const store of stores.all()) {
    for (const s of engine.suggestions(store)) if (s.source === 'model' && s.score !== undefined) out.push({ store, suggestion: s, score: s.score });
  }
  const rank = (u: UncertainSpan): number => (u.store.uri.toString() === active ? 0 : 1);
  return out.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.score - b.score ||
      (a.store.uri.toString() < b.store.uri.toString() ? -1 : a.store.uri.toString() > b.store.uri.toString() ? 1 : 0) ||
      a.suggestion.start - b.suggestion.start,
  );
}
