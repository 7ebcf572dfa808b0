import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import type { Services } from '../services';
import type { SuggestionEngine } from '../suggestions/suggestionEngine';
import type { SuggestionArgs } from '../suggestions/suggestionTarget';
import { suggestionsAt } from '../suggestions/suggestionTarget';
import { annotationFromSuggestion } from '../suggestions/suggestion';
import { resolveTarget } from '../commandTarget';
import type { AnnotationDocument } from '../annotationDocument';
import { applyAnnotatorEdit } from '../documentProgress';

/**
 * Tawsim: Accept Suggestion / Reject Suggestion — at the cursor, inside the selection, or the one
 * named by `key`. A rejection is stored (`status: rejected`) so the span is not suggested again.
 */
export async function decideSuggestion(services: Services, engine: SuggestionEngine, verdict: 'accepted' | 'rejected', args?: SuggestionArgs): Promise<number> {
  const target = await resolveTarget(services, args);
  if (!target) return 0;
  const { live, stored } = suggestionsAt(target, engine, args);
  if (live.length + stored.length === 0) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('No suggestion here'), 3000);
    return 0;
  }
  applyAnnotatorEdit(target.store, { put: decided(target.store, live, stored, verdict) });
  return live.length + stored.length;
}

/** Tawsim: Accept All Suggestions — every suggestion of the document, or of one label. */
export async function acceptAllSuggestions(services: Services, engine: SuggestionEngine, args?: SuggestionArgs): Promise<number> {
  const target = await resolveTarget(services, args);
  if (!target) return 0;
  await engine.refresh(target.store);
  const live = engine.suggestions(target.store).filter((s) => !args?.label || s.label === args.label);
  const stored = target.store.tracked.all.filter((a) => a.status === 'suggested' && (!args?.label || a.label === args.label));
  if (live.length + stored.length === 0) return 0;
  applyAnnotatorEdit(target.store, { put: decided(target.store, live, stored, 'accepted') });
  return live.length + stored.length;
}

function decided(store: AnnotationDocument, live: Parameters<typeof annotationFromSuggestion>[0][], stored: readonly Annotation[], verdict: 'accepted' | 'rejected'): Annotation[] {
  const put: Annotation[] = stored.map((a) => ({ ...a, status: verdict }));
  let next = Number(store.newId().slice(1));
  for (const s of live) put.push(annotationFromSuggestion(s, `t${next++}`, verdict));
  return put;
}
