import { EntityReader, selectCandidates } from '../recognize/entities';
import type { Lexicon } from '../recognize/lexicon';
import type { MentionPayload } from '../recognize/mentions';
import { findMentions } from '../recognize/mentions';
import type { PhraseIndex } from '../recognize/phraseIndex';
import type { WordList } from '../recognize/wordList';
import { tagEntities } from './tagEntities';
import type { TaggerModel } from './taggerModel';

/** Below this probability (from the model) a learned name is not proposed where the model proposes nothing. */
export const LEARNED_FLOOR = 0.05;

/** A trained model as the recogniser uses it. */
export interface EntityTagger {
  readonly model: TaggerModel;
  /** Spans the model gives less than this probability are not proposed (default 0: all of its best path). */
  readonly minScore?: number;
  /**
   * Labels the rules propose instead of the model: those where the rules did better on the
   * annotator's held-out sentences (see `compareOnHeldOut`).
   */
  readonly ruleLabels?: ReadonlySet<string>;
  /**
   * Whether the annotator's own names are still suggested where the model proposes nothing
   * (default true: a name the annotator tagged is found again, as without a model). The
   * ANERcorp figures turn it off, since there the "learned" names are the whole training set's.
   */
  readonly learnedFallback?: boolean;
  /**
   * Whether a gazetteer name the model left alone is still proposed by the rules (default true).
   * It costs 0.007 F1 on ANERcorp's development slice and keeps the listed capitals and
   * countries of the annotator's own texts from going unsuggested.
   */
  readonly sureRules?: boolean;
}

export interface ModelEntity {
  readonly start: number;
  readonly end: number;
  readonly skip: number;
  readonly label: string;
  readonly reason: string;
  readonly source: 'model' | 'rules' | 'learned';
  readonly score?: number;
  readonly alternative?: { readonly label: string; readonly score: number };
}

/**
 * PER, ORG, LOC and MISC in a word list by the model, with the rules' spans, the gazetteers and
 * the learned names as its features. `temporal` marks the words the rules read as dates and
 * times: they stay DATE and TIME. Where the rules do better for a label, they propose it; where
 * the model proposes nothing, the annotator's own names are still found again ('learned').
 */
export function modelEntities(
  tagger: EntityTagger,
  words: WordList,
  temporal: Uint8Array,
  lexicon: Lexicon,
  learned: PhraseIndex<MentionPayload> | undefined,
  written: (i: number) => string,
): ModelEntity[] {
  const ruleTaken = temporal.slice();
  const rules = selectCandidates(new EntityReader(words, lexicon, ruleTaken, written).findAll(), ruleTaken);
  const input = learned ? { words, temporal, rules, lexicon, learned } : { words, temporal, rules, lexicon };
  const taken = temporal.slice();
  const out: ModelEntity[] = [];
  const free = (start: number, end: number): boolean => {
    for (let k = start; k < end; k++) if (taken[k] !== 0) return false;
    return true;
  };
  const take = (e: ModelEntity): void => {
    for (let k = e.start; k < e.end; k++) taken[k] = 1;
    out.push(e);
  };
  const ruleLabels = tagger.ruleLabels;
  const decoded: { marginals?: Float64Array } = {};
  // The marginals are read only to weigh the annotator's names against the model.
  const fallback = learned !== undefined && tagger.learnedFallback !== false;
  for (const e of tagEntities(tagger.model, input, undefined, fallback ? decoded : undefined)) {
    if (ruleLabels?.has(e.label) || e.score < (tagger.minScore ?? 0) || !free(e.start, e.end)) continue;
    take({
      start: e.start,
      end: e.end,
      skip: e.skip,
      label: e.label,
      reason: 'model',
      source: 'model',
      score: e.score,
      alternative: { label: e.alternative, score: e.alternativeScore },
    });
  }
  for (const c of rules) {
    // The rules keep proposing where they are sure (a gazetteer's name the model left alone), and
    // everything of a label they do better on.
    const sure = tagger.sureRules !== false && c.reason.startsWith('gazetteer:');
    if ((sure || ruleLabels?.has(c.label)) && free(c.start, c.end)) take({ start: c.start, end: c.end, skip: c.skip, label: c.label, reason: c.reason, source: 'rules' });
  }
  if (learned && fallback) {
    const model = tagger.model;
    // The model's probability that a name of `label` starts at word i (B or U of that label).
    const starts = (i: number, label: string): number => {
      const k = model.labels.indexOf(label);
      const m = decoded.marginals;
      if (k < 0 || !m) return 1;
      return (m[i * model.tags + 1 + 4 * k] as number) + (m[i * model.tags + 4 + 4 * k] as number);
    };
    for (const m of findMentions(words, learned, taken)) {
      // A learned name is a feature, not an override: it is proposed alone only where the model does not rule it out.
      if (starts(m.start, m.payload.label) < LEARNED_FLOOR) continue;
      take({ start: m.start, end: m.end, skip: m.skip, label: m.payload.label, reason: m.payload.reason, source: 'learned' });
    }
  }
  return out;
}
