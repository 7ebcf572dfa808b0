/** A span to be drawn as a box: offsets, end exclusive. */
export interface Extent {
  readonly start: number;
  readonly end: number;
}

/**
 * Levels for boxes drawn around overlapping spans: two spans that share a character never get the
 * same level, and a span lying around another gets a higher level than it, so nested boxes are
 * drawn one around the other, the outer one larger. Shorter spans are placed first and take the
 * lowest level free of the spans already placed that they overlap. Returns one level per span, in
 * the order given.
 */
export function stackLevels(spans: readonly Extent[]): number[] {
  const order = spans.map((_, i) => i).sort((a, b) => length(spans[a] as Extent) - length(spans[b] as Extent) || (spans[a] as Extent).start - (spans[b] as Extent).start || a - b);
  const levels = new Array<number>(spans.length).fill(0);
  const placed: number[] = [];
  for (const i of order) {
    const s = spans[i] as Extent;
    const taken = new Set<number>();
    let above = -1;
    for (const j of placed) {
      const o = spans[j] as Extent;
      if (!overlaps(s, o)) continue;
      taken.add(levels[j] as number);
      // A span inside this one (or equal to it and placed earlier) must stay below it.
      if (o.start >= s.start && o.end <= s.end) above = Math.max(above, levels[j] as number);
    }
    let level = above + 1;
    while (taken.has(level)) level++;
    levels[i] = level;
    placed.push(i);
  }
  return levels;
}

function length(s: Extent): number {
  return s.end - s.start;
}

/** Whether two spans share a character; an empty span touches what contains its point. */
export function overlaps(a: Extent, b: Extent): boolean {
  if (a.start === a.end) return b.start <= a.start && a.start < b.end;
  if (b.start === b.end) return a.start <= b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}
