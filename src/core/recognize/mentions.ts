import { PhraseIndex, phraseWords } from './phraseIndex';
import type { WordList } from './wordList';

/**
 * Other mentions of names already found: a person, organisation or place named once is the same
 * name further on, with or without proclitics (بالرباط, وإسرائيل), on the folded form. The same
 * machinery finds what the annotator tagged by hand ('learned').
 */
export interface MentionPayload {
  readonly label: string;
  readonly reason: string;
  readonly value?: string;
}

export interface MentionCandidate {
  readonly start: number;
  readonly end: number;
  readonly skip: number;
  readonly payload: MentionPayload;
}

export function buildMentionIndex(
  entries: Iterable<{ readonly text: string; readonly label: string; readonly reason: string; readonly value?: string }>,
): PhraseIndex<MentionPayload> {
  const index = new PhraseIndex<MentionPayload>();
  for (const e of entries) {
    const words = phraseWords(e.text);
    if (words.length === 0) continue;
    // A single short word (two letters) would match everywhere.
    if (words.length === 1 && (words[0] as string).length < 3) continue;
    index.add(words, e.value === undefined ? { label: e.label, reason: e.reason } : { label: e.label, reason: e.reason, value: e.value });
  }
  return index;
}

/** Occurrences of the index's phrases; `taken` marks words that already belong to a span. */
export function findMentions(words: WordList, index: PhraseIndex<MentionPayload>, taken?: Uint8Array): MentionCandidate[] {
  const out: MentionCandidate[] = [];
  if (index.size === 0) return out;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as (typeof words)[number];
    if (w.kind === 'mark') continue;
    if (taken && taken[i] !== 0) continue;
    const m = index.matchAt(words, i);
    if (!m) continue;
    let free = true;
    if (taken) for (let k = m.start; k < m.end; k++) if (taken[k] !== 0) free = false;
    if (!free) continue;
    out.push({ start: m.start, end: m.end, skip: m.skip, payload: m.payload });
    i = m.end - 1;
  }
  return out;
}
