import { decodeTags, parseTag } from '../formats/bioTags';
import type { ParsedTag } from '../formats/bioTags';
import { normalizeArabic } from '../recognize/normalize';
import type { NormalizedText } from '../recognize/normalize';
import type { WordList } from '../recognize/wordList';
import { wordList } from '../recognize/wordList';
import type { TokenSpan } from './tags';
import { encodeBilou } from './tags';

/**
 * A sentence with its entities, in the tagger's own words: the text is normalised and scanned
 * exactly as the recogniser scans a line in the editor, so training and tagging see the same
 * words whatever tokenisation the source had.
 */
export interface LabelledSentence {
  readonly text: string;
  readonly normalized: NormalizedText;
  readonly words: WordList;
  /** Entities as word spans, label = index into the tagger's labels. */
  readonly spans: readonly TokenSpan[];
  /** BILOU tags per word. */
  readonly gold: Uint8Array;
  /** 1-based line of the sentence in its source file, for messages. */
  readonly line: number;
}

/** A problem in a training file, with the file and line. */
export class TrainingDataError extends Error {
  constructor(
    readonly fileName: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${fileName}:${line}: ${problem}`);
    this.name = 'TrainingDataError';
  }
}

/** How source labels map onto the tagger's (ANERcorp's PERS is PER); labels mapped to '' are dropped. */
export const DEFAULT_LABEL_MAP: Readonly<Record<string, string>> = { PERS: 'PER', PERSON: 'PER', GPE: 'LOC', LOCATION: 'LOC', ORGANIZATION: 'ORG' };

/**
 * Reads CoNLL text (token first, tag last; blank lines between sentences; `-DOCSTART-` lines
 * ignored) in IOB1, IOB2 or BIOES. Labels outside `labels` (after `labelMap`) become O: a corpus
 * with DATE tags trains the entity labels and leaves dates to the rules.
 */
export function readConll(content: string, fileName: string, labels: readonly string[], labelMap: Readonly<Record<string, string>> = DEFAULT_LABEL_MAP): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  let tokens: string[] = [];
  let tags: ParsedTag[] = [];
  let firstLine = 1;
  const flush = (): void => {
    if (tokens.length > 0) out.push(labelTokens(tokens, tags, labels, labelMap, firstLine));
    tokens = [];
    tags = [];
  };
  const lines = content.replace(/^\ufeff/, '').split('\n');
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('-DOCSTART-')) {
      flush();
      return;
    }
    const columns = text.split(/\s+/);
    if (columns.length < 2) throw new TrainingDataError(fileName, index + 1, `expected a token and a tag, found "${text.slice(0, 40)}"`);
    const tag = parseTag(columns[columns.length - 1] as string);
    if (!tag) throw new TrainingDataError(fileName, index + 1, `"${columns[columns.length - 1]}" is not a tag (O, B-X, I-X, E-X, S-X, L-X or U-X)`);
    if (tokens.length === 0) firstLine = index + 1;
    tokens.push(columns.slice(0, -1).join(' '));
    tags.push(tag);
  });
  flush();
  return out;
}

function labelTokens(tokens: readonly string[], tags: readonly ParsedTag[], labels: readonly string[], labelMap: Readonly<Record<string, string>>, line: number): LabelledSentence {
  const chunks = decodeTags(tags, 'auto').chunks;
  const text = tokens.join(' ');
  const starts: number[] = [];
  let at = 0;
  for (const t of tokens) {
    starts.push(at);
    at += t.length + 1;
  }
  const spans: Array<{ start: number; end: number; label: string }> = [];
  for (const c of chunks) {
    const label = labelMap[c.label] ?? c.label;
    if (!labels.includes(label)) continue;
    spans.push({ start: starts[c.first] as number, end: (starts[c.last] as number) + (tokens[c.last] as string).length, label });
  }
  return labelText(text, spans, labels, line);
}

/**
 * Labels a text with character spans (UTF-16), in the tagger's words: a span covers the words
 * that lie inside it, less punctuation at its edges. Spans whose label is not one of `labels`,
 * and spans that overlap one already placed, are left out.
 */
export function labelText(text: string, spans: ReadonlyArray<{ start: number; end: number; label: string }>, labels: readonly string[], line = 1): LabelledSentence {
  const normalized = normalizeArabic(text);
  const words = wordList(normalized);
  const wordStart = words.map((w) => normalized.offsets[w.start] as number);
  const wordEnd = words.map((w) => normalized.offsets[w.end] as number);
  const tokenSpans: TokenSpan[] = [];
  const used = new Uint8Array(words.length);
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const label = labels.indexOf(s.label);
    if (label < 0) continue;
    let first = -1;
    let last = -1;
    for (let i = 0; i < words.length; i++) {
      // Overlap, not containment: a span starts after a proclitic, inside its word (بـ|الرباط).
      if ((wordStart[i] as number) >= s.end || (wordEnd[i] as number) <= s.start) continue;
      if ((words[i] as (typeof words)[number]).kind === 'mark') continue;
      if (first < 0) first = i;
      last = i;
    }
    if (first < 0) continue;
    let free = true;
    for (let k = first; k <= last; k++) if (used[k] !== 0) free = false;
    if (!free) continue;
    for (let k = first; k <= last; k++) used[k] = 1;
    tokenSpans.push({ first, last, label });
  }
  tokenSpans.sort((a, b) => a.first - b.first);
  return { text, normalized, words, spans: tokenSpans, gold: encodeBilou(words.length, tokenSpans), line };
}
