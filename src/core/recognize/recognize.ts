import { EntityReader, selectCandidates } from './entities';
import { lexiconFor } from './lexicon';
import { modelEntities } from '../tagger/entityTagger';
import type { MentionPayload } from './mentions';
import { buildMentionIndex, findMentions } from './mentions';
import type { NormalizedText } from './normalize';
import { normalizeArabic } from './normalize';
import type { PhraseIndex } from './phraseIndex';
import type { LearnedEntry, RecognizedSpan, RecognizeOptions } from './recognizeTypes';
import { DEFAULT_RECOGNIZED_LABELS } from './recognizeTypes';
import { findTemporal } from './temporal';
import type { WordList } from './wordList';
import { wordList } from './wordList';
import { mentionEntries } from './consistency';
import { finish } from './spanFilter';

/**
 * Suggests PER, ORG, LOC, DATE and TIME spans in any piece of Arabic text: a whole document or one
 * line. Everything the rules need is in the text itself and the options; nothing is remembered
 * between calls except compiled gazetteers and learned lists (cached per array).
 *
 * Order: dates and times first (their words are then closed to names), then learned spans (what
 * the annotator tagged outranks the rules), then gazetteer names, organisation chains, titled and
 * given names, place words, where overlaps keep the longest span; then other mentions of the names
 * found in this text; then rejections and the label filter.
 */
export function recognize(text: string, options: RecognizeOptions = {}): RecognizedSpan[] {
  const normalized = normalizeArabic(text);
  const words = wordList(normalized);
  const labels = new Set(options.labels ?? DEFAULT_RECOGNIZED_LABELS);
  const taken = new Uint8Array(words.length);
  const spans: RecognizedSpan[] = [];
  const toSpan = (start: number, end: number, skip: number, label: string, reason: string, source: 'rules' | 'learned' | 'model', value?: string): RecognizedSpan =>
    makeSpan(text, normalized, words, start, end, skip, label, reason, source, value);

  for (const m of findTemporal(words, options.documentDate)) {
    // A time zone's place (بتوقيت الخرطوم) stays open to the name readers.
    for (let k = m.start; k < (m.namesFrom ?? m.end); k++) taken[k] = 1;
    spans.push(toSpan(m.start, m.end, m.skip, m.reason.startsWith('time') ? 'TIME' : 'DATE', m.reason, 'rules', m.value));
  }

  // What the annotator tagged outranks the rules: learned spans go first.
  if (!options.tagger && options.learned && options.learned.length > 0) {
    for (const m of findMentions(words, learnedIndex(options.learned), taken)) {
      for (let k = m.start; k < m.end; k++) taken[k] = 1;
      spans.push(toSpan(m.start, m.end, m.skip, m.payload.label, m.payload.reason, 'learned', m.payload.value));
    }
  }

  const written = (i: number): string => {
    const w = words[i] as WordList[number];
    return text.slice(normalized.offsets[w.start], normalized.offsets[w.end]).replace(/[\u064B-\u065F\u0670\u0640]/gu, '');
  };
  const lexicon = lexiconFor(options.gazetteers);
  if (options.tagger) {
    // The model decides PER, ORG, LOC and MISC; the rules and the learned names are its features.
    for (const e of modelEntities(options.tagger, words, taken, lexicon, options.learned ? learnedIndex(options.learned) : undefined, written)) {
      for (let k = e.start; k < e.end; k++) taken[k] = 1;
      spans.push({
        ...toSpan(e.start, e.end, e.skip, e.label, e.reason, e.source),
        ...(e.score !== undefined ? { score: e.score } : {}),
        ...(e.alternative ? { alternative: e.alternative } : {}),
      });
    }
  } else {
    const candidates = new EntityReader(words, lexicon, taken, written).findAll();
    for (const c of selectCandidates(candidates, taken)) spans.push(toSpan(c.start, c.end, c.skip, c.label, c.reason, 'rules'));
  }

  // Names found once are found again in this text (the surname alone included).
  const found = mentionEntries(spans);
  for (const m of findMentions(words, buildMentionIndex(found), taken)) {
    for (let k = m.start; k < m.end; k++) taken[k] = 1;
    spans.push(toSpan(m.start, m.end, m.skip, m.payload.label, m.payload.reason, 'rules'));
  }

  return finish(spans, labels, options.rejections, options.offset ?? 0);
}

function makeSpan(
  text: string,
  normalized: NormalizedText,
  words: WordList,
  startWord: number,
  endWord: number,
  skip: number,
  label: string,
  reason: string,
  source: 'rules' | 'learned' | 'model',
  value?: string,
): RecognizedSpan {
  const first = words[startWord] as WordList[number];
  const last = words[endWord - 1] as WordList[number];
  const start = normalized.offsets[first.start + skip] as number;
  const end = normalized.offsets[last.end] as number;
  const span = { start, end, label, text: text.slice(start, end), source, reason };
  return value === undefined ? span : { ...span, value };
}

const learnedCache = new WeakMap<readonly LearnedEntry[], PhraseIndex<MentionPayload>>();

function learnedIndex(learned: readonly LearnedEntry[]): PhraseIndex<MentionPayload> {
  let index = learnedCache.get(learned);
  if (!index) {
    index = buildMentionIndex(learned.map((e) => ({ text: e.text, label: e.label, reason: `learned: ${e.text}`, value: e.value })));
    learnedCache.set(learned, index);
  }
  return index;
}
