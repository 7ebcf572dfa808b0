import { isCommonWord, isNisbaLike, isVerbLike } from '../recognize/nameWords';
import type { PhraseIndex } from '../recognize/phraseIndex';
import type { Word } from '../recognize/words';
import { stemsOf } from '../recognize/words';
import { feature1, feature2, hashText } from './featureHash';
import type { TaggerInput } from './taggerInput';
import type { WordStats } from './wordStats';
import type { WordClusters } from './wordClusters';
import { pathPrefix } from './wordClusters';

/**
 * Feature rows of a sentence: token i owns `rows[offsets[i] .. offsets[i + 1])`, each a row of the
 * model's weight table (the feature's hash, masked to the table's size).
 */
export interface SentenceFeatures {
  readonly length: number;
  readonly offsets: Uint32Array;
  readonly rows: Uint32Array;
  /**
   * Per token, where its rows that depend on the word alone end (they come first, from
   * `offsets[i]`), and the word form's id: tagging adds up those rows once per word form.
   */
  readonly ownEnd?: Uint32Array;
  readonly wordIds?: Uint32Array;
}

/** Bumped whenever a feature is added, removed or changed: a model is only valid with its own version. */
export const FEATURE_VERSION = 3;

/** The parts of a word the features look at, computed once per word form. */
interface WordParts {
  /** Unique to this word form while the cache holds it (never reused). */
  readonly id: number;
  /** Hashes of the folded word, of its core (after proclitics and article) and of its class. */
  readonly word: number;
  readonly core: number;
  readonly classes: number;
  /** Hashes of the features that depend on the word alone. */
  readonly own: Uint32Array;
  /**
   * The word's statistics code and cluster path, with the statistics and clusters they were read
   * from: a model's statistics are built whole before any feature reads them (WordStats.of, the
   * model file), and each sentence asks again for every word it has.
   */
  statsFrom: WordStats | undefined;
  statsCode: number;
  clustersFrom: WordClusters | undefined;
  path: number;
}

/** Template hashes, one per feature kind. */
const t = (name: string): number => hashText(name);
const T_BIAS = feature1(t('bias'), 0);
const T_W = t('w=');
const T_C = t('c=');
const T_CL = t('cl=');
const T_SH = t('sh=');
const T_S = [t('s1='), t('s2='), t('s3=')];
const T_CP = [t('cp2='), t('cp3='), t('cp4=')];
const T_CS = [t('cs2='), t('cs3='), t('cs4=')];
const T_C3 = t('c3=');
const T_CLS = t('cls=');
const T_W_1 = t('w-1=');
const T_W_2 = t('w-2=');
const T_W1 = t('w+1=');
const T_W2 = t('w+2=');
const T_C_1 = t('c-1=');
const T_C_2 = t('c-2=');
const T_C1 = t('c+1=');
const T_C2 = t('c+2=');
const T_W_1C = t('w-1|c=');
const T_CW1 = t('c|w+1=');
const T_W_2W_1 = t('w-2|w-1=');
const T_W1W2 = t('w+1|w+2=');
const T_CLS_1 = t('cls-1=');
const T_CLS1 = t('cls+1=');
const T_CLS_1CLS1 = t('cls-1|cls+1=');
const T_GZ = t('gz=');
const T_GZ_1 = t('gz-1=');
const T_GZ1 = t('gz+1=');
const T_LX = t('lx=');
const T_LX_1 = t('lx-1=');
const T_LX1 = t('lx+1=');
const T_R = t('r=');
const T_R_1R1 = t('r-1|r+1=');
const FLAGS = {
  gn: feature1(t('gn'), 0),
  gn_1: feature1(t('gn-1'), 0),
  gn1: feature1(t('gn+1'), 0),
  ti: feature1(t('ti'), 0),
  ti_1: feature1(t('ti-1'), 0),
  ti_2: feature1(t('ti-2'), 0),
  hd: feature1(t('hd'), 0),
  hd_1: feature1(t('hd-1'), 0),
  hd_2: feature1(t('hd-2'), 0),
  pw_1: feature1(t('pw-1'), 0),
  pw_2: feature1(t('pw-2'), 0),
  tm: feature1(t('tm'), 0),
};
const T_FQ = t('fq=');
const T_FQ_1FQ = t('fq-1|fq=');
const T_FQFQ1 = t('fq|fq+1=');
const T_TI_1CLS = t('ti-1|cls=');
const T_K = [t('k4='), t('k8='), t('k12=')];
const K_BITS = [4, 8, 12];
const T_K_1 = t('k-1=');
const T_K1 = t('k+1=');

const T_CV = t('cv=');
const T_VR = t('vr=');
const FOREIGN_LETTER = feature1(t('fl'), 0);

const partsCache = new Map<string, WordParts>();
let nextWordId = 1;
const MAX_CACHED_WORDS = 200_000;

/** Hashes of short strings that recur (tags, classes, affixes), so each is hashed once. */
const textHashes = new Map<string, number>();
function hashOf(text: string): number {
  let h = textHashes.get(text);
  if (h === undefined) {
    h = hashText(text);
    if (textHashes.size < 100_000) textHashes.set(text, h);
  }
  return h;
}

/** The hash of a word's core (the word less its proclitics and article): what word clusters are kept by. */
export function coreHashOf(w: Word): number {
  return wordParts(w).core;
}

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
  const wordHash = hashText(word);
  const coreHash = core === word ? wordHash : hashText(core);
  const own: number[] = [feature1(T_W, wordHash), feature1(T_C, coreHash)];
  own.push(feature1(T_CL, hashOf(clitics)));
  own.push(feature1(T_SH, hashOf(`${shape}${Math.min(word.length, 8)}`)));
  for (let n = 1; n <= 3; n++) if (word.length > n) own.push(feature1(T_S[n - 1] as number, hashOf(word.slice(-n))));
  for (let n = 2; n <= 4; n++) if (core.length > n) own.push(feature1(T_CP[n - 2] as number, hashOf(core.slice(0, n))));
  for (let n = 2; n <= 4; n++) if (core.length > n) own.push(feature1(T_CS[n - 2] as number, hashOf(core.slice(-n))));
  // Inner letter trigrams: transliterated foreign names (تروتنيف، سيتروين) share them.
  if (w.kind === 'letters' && core.length >= 5) for (let k = 1; k + 3 < core.length; k++) own.push(feature1(T_C3, hashOf(core.slice(k, k + 3))));
  if (w.kind === 'letters' && core.length >= 3) {
    // The long vowels' pattern of the core: transliterated foreign names (سيتروين CVCCVVC) write their vowels.
    let cv = '';
    let vowels = 0;
    for (const ch of core.slice(0, 10)) {
      const v = ch === 'ا' || ch === 'و' || ch === 'ي';
      cv += v ? 'V' : 'C';
      if (v) vowels++;
    }
    own.push(feature1(T_CV, hashOf(cv)));
    own.push(feature1(T_VR, hashOf(`${Math.min(vowels, 5)}/${Math.min(core.length, 10)}`)));
    if (/[گپچڤژ]/u.test(core)) own.push(FOREIGN_LETTER);
  }
  let classes = w.kind === 'letters' ? '' : w.kind;
  if (w.kind === 'letters') {
    if (isCommonWord(word) || isCommonWord(core)) classes += 'c';
    if (isNisbaLike(word)) classes += clitics.endsWith('ال') ? 'N' : 'n';
    if (isVerbLike(word)) classes += 'v';
    if (clitics.endsWith('ال')) classes += 'a';
  }
  const classesHash = hashOf(classes);
  own.push(feature1(T_CLS, classesHash));
  parts = {
    id: nextWordId++,
    word: wordHash,
    core: coreHash,
    classes: classesHash,
    own: Uint32Array.from(own),
    statsFrom: undefined,
    statsCode: 0,
    clustersFrom: undefined,
    path: 0,
  };
  if (partsCache.size >= MAX_CACHED_WORDS) partsCache.clear();
  partsCache.set(key, parts);
  return parts;
}

const BOUNDARY: WordParts = {
  id: 0,
  word: hashText('<s>'),
  core: hashText('<s>'),
  classes: hashText('<s>'),
  own: new Uint32Array(0),
  statsFrom: undefined,
  statsCode: 0,
  clustersFrom: undefined,
  path: 0,
};

/**
 * Labels per token of greedy longest phrase matches: BILOU position and label, '' where none.
 * Token i is at i + 2, with two empty places at each end (as all per-token lists here).
 */
function phraseTags<T>(words: readonly Word[], index: PhraseIndex<T> | undefined, labelOf: (payload: T) => string): string[] | undefined {
  if (!index || index.size === 0) return undefined;
  let out: string[] | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.kind !== 'letters') continue;
    const m = index.matchAt(words, i);
    if (!m) continue;
    out ??= new Array<string>(words.length + 4).fill('');
    const label = labelOf(m.payload);
    if (m.end - m.start === 1) out[i + 2] = `U-${label}`;
    else {
      out[i + 2] = `B-${label}`;
      for (let k = i + 1; k < m.end - 1; k++) out[k + 2] = `I-${label}`;
      out[m.end + 1] = `L-${label}`;
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

/** Per lexicon (the user's gazetteers make new ones), each word's given-name, title, head and place-word flags. */
const flagCache = new WeakMap<object, Map<string, number>>();
function lexiconFlags(lexicon: object): Map<string, number> {
  let flags = flagCache.get(lexicon);
  if (!flags) {
    flags = new Map();
    flagCache.set(lexicon, flags);
  }
  return flags;
}

const labelOfTag = (tag: string): string => (tag === '' ? '' : tag.slice(2));

/** The kinds of rule decision (the start of a rule's reason), as the rule feature names them. */
export const RULE_KINDS: readonly string[] = ['gazetteer', 'given name', 'title', 'organisation', 'place word'];

/**
 * The first rows of the table belong to the rules' decisions (tag × kind of rule) and no hashed
 * feature lands there: a model that imitates the rules (see rulesPrior) then proposes exactly
 * what they propose, never a word whose hash happened to meet a rule's row.
 */
const RESERVED_ROWS = 128;
const RULE_POSITIONS = ['B', 'I', 'L', 'U'];
const RULE_LABELS = ['PER', 'ORG', 'LOC', 'MISC'];

/** The row of the feature "the rules tagged this word `tag` (B-PER…) for reason `kind`". */
export function ruleFeatureRow(tag: string, kind: string, rowMask: number): number {
  const position = RULE_POSITIONS.indexOf(tag.slice(0, 1));
  const label = RULE_LABELS.indexOf(tag.slice(2));
  const k = RULE_KINDS.indexOf(kind);
  if (position >= 0 && label >= 0 && k >= 0) return (label * 4 + position) * RULE_KINDS.length + k;
  return hashedRow(feature2(T_R, hashOf(tag), hashOf(kind)), rowMask);
}

/** The row of the feature every token has (its weights are each tag's prior). */
export function biasRow(rowMask: number): number {
  return hashedRow(T_BIAS, rowMask);
}

/** A hashed feature's row: its hash masked to the table, moved out of the rules' rows. */
function hashedRow(h: number, rowMask: number): number {
  const row = h & rowMask;
  return row < RESERVED_ROWS ? row + RESERVED_ROWS : row;
}

/** A word's counts in the labelled text as a small code: how often (bucket), its usual label, and how usual. */
function statsCode(stats: WordStats, w: Word, parts: WordParts): number {
  if (w.kind !== 'letters') return w.kind === 'digits' ? 1 : 2;
  const c = stats.counts.get(parts.word) ?? stats.counts.get(parts.core);
  if (!c) return 3;
  let total = 0;
  let best = 0;
  for (let k = 0; k < c.length; k++) {
    total += c[k] as number;
    if ((c[k] as number) > (c[best] as number)) best = k;
  }
  const bucket = total === 1 ? 0 : total <= 3 ? 1 : total <= 10 ? 2 : 3;
  const share = (c[best] as number) / total;
  const sure = share > 0.9 ? 0 : share > 0.6 ? 1 : 2;
  const outside = (c[0] as number) === 0 ? 0 : (c[0] as number) === total ? 1 : 2;
  return 16 + ((bucket * 8 + best) * 3 + sure) * 3 + outside;
}

/**
 * Hashed features of every token: the word, its core and proclitics, affixes and shape; the words
 * and cores around it (±2) and two bigrams; gazetteer, given-name, title, organisation-head and
 * place-word flags around it; the rules' tags; the learned names; date and time words; and, with
 * word statistics, how often the word and its neighbours were seen in labelled text and as what.
 */
export function extractFeatures(input: TaggerInput, rowMask: number): SentenceFeatures {
  const words = input.words;
  const n = words.length;
  // Every per-token list keeps token i at i + 2, with two boundary places at each end, so the
  // features of neighbours up to two away read them without bounds checks.
  const parts = new Array<WordParts>(n + 4).fill(BOUNDARY);
  for (let i = 0; i < n; i++) parts[i + 2] = wordParts(words[i] as Word);
  const lexicon = input.lexicon;
  const gazetteer = phraseTags(words, lexicon.entities, (p) => p.label);
  const learned = phraseTags(words, input.learned, (p) => p.label);
  const ruleTag = new Array<string>(n + 4).fill('');
  const ruleKind = new Array<string>(n + 4).fill('');
  for (const c of input.rules) {
    const kind = c.reason.slice(0, c.reason.indexOf(':'));
    for (let k = c.start; k < c.end; k++) {
      const p = c.end - c.start === 1 ? 'U' : k === c.start ? 'B' : k === c.end - 1 ? 'L' : 'I';
      ruleTag[k + 2] = `${p}-${c.label}`;
      ruleKind[k + 2] = kind;
    }
  }
  const given = new Uint8Array(n + 4);
  const title = new Uint8Array(n + 4);
  const head = new Uint8Array(n + 4);
  const place = new Uint8Array(n + 4);
  const flagsOf = lexiconFlags(lexicon);
  for (let i = 0; i < n; i++) {
    const w = words[i] as Word;
    if (w.kind !== 'letters') continue;
    let bits = flagsOf.get(w.text);
    if (bits === undefined) {
      bits =
        (startsEntry(lexicon.givenNames, w) ? 1 : 0) |
        (startsEntry(lexicon.titles, w) ? 2 : 0) |
        (startsEntry(lexicon.organisationHeads, w) ? 4 : 0) |
        (startsEntry(lexicon.placeWords, w) ? 8 : 0);
      if (flagsOf.size >= MAX_CACHED_WORDS) flagsOf.clear();
      flagsOf.set(w.text, bits);
    }
    given[i + 2] = bits & 1;
    title[i + 2] = (bits >> 1) & 1;
    head[i + 2] = (bits >> 2) & 1;
    place[i + 2] = (bits >> 3) & 1;
  }
  const stats = input.stats;
  let statCodes: number[] | undefined;
  if (stats) {
    statCodes = new Array<number>(n + 4).fill(0);
    for (let i = 0; i < n; i++) {
      const p = parts[i + 2] as WordParts;
      if (p.statsFrom !== stats) {
        p.statsCode = statsCode(stats, words[i] as Word, p);
        p.statsFrom = stats;
      }
      statCodes[i + 2] = p.statsCode;
    }
  }
  const clusters = stats?.clusters;
  let paths: number[] | undefined;
  if (clusters) {
    paths = new Array<number>(n + 4).fill(0);
    for (let i = 0; i < n; i++) {
      const p = parts[i + 2] as WordParts;
      if (p.clustersFrom !== clusters) {
        p.path = (words[i] as Word).kind === 'letters' ? clusters.pathOf(p.core) : 0;
        p.clustersFrom = clusters;
      }
      paths[i + 2] = p.path;
    }
  }

  const offsets = new Uint32Array(n + 1);
  const ownEnd = new Uint32Array(n);
  const wordIds = new Uint32Array(n);
  const out = ROWS;
  out.start(rowMask);
  for (let i = 0; i < n; i++) {
    const j = i + 2;
    offsets[i] = out.size;
    const p = parts[j] as WordParts;
    const own = p.own;
    const prev = parts[j - 1] as WordParts;
    const next = parts[j + 1] as WordParts;
    out.hashed(T_BIAS);
    for (let k = 0; k < own.length; k++) out.hashed(own[k] as number);
    ownEnd[i] = out.size;
    wordIds[i] = p.id;
    out.hashed(feature2(T_W_1C, prev.word, p.core));
    out.hashed(feature2(T_CW1, p.core, next.word));
    const prev2 = parts[j - 2] as WordParts;
    const next2 = parts[j + 2] as WordParts;
    out.hashed(feature1(T_W_1, prev.word));
    out.hashed(feature1(T_W_2, prev2.word));
    out.hashed(feature1(T_W1, next.word));
    out.hashed(feature1(T_W2, next2.word));
    out.hashed(feature1(T_C_1, prev.core));
    out.hashed(feature1(T_C1, next.core));
    out.hashed(feature2(T_W_2W_1, prev2.word, prev.word));
    out.hashed(feature2(T_W1W2, next.word, next2.word));
    out.hashed(feature1(T_C_2, prev2.core));
    out.hashed(feature1(T_CLS_1, prev.classes));
    out.hashed(feature1(T_CLS1, next.classes));
    out.hashed(feature2(T_CLS_1CLS1, prev.classes, next.classes));
    out.hashed(feature1(T_C2, next2.core));
    if (gazetteer) {
      if (gazetteer[j] !== '') out.hashed(feature1(T_GZ, hashOf(gazetteer[j] as string)));
      if (gazetteer[j - 1] !== '') out.hashed(feature1(T_GZ_1, hashOf(labelOfTag(gazetteer[j - 1] as string))));
      if (gazetteer[j + 1] !== '') out.hashed(feature1(T_GZ1, hashOf(labelOfTag(gazetteer[j + 1] as string))));
    }
    if (learned) {
      if (learned[j] !== '') out.hashed(feature1(T_LX, hashOf(learned[j] as string)));
      if (learned[j - 1] !== '') out.hashed(feature1(T_LX_1, hashOf(labelOfTag(learned[j - 1] as string))));
      if (learned[j + 1] !== '') out.hashed(feature1(T_LX1, hashOf(labelOfTag(learned[j + 1] as string))));
    }
    if (ruleTag[j] !== '') out.row(ruleFeatureRow(ruleTag[j] as string, ruleKind[j] as string, rowMask));
    out.hashed(feature2(T_R_1R1, hashOf(labelOfTag(ruleTag[j - 1] as string)), hashOf(labelOfTag(ruleTag[j + 1] as string))));
    if (given[j]) out.hashed(FLAGS.gn);
    if (given[j - 1]) out.hashed(FLAGS.gn_1);
    if (given[j + 1]) out.hashed(FLAGS.gn1);
    if (title[j]) out.hashed(FLAGS.ti);
    if (title[j - 1]) out.hashed(FLAGS.ti_1);
    if (title[j - 2]) out.hashed(FLAGS.ti_2);
    if (head[j]) out.hashed(FLAGS.hd);
    if (head[j - 1]) out.hashed(FLAGS.hd_1);
    if (head[j - 2]) out.hashed(FLAGS.hd_2);
    if (place[j - 1]) out.hashed(FLAGS.pw_1);
    if (place[j - 2]) out.hashed(FLAGS.pw_2);
    if (input.temporal[i] !== 0) out.hashed(FLAGS.tm);
    // A title before a word ending like a nisba (الرئيس طالباني) is not a title before a nisba (الرئيس الروسي).
    if (title[j - 1]) out.hashed(feature1(T_TI_1CLS, p.classes));
    if (statCodes) {
      const code = statCodes[j] as number;
      out.hashed(feature1(T_FQ, code));
      out.hashed(feature2(T_FQ_1FQ, statCodes[j - 1] as number, code));
      out.hashed(feature2(T_FQFQ1, code, statCodes[j + 1] as number));
    }
    if (paths) {
      const path = paths[j] as number;
      if (path !== 0) for (let k = 0; k < K_BITS.length; k++) out.hashed(feature1(T_K[k] as number, pathPrefix(path, K_BITS[k] as number)));
      out.hashed(feature1(T_K_1, pathPrefix(paths[j - 1] as number, 8)));
      out.hashed(feature1(T_K1, pathPrefix(paths[j + 1] as number, 8)));
    }
  }
  offsets[n] = out.size;
  return { length: n, offsets, rows: out.rows.slice(0, out.size), ownEnd, wordIds };
}

/**
 * Where a sentence's rows are written before they are copied out at their own size: one buffer
 * for all sentences, grown as needed, so extracting allocates only what it returns.
 */
class RowBuffer {
  rows = new Uint32Array(4096);
  size = 0;
  private mask = 0;

  start(rowMask: number): void {
    this.size = 0;
    this.mask = rowMask;
  }

  /** Adds a row of the table as it is. */
  row(row: number): void {
    if (this.size === this.rows.length) {
      const grown = new Uint32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows[this.size++] = row;
  }

  /** Adds the row of a hashed feature. */
  hashed(hash: number): void {
    this.row(hashedRow(hash, this.mask));
  }
}

const ROWS = new RowBuffer();
