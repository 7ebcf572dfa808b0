import type { Gazetteer } from './gazetteer';
import { PhraseIndex, phraseWords } from './phraseIndex';
import { icuRegionGazetteer } from './regionNames';
import { BUILT_IN_GAZETTEERS } from './builtInGazetteers';

/** What an entity phrase stands for: its label and the gazetteer it came from (shown in hovers). */
export interface EntityPayload {
  readonly label: string;
  readonly gazetteer: string;
}

/** Gazetteers compiled for matching on folded words. Build once and reuse: building reads every entry. */
export interface Lexicon {
  readonly entities: PhraseIndex<EntityPayload>;
  /** Given names, one word or several (عبد الله، زين الدين). */
  readonly givenNames: PhraseIndex<string>;
  readonly titles: PhraseIndex<string>;
  readonly organisationHeads: PhraseIndex<string>;
  readonly placeWords: PhraseIndex<string>;
}

export function buildLexicon(gazetteers: readonly Gazetteer[]): Lexicon {
  const entities = new PhraseIndex<EntityPayload>();
  const givenNames = new PhraseIndex<string>();
  const titles = new PhraseIndex<string>();
  const organisationHeads = new PhraseIndex<string>();
  const placeWords = new PhraseIndex<string>();
  for (const g of gazetteers) {
    for (const entry of g.entries) {
      const words = phraseWords(entry.text);
      if (words.length === 0) continue;
      switch (g.kind) {
        case 'entities': {
          const label = entry.label ?? g.label;
          if (label) entities.add(words, { label, gazetteer: g.name });
          break;
        }
        case 'given-names':
          givenNames.add(words, entry.text);
          break;
        case 'titles':
          titles.add(words, entry.text);
          break;
        case 'organisation-heads':
          organisationHeads.add(words, entry.text);
          break;
        case 'place-words':
          placeWords.add(words, entry.text);
          break;
      }
    }
  }
  return { entities, givenNames, titles, organisationHeads, placeWords };
}

let builtIn: Gazetteer[] | undefined;

/** The gazetteers that ship with Tawsim: ICU's country names first, then the bundled lists. */
export function builtInGazetteers(): readonly Gazetteer[] {
  builtIn ??= [icuRegionGazetteer(), ...BUILT_IN_GAZETTEERS];
  return builtIn;
}

const NO_EXTRAS: readonly Gazetteer[] = [];
const cache = new WeakMap<readonly Gazetteer[], Lexicon>();

/**
 * The built-in gazetteers merged with the user's. Compiled lexicons are cached per array of extras,
 * so callers that keep the same array between calls (one per configuration) pay once.
 */
export function lexiconFor(extra: readonly Gazetteer[] = NO_EXTRAS): Lexicon {
  let lexicon = cache.get(extra);
  if (!lexicon) {
    lexicon = buildLexicon([...builtInGazetteers(), ...extra]);
    cache.set(extra, lexicon);
  }
  return lexicon;
}
