/**
 * The tagger's tag set: BILOU over the entity labels it learns. DATE and TIME are not among them:
 * they carry normalised values that only the rules compute.
 *
 * Tag 0 is O; label k has B = 1 + 4k, I = 2 + 4k, L = 3 + 4k, U = 4 + 4k.
 */
export const TAGGER_LABELS: readonly string[] = ['PER', 'ORG', 'LOC', 'MISC'];

export const OUTSIDE = 0;

export function tagCount(labels: readonly string[]): number {
  return 1 + 4 * labels.length;
}

export type Position = 'B' | 'I' | 'L' | 'U';
const POSITIONS: readonly Position[] = ['B', 'I', 'L', 'U'];

export function tagOf(labelIndex: number, position: Position): number {
  return 1 + 4 * labelIndex + POSITIONS.indexOf(position);
}

export function positionOf(tag: number): Position | 'O' {
  return tag === OUTSIDE ? 'O' : (POSITIONS[(tag - 1) % 4] as Position);
}

/** Index of the tag's label in the label list, or -1 for O. */
export function labelIndexOf(tag: number): number {
  return tag === OUTSIDE ? -1 : Math.floor((tag - 1) / 4);
}

export function tagName(tag: number, labels: readonly string[]): string {
  return tag === OUTSIDE ? 'O' : `${positionOf(tag)}-${labels[labelIndexOf(tag)]}`;
}

/** A span of tokens [first, last] with one label, as the tagger reads and writes them. */
export interface TokenSpan {
  readonly first: number;
  readonly last: number;
  readonly label: number;
}

/** BILOU tags of `length` tokens for non-overlapping spans. */
export function encodeBilou(length: number, spans: readonly TokenSpan[]): Uint8Array {
  const tags = new Uint8Array(length);
  for (const s of spans) {
    if (s.first === s.last) {
      tags[s.first] = tagOf(s.label, 'U');
      continue;
    }
    tags[s.first] = tagOf(s.label, 'B');
    for (let i = s.first + 1; i < s.last; i++) tags[i] = tagOf(s.label, 'I');
    tags[s.last] = tagOf(s.label, 'L');
  }
  return tags;
}

/** Spans of a tag sequence the Viterbi decoder produced (always well formed). */
export function decodeBilou(tags: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let first = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i] as number;
    const p = positionOf(t);
    if (p === 'U') spans.push({ first: i, last: i, label: labelIndexOf(t) });
    else if (p === 'B') first = i;
    else if (p === 'L' && first >= 0) {
      spans.push({ first, last: i, label: labelIndexOf(t) });
      first = -1;
    } else if (p === 'O') first = -1;
  }
  return spans;
}

/**
 * Which tag may follow which: `allowed[from * T + to]`, with row T for the sentence start, and
 * `canEnd[tag]`. B and I must continue with I or L of their own label; everything else may be
 * followed by O, B or U of any label.
 */
export function transitionMask(labels: readonly string[]): { allowed: Uint8Array; canEnd: Uint8Array } {
  const T = tagCount(labels);
  const allowed = new Uint8Array((T + 1) * T);
  const canEnd = new Uint8Array(T);
  for (let from = 0; from <= T; from++) {
    const p = from === T ? 'O' : positionOf(from);
    const open = p === 'B' || p === 'I';
    for (let to = 0; to < T; to++) {
      const q = positionOf(to);
      const ok = open ? (q === 'I' || q === 'L') && labelIndexOf(to) === labelIndexOf(from) : q === 'O' || q === 'B' || q === 'U';
      allowed[from * T + to] = ok ? 1 : 0;
    }
    if (from < T) canEnd[from] = open ? 0 : 1;
  }
  return { allowed, canEnd };
}
