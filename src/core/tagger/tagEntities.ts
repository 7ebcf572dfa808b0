import type { Word } from '../recognize/words';
import { extractFeatures } from './features';
import type { SentenceFeatures } from './features';
import type { TaggerInput } from './taggerInput';
import type { TaggerModel } from './taggerModel';

/** An entity the model found: words [start, end), entered after `skip` folded letters of proclitics. */
export interface TaggedEntity {
  readonly start: number;
  readonly end: number;
  readonly skip: number;
  readonly label: string;
  /** Probability of the span's tags (0–1). */
  readonly score: number;
  /** The best other reading of its first word: a label, or 'O' for no entity, and its probability. */
  readonly alternative: string;
  readonly alternativeScore: number;
}

/** The model's entities in one sentence or line. */
export function tagEntities(
  model: TaggerModel,
  input: TaggerInput,
  features: SentenceFeatures = extractFeatures(model.stats && !input.stats ? { ...input, stats: model.stats } : input, model.rowMask),
  /** Receives the decode's marginals, for callers that weigh other proposals against the model. */
  out?: { marginals?: Float64Array },
): TaggedEntity[] {
  if (input.words.length === 0) return [];
  const decoded = model.decode(features, true, out !== undefined);
  if (out && decoded.marginals) out.marginals = decoded.marginals;
  const skips = knownSkips(input);
  return decoded.spans.map((s) => ({
    start: s.first,
    end: s.last + 1,
    skip: skips.get(s.first) ?? procliticSkip(input.words[s.first] as Word, input),
    label: model.labels[s.label] as string,
    score: s.score,
    alternative: s.alternative < 0 ? 'O' : (model.labels[s.alternative] as string),
    alternativeScore: s.alternativeScore,
  }));
}

/** Where the rules or a word list matched a name at a word, they know its proclitics. */
function knownSkips(input: TaggerInput): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of input.rules) out.set(c.start, c.skip);
  return out;
}

/**
 * How many letters of proclitics open an entity's first word: before the article (بالرباط،
 * وبالرباط، للقوات keeps its second ل, the article's), or a conjunction or preposition before a
 * name the word lists or the learned names know (وإسرائيل). Otherwise none: وليد is a name.
 */
function procliticSkip(w: Word, input: TaggerInput): number {
  const word = w.text;
  const m = /^([وف]?[بكل]?)ال/u.exec(word);
  if (m && (m[1] as string).length > 0 && word.length - (m[1] as string).length > 3) return (m[1] as string).length;
  const lam = word.startsWith('لل') ? 1 : /^[وف]لل/u.test(word) ? 2 : 0;
  if (lam > 0 && word.length - lam > 3) return lam;
  const first = word[0] ?? '';
  if (word.length >= 4 && 'وفبلك'.includes(first)) {
    const rest = word.slice(1);
    const known = (key: string): boolean => input.lexicon.entities.hasFirst(key) || input.lexicon.givenNames.hasFirst(key) || (input.learned?.hasFirst(key) ?? false);
    if (!known(word) && known(rest)) return 1;
  }
  return 0;
}
