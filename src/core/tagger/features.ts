import { isCommonWord, isNisbaLike, isVerbLike } from '../recognize/nameWords';
import type { PhraseIndex } from '../recognize/phraseIndex';
import type { Word } from '../recognize/words';
import { stemsOf } from '../recognize/words';
import { hashFinish, hashMore, hashSeparator, hashStart } from './featureHash';
import type { TaggerInput } from './taggerInput';

/**
 * Feature rows of a sentence: token i owns `rows[offsets[i] .. offsets[i + 1])`, each a row of the
 * model's weight table (the feature's hash, masked to the table's size).
 */
export interface SentenceFeatures {
  readonly length: number;
  readonly offsets: Uint32Array;
  readonly rows: Uint32Array;
}

/** Bumped whenever a feature is added, removed or changed: a model is only valid with its own version. */
export const FEATURE_VERSION = 1;

/** The parts of a word the features look at, computed once per word form. */
interface WordParts {
  /** Word classes shared by many words (common, nisba, verb, digits…), for the neighbours' features. */
  readonly classes: string;
  /** The folded word. */
  readonly word: string;
  /** After the proclitics (و ف ب ك ل) and the article. */
  readonly core: string;
  /** The proclitics and article that were removed: `و+ال`, `ب`, ``. */
  readonly clitics: string;
  readonly shape: string;
  /** Hashes of the features that depend on the word alone. */
  readonly own: readonly number[];
}

const partsCache = new Map<string, WordParts>();
const MAX_CACHED_WORDS = 200_000;

const T_BIAS = hashStart('bias');

function wordParts(w: Word): WordParts {
  const key = w.kind === 'letters' ? w.text : `${w.kind}:${w.text}`;
  let parts = partsCache.get(key);
  if (parts) return parts;
  const word = w.text;
  let core = word;
  let clitics = '';
  if (w.kind === 'letters') {
    const stems = stemsOf(word);
    const deepest = stems[stems.length - 1] as { skip: number; key: string };
    // A one-letter proclitic is read off only when at least three letters stay (وزير is not و + زير).
    if (deepest.skip > 0 && deepest.key.length >= 3) {
      core = deepest.key;
      clitics = word.slice(0, deepest.skip);
    }
    if (core.startsWith('ال') && core.length > 3) {
      core = core.slice(2);
      clitics += '+ال';
    }
  }
  const shape = w.kind === 'letters' ? (/^[\u0600-\u06ff]+$/u.test(word) ? 'ar' : /^[a-z]+$/iu.test(word) ? (/^[A-Z]/u.test(word) ? 'Lat' : 'lat') : 'mixed') : w.kind;
  const own: number[] = [];
  const add = (template: string, value: string): void => {
    own.push(hashMore(hashStart(template), value));
  };
  add('w=', word);
  add('c=', core);
  add('cl=', clitics);
  add('sh=', `${shape}${Math.min(word.length, 8)}`);
  for (let n = 1; n <= 3; n++) if (word.length > n) add(`s${n}=`, word.slice(-n));
  for (let n = 2; n <= 4; n++) if (core.length > n) add(`cp${n}=`, core.slice(0, n));
  for (let n = 2; n <= 4; n++) if (core.length > n) add(`cs${n}=`, core.slice(-n));
  // Inner letter trigrams: transliterated foreign names (تروتنيف، سيتروين) share them.
  if (w.kind === 'letters' && core.length >= 5) for (let k = 1; k + 3 < core.length; k++) add('c3=', core.slice(k, k + 3));
  let classes = w.kind === 'letters' ? '' : w.kind;
  if (w.kind === 'letters') {
    if (isCommonWord(word) || isCommonWord(core)) classes += 'c';
    if (isNisbaLike(word)) classes += clitics.endsWith('ال') ? 'N' : 'n';
    if (isVerbLike(word)) classes += 'v';
    if (clitics.endsWith('ال')) classes += 'a';
  }
  add('cls=', classes);
  parts = { word, core, clitics, shape, own, classes };
  if (partsCache.size >= MAX_CACHED_WORDS) partsCache.clear();
  partsCache.set(key, parts);
  return parts;
}

const BOUNDARY: WordParts = { word: '<s>', core: '<s>', clitics: '', shape: 'boundary', own: [], classes: '<s>' };

/** Labels per token of greedy longest phrase matches: BILOU position and label, '' where none. */
function phraseTags<T>(words: readonly Word[], index: PhraseIndex<T> | undefined, labelOf: (payload: T) => string): string[] {
  const out = new Array<string>(words.length).fill('');
  if (!index || index.size === 0) return out;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.kind !== 'letters') continue;
    const m = index.matchAt(words, i);
    if (!m) continue;
    const label = labelOf(m.payload);
    if (m.end - m.start === 1) out[i] = `U-${label}`;
    else {
      out[i] = `B-${label}`;
      for (let k = i + 1; k < m.end - 1; k++) out[k] = `I-${label}`;
      out[m.end - 1] = `L-${label}`;
    }
    i = m.end - 1;
  }
  return out;
}

/** Does any reading of the word (with or without proclitics) start an entry of the list? */
function startsEntry(index: { hasFirst(key: string): boolean }, w: Word | undefined): boolean {
  if (!w || w.kind !== 'letters') return false;
  for (const s of stemsOf(w.text)) if (index.hasFirst(s.key)) return true;
  return false;
}

function ruleTags(input: TaggerInput): { tags: string[]; kinds: string[] } {
  const tags = new Array<string>(input.words.length).fill('');
  const kinds = new Array<string>(input.words.length).fill('');
  for (const c of input.rules) {
    const kind = c.reason.slice(0, c.reason.indexOf(':'));
    for (let k = c.start; k < c.end; k++) {
      const p = c.end - c.start === 1 ? 'U' : k === c.start ? 'B' : k === c.end - 1 ? 'L' : 'I';
      tags[k] = `${p}-${c.label}`;
      kinds[k] = kind;
    }
  }
  return { tags, kinds };
}

const labelOfTag = (t: string): string => (t === '' ? '' : t.slice(2));

/** The kinds of rule decision (the start of a rule's reason), as the rule feature names them. */
export const RULE_KINDS: readonly string[] = ['gazetteer', 'given name', 'title', 'organisation', 'place word'];

/** The row of the feature "the rules tagged this word `tag` (B-PER…) for reason `kind`". */
export function ruleFeatureRow(tag: string, kind: string, rowMask: number): number {
  return hashFinish(hashMore(hashSeparator(hashMore(hashStart('r='), tag)), kind)) & rowMask;
}

/**
 * Hashed features of every token: the word, its core and proclitics, affixes and shape; the words
 * and cores around it (±2) and two bigrams; gazetteer, given-name, title, organisation-head and
 * place-word flags around it; the rules' tags; the learned names; date and time words.
 */
export function extractFeatures(input: TaggerInput, rowMask: number): SentenceFeatures {
  const words = input.words;
  const n = words.length;
  const parts = words.map(wordParts);
  const at = (i: number): WordParts => (i < 0 || i >= n ? BOUNDARY : (parts[i] as WordParts));
  const lexicon = input.lexicon;
  const gazetteer = phraseTags(words, lexicon.entities, (p) => p.label);
  const learned = phraseTags(words, input.learned, (p) => p.label);
  const rules = ruleTags(input);
  const given = words.map((w) => startsEntry(lexicon.givenNames, w));
  const title = words.map((w) => startsEntry(lexicon.titles, w));
  const head = words.map((w) => startsEntry(lexicon.organisationHeads, w));
  const place = words.map((w) => startsEntry(lexicon.placeWords, w));
  const flag = (list: readonly boolean[], i: number): boolean => i >= 0 && i < n && list[i] === true;
  const tagAt = (list: readonly string[], i: number): string => (i >= 0 && i < n ? (list[i] as string) : '');

  const offsets = new Uint32Array(n + 1);
  const rows: number[] = [];
  const push = (h: number): void => {
    rows.push(hashFinish(h) & rowMask);
  };
  const add = (template: string, ...values: string[]): void => {
    let h = hashStart(template);
    values.forEach((v, k) => {
      if (k > 0) h = hashSeparator(h);
      h = hashMore(h, v);
    });
    push(h);
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = rows.length;
    const p = at(i);
    push(T_BIAS);
    for (const h of p.own) push(h);
    add('w-1=', at(i - 1).word);
    add('w-2=', at(i - 2).word);
    add('w+1=', at(i + 1).word);
    add('w+2=', at(i + 2).word);
    add('c-1=', at(i - 1).core);
    add('c+1=', at(i + 1).core);
    add('w-1|c=', at(i - 1).word, p.core);
    add('c|w+1=', p.core, at(i + 1).word);
    add('w-2|w-1=', at(i - 2).word, at(i - 1).word);
    add('w+1|w+2=', at(i + 1).word, at(i + 2).word);
    add('c-2=', at(i - 2).core);
    add('cls-1=', at(i - 1).classes);
    add('cls+1=', at(i + 1).classes);
    add('cls-1|cls+1=', at(i - 1).classes, at(i + 1).classes);
    add('c+2=', at(i + 2).core);
    if (gazetteer[i] !== '') add('gz=', gazetteer[i] as string);
    if (tagAt(gazetteer, i - 1) !== '') add('gz-1=', labelOfTag(tagAt(gazetteer, i - 1)));
    if (tagAt(gazetteer, i + 1) !== '') add('gz+1=', labelOfTag(tagAt(gazetteer, i + 1)));
    if (learned[i] !== '') add('lx=', learned[i] as string);
    if (tagAt(learned, i - 1) !== '') add('lx-1=', labelOfTag(tagAt(learned, i - 1)));
    if (tagAt(learned, i + 1) !== '') add('lx+1=', labelOfTag(tagAt(learned, i + 1)));
    if (rules.tags[i] !== '') rows.push(ruleFeatureRow(rules.tags[i] as string, rules.kinds[i] as string, rowMask));
    add('r-1|r+1=', labelOfTag(tagAt(rules.tags, i - 1)), labelOfTag(tagAt(rules.tags, i + 1)));
    if (given[i]) add('gn', '');
    if (flag(given, i - 1)) add('gn-1', '');
    if (flag(given, i + 1)) add('gn+1', '');
    if (title[i]) add('ti', '');
    if (flag(title, i - 1)) add('ti-1', '');
    if (flag(title, i - 2)) add('ti-2', '');
    if (head[i]) add('hd', '');
    if (flag(head, i - 1)) add('hd-1', '');
    if (flag(head, i - 2)) add('hd-2', '');
    if (flag(place, i - 1)) add('pw-1', '');
    if (flag(place, i - 2)) add('pw-2', '');
    if (input.temporal[i] !== 0) add('tm', '');
  }
  offsets[n] = rows.length;
  return { length: n, offsets, rows: Uint32Array.from(rows) };
}
