import { COMMON_WORDS, NAME_CONNECTORS } from './commonWords';
import { ORDINAL_UNITS } from './dateVocabulary';
import { lexiconFor } from './lexicon';
import { buildMentionIndex, findMentions } from './mentions';
import { normalizeArabic } from './normalize';
import { phraseWords } from './phraseIndex';
import type { RecognizedSpan, RecognizeOptions } from './recognizeTypes';
import { DEFAULT_RECOGNIZED_LABELS } from './recognizeTypes';
import { finish } from './spanFilter';
import { wordList } from './wordList';

const NAME_LABELS = new Set(['PER', 'ORG', 'LOC']);

/** What to look for again: each name found, and a person's surname on its own (بلخير الفاروق → الفاروق). */
export function mentionEntries(spans: readonly RecognizedSpan[]): Array<{ text: string; label: string; reason: string }> {
  const out: Array<{ text: string; label: string; reason: string }> = [];
  const givenNames = lexiconFor().givenNames;
  const seen = new Set<string>();
  for (const s of spans) {
    if (!NAME_LABELS.has(s.label) || s.source === 'learned') continue;
    const id = `${s.label} ${s.text}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ text: s.text, label: s.label, reason: `consistency: ${s.text}` });
    if (s.label !== 'PER') continue;
    const words = phraseWords(s.text);
    const last = words[words.length - 1];
    const before = words[words.length - 2];
    if (words.length < 2 || last === undefined || last.length < 3) continue;
    if (COMMON_WORDS.has(last) || NAME_CONNECTORS.has(last) || ORDINAL_UNITS.has(last) || givenNames.hasFirst(last)) continue;
    if (before !== undefined && NAME_CONNECTORS.has(before)) continue;
    out.push({ text: last, label: 'PER', reason: `consistency: ${s.text}` });
  }
  return out;
}

/**
 * The document-level pass the editor runs over per-line results: every PER, ORG and LOC found
 * anywhere in the document is suggested at its other occurrences (and a person's surname alone).
 * `spans` are in document offsets; the result is `spans` plus the new mentions, sorted, with the
 * label filter and rejections of `options` applied. One normalising pass over the text.
 */
export function linkMentions(text: string, spans: readonly RecognizedSpan[], options: Pick<RecognizeOptions, 'labels' | 'rejections'> = {}): RecognizedSpan[] {
  const normalized = normalizeArabic(text);
  const words = wordList(normalized);
  const taken = new Uint8Array(words.length);
  // Mark words covered by existing spans (binary search over word starts).
  const starts = words.map((w) => normalized.offsets[w.start] as number);
  const ends = words.map((w) => normalized.offsets[w.end] as number);
  for (const s of spans) {
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ends[mid] as number) <= s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < words.length && (starts[k] as number) < s.end; k++) taken[k] = 1;
  }
  const added: RecognizedSpan[] = [];
  for (const m of findMentions(words, buildMentionIndex(mentionEntries(spans)), taken)) {
    const first = words[m.start] as (typeof words)[number];
    const last = words[m.end - 1] as (typeof words)[number];
    const start = normalized.offsets[first.start + m.skip] as number;
    const end = normalized.offsets[last.end] as number;
    added.push({ start, end, label: m.payload.label, text: text.slice(start, end), source: 'rules', reason: m.payload.reason });
  }
  return finish([...spans, ...added], new Set(options.labels ?? DEFAULT_RECOGNIZED_LABELS), options.rejections, 0);
}
