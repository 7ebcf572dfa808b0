import { CodePointIndex } from '../model/offsets';
import { tokenize } from '../model/tokens';
import type { TagSpan } from './annotatorSet';

/** A token's place in code points, the unit of sidecar offsets. */
export interface TokenRange {
  readonly start: number;
  readonly end: number;
}

/** The tag of a token outside every span. */
export const OUTSIDE = 'O';

/**
 * Token-level figures use the project's tokeniser (`tokenize` in model/tokens: ICU word segments,
 * punctuation as tokens of their own, white space dropped) with proclitics split before the
 * article, so `بالرباط` gives `ب` `الرباط` and a span starting at the article covers whole tokens.
 * Offsets are turned from UTF-16 into code points to meet the sidecar's spans.
 */
export function tokenRanges(text: string, splitProclitics = true): TokenRange[] {
  const index = new CodePointIndex(text);
  const tokens = tokenize(text, { splitProclitics });
  if (!index.hasAstral) return tokens.map((t) => ({ start: t.start, end: t.end }));
  return tokens.map((t) => ({ start: index.toCodePoint(t.start), end: index.toCodePoint(t.end) }));
}

/**
 * BIO tags, one per token. A token takes the tag of a span that shares at least one code point with
 * it (a span starting inside a word still tags that word). When several spans cover a token, the
 * one starting first wins, then the longest, then the label first in code unit order, so nested
 * spans give the tokens to the outer span. A token is `B-` when it is the first token its span gives
 * a tag to, `I-` after that; `O` when no span covers it.
 */
export function bioTags(tokens: readonly TokenRange[], spans: readonly TagSpan[]): string[] {
  // An empty span covers no code point, so it tags nothing.
  const ordered = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const tags: string[] = [];
  // Spans that have started before the current token ends, in winning order; tokens only move right,
  // so a span that ended before a token is dead for every later token.
  let active: TagSpan[] = [];
  let next = 0;
  let previous: TagSpan | undefined;
  for (const token of tokens) {
    while (next < ordered.length && (ordered[next] as TagSpan).start < token.end) active.push(ordered[next++] as TagSpan);
    if (active.length > 0 && active.some((s) => s.end <= token.start)) active = active.filter((s) => s.end > token.start);
    const winner = active[0];
    if (winner === undefined) {
      tags.push(OUTSIDE);
    } else {
      tags.push(`${winner === previous ? 'I' : 'B'}-${winner.label}`);
    }
    previous = winner;
  }
  return tags;
}

/** The label part of a BIO tag: `B-LOC` and `I-LOC` give `LOC`, `O` stays `O`. */
export function tagLabel(tag: string): string {
  return tag === OUTSIDE ? OUTSIDE : tag.slice(2);
}
