import type { Annotation } from './annotation';
import type { Relation } from './relation';
import type { Span } from './shift';

/** Where the editor marks relations: every end of a relation, and the ends related to the annotation at the cursor. */
export interface RelationMarks {
  /** Each piece of every annotation that stands at an end of a relation (fragments piece by piece), sorted. */
  readonly linked: readonly Span[];
  /** Pieces of the annotations related to one under the cursor (not that one itself), sorted. */
  readonly partners: readonly Span[];
}

/**
 * The spans to mark, in the offsets the annotations are in. Rejected relations mark nothing (they
 * are decisions that no link exists); a relation whose end is missing (an orphan) marks the end
 * that is there. The cursor is inside an annotation when it lies within its cover, edges included.
 */
export function relationMarks(annotations: readonly Annotation[], relations: readonly Relation[], cursor?: number): RelationMarks {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const live = relations.filter((r) => r.status !== 'rejected');
  const linkedIds = new Set<string>();
  for (const r of live) for (const id of [r.from, r.to]) if (byId.has(id)) linkedIds.add(id);
  const partnerIds = new Set<string>();
  if (cursor !== undefined) {
    const here = new Set(annotations.filter((a) => a.start <= cursor && cursor <= a.end && linkedIds.has(a.id)).map((a) => a.id));
    for (const r of live) {
      if (here.has(r.from) && !here.has(r.to) && byId.has(r.to)) partnerIds.add(r.to);
      if (here.has(r.to) && !here.has(r.from) && byId.has(r.from)) partnerIds.add(r.from);
    }
  }
  const pieces = (ids: ReadonlySet<string>): Span[] =>
    [...ids]
      .flatMap((id) => {
        const a = byId.get(id) as Annotation;
        return a.fragments ? a.fragments.map(([start, end]) => ({ start, end })) : [{ start: a.start, end: a.end }];
      })
      .sort((x, y) => x.start - y.start || x.end - y.end);
  return { linked: pieces(linkedIds), partners: pieces(partnerIds) };
}
