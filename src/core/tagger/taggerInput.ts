import type { EntityCandidate } from '../recognize/entities';
import { EntityReader, selectCandidates } from '../recognize/entities';
import type { Lexicon } from '../recognize/lexicon';
import type { MentionPayload } from '../recognize/mentions';
import type { PhraseIndex } from '../recognize/phraseIndex';
import { findTemporal } from '../recognize/temporal';
import type { WordList } from '../recognize/wordList';
import type { WordStats } from './wordStats';

/**
 * What the tagger reads about one sentence (or line): its folded words, and what the rules and
 * word lists say about them. The rules' decisions, the gazetteers and the annotator's learned
 * names are features the model weighs, never overrides.
 */
export interface TaggerInput {
  readonly words: WordList;
  /** 1 where the rules read a date or a time: those words belong to DATE and TIME. */
  readonly temporal: Uint8Array;
  /** The rules' entity spans (after their own overlap resolution). */
  readonly rules: readonly EntityCandidate[];
  readonly lexicon: Lexicon;
  /** Names the annotator tagged (or, in training, the other folds' names), by label. */
  readonly learned?: PhraseIndex<MentionPayload>;
  readonly stats?: WordStats;
}

/** Runs the rules over a word list, as `recognize` does, to give the tagger their decisions. */
export function readTaggerInput(words: WordList, lexicon: Lexicon, learned?: PhraseIndex<MentionPayload>, written?: (i: number) => string): TaggerInput {
  const temporal = new Uint8Array(words.length);
  for (const m of findTemporal(words, undefined)) for (let k = m.start; k < m.end; k++) temporal[k] = 1;
  const taken = temporal.slice();
  const candidates = new EntityReader(words, lexicon, taken, written).findAll();
  const rules = selectCandidates(candidates, taken);
  return learned ? { words, temporal, rules, lexicon, learned } : { words, temporal, rules, lexicon };
}
