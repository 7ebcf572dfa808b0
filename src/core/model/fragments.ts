import type { Annotation } from './annotation';
import type { Span, TextEdit } from './shift';
import { shiftSpan } from './shift';

/** A discontinuous span's parts as `[start, end]` pairs, ordered and apart; `start`/`end` of the annotation are their cover. */
export type Fragments = readonly (readonly [number, number])[];

/**
 * What joins the fragments' texts in an annotation's `text` (sidecar schema 2): a space, an
 * ellipsis and a space, which no single stretch of text is mistaken for when quotes are checked.
 */
export const FRAGMENT_SEPARATOR = ' … ';

/** The text an annotation covers: its span, or its fragments joined with FRAGMENT_SEPARATOR. */
export function coveredText(a: Pick<Annotation, 'start' | 'end' | 'fragments'>, read: (start: number, end: number) => string): string {
  if (!a.fragments || a.fragments.length < 2) return read(a.start, a.end);
  return a.fragments.map(([s, e]) => read(s, e)).join(FRAGMENT_SEPARATOR);
}

/** The annotation moved whole by `delta` (its fragments with it). */
export function moved(a: Annotation, delta: number): Annotation {
  if (delta === 0) return a;
  return {
    ...a,
    start: a.start + delta,
    end: a.end + delta,
    ...(a.fragments ? { fragments: a.fragments.map(([s, e]) => [s + delta, e + delta] as const) } : {}),
  };
}

/** The annotation with each offset mapped (a unit conversion, which keeps order). */
export function mapOffsets(a: Annotation, map: (offset: number) => number): Annotation {
  return {
    ...a,
    start: map(a.start),
    end: map(a.end),
    ...(a.fragments ? { fragments: a.fragments.map(([s, e]) => [map(s), map(e)] as const) } : {}),
  };
}

/**
 * Fragments after one text edit, each moved by the span rule (`shiftSpan`); fragments whose text
 * is all deleted drop out, and fragments an edit joins become one. Undefined when none is left.
 */
export function fragmentsAfterEdit(fragments: Fragments, edit: TextEdit): Fragments | undefined {
  const out: [number, number][] = [];
  for (const [s, e] of fragments) {
    const o = shiftSpan({ start: s, end: e }, edit);
    const next: Span | undefined = o.kind === 'unchanged' ? { start: s, end: e } : o.kind === 'deleted' ? undefined : o;
    if (!next || next.end <= next.start) continue;
    const last = out[out.length - 1];
    if (last && next.start <= last[1]) last[1] = Math.max(last[1], next.end);
    else out.push([next.start, next.end]);
  }
  return out.length === 0 ? undefined : out;
}

/**
 * Fragments in order, apart and non-empty, inside 0..length: the problem when they are not.
 * Touching fragments (one's end is the next one's start) are one span written twice, so refused.
 */
export function fragmentProblem(fragments: Fragments, length: number): string | undefined {
  let previous = -1;
  for (let i = 0; i < fragments.length; i++) {
    const [s, e] = fragments[i] as readonly [number, number];
    if (s >= e) return `fragment ${i + 1} (${s}-${e}) is empty or reversed`;
    if (s <= previous) return `fragment ${i + 1} (${s}-${e}) starts before the previous one ends (${previous}); fragments must be in order and apart`;
    if (e > length) return `fragment ${i + 1} (${s}-${e}) is past the end of the text (${length} code points)`;
    previous = e;
  }
  return undefined;
}

/** The fragments merged with more spans (Add Fragment): sorted, overlapping or touching ones joined. */
export function withFragments(a: Pick<Annotation, 'start' | 'end' | 'fragments'>, more: readonly Span[]): Fragments {
  const all: [number, number][] = [...(a.fragments ?? [[a.start, a.end] as const]), ...more.map((m) => [m.start, m.end] as const)]
    .filter(([s, e]) => e > s)
    .map(([s, e]) => [s, e] as [number, number])
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const f of all) {
    const last = out[out.length - 1];
    if (last && f[0] <= last[1]) last[1] = Math.max(last[1], f[1]);
    else out.push(f);
  }
  return out;
}

/**
 * The annotation after Add Fragment: its fragments merged with `more`, the cover stretched over
 * them, the quote read again; an ordinary span when they all join into one.
 */
export function withFragmentsAdded(a: Annotation, more: readonly Span[], read: (start: number, end: number) => string): Annotation {
  const fragments = withFragments(a, more);
  const { fragments: _old, ...rest } = a;
  const base = { ...rest, start: (fragments[0] as readonly [number, number])[0], end: (fragments[fragments.length - 1] as readonly [number, number])[1] };
  const next = fragments.length > 1 ? { ...base, fragments } : base;
  return { ...next, text: coveredText(next, read) };
}
