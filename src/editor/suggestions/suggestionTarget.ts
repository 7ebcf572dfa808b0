import type { Target } from '../commandTarget';
import type { SuggestionEngine } from './suggestionEngine';
import type { Suggestion } from './suggestion';
import type { Annotation } from '../../core/model/annotation';

/** Arguments of Accept and Reject: a suggestion by its key, else those at the cursor or in the selection. */
export interface SuggestionArgs {
  readonly uri?: string;
  /** `start:end:LABEL` in UTF-16 offsets, as hovers and code actions pass it. */
  readonly key?: string;
  /** Accept All only: restrict to one label. */
  readonly label?: string;
}

/** Recogniser suggestions and suggestions stored in the sidecar that a command acts on. */
export interface SuggestionTargets {
  readonly live: Suggestion[];
  readonly stored: Annotation[];
}

export function suggestionsAt(target: Target, engine: SuggestionEngine, args?: SuggestionArgs): SuggestionTargets {
  const { store, editor, document } = target;
  if (args?.key) {
    return {
      live: engine.suggestions(store).filter((s) => s.key === args.key),
      stored: store.tracked.all.filter((a) => a.status === 'suggested' && `${a.start}:${a.end}:${a.label}` === args.key),
    };
  }
  const live = new Map<string, Suggestion>();
  const stored = new Map<string, Annotation>();
  for (const sel of editor?.selections ?? []) {
    const start = document.offsetAt(sel.start);
    const end = document.offsetAt(sel.end);
    const inside = <T extends { start: number; end: number }>(x: T): boolean => (sel.isEmpty ? x.start <= start && start <= x.end : x.start >= start && x.end <= end);
    for (const s of engine.suggestionsIn(store, start, end)) if (inside(s)) live.set(s.key, s);
    for (const a of store.tracked.inRange(start, end)) if (a.status === 'suggested' && inside(a)) stored.set(a.id, a);
  }
  return { live: [...live.values()], stored: [...stored.values()] };
}
