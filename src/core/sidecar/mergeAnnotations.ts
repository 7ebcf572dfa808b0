import type { Annotation } from '../model/annotation';
import { nextAnnotationId, sameSpanAndLabel } from '../model/annotation';

/**
 * Union of two versions of one annotator's annotations (mine and one found on disk), for the
 * "merge" answer to a concurrent change. Same span and label is one annotation; where both
 * changed it, mine wins. Ids of theirs that clash with a different annotation of mine are renewed.
 */
export function mergeAnnotations(mine: readonly Annotation[], theirs: readonly Annotation[]): Annotation[] {
  const merged = [...mine];
  const ids = new Set(mine.map((a) => a.id));
  for (const t of theirs) {
    if (merged.some((m) => sameSpanAndLabel(m, t))) continue;
    const id = ids.has(t.id) ? nextAnnotationId(merged) : t.id;
    ids.add(id);
    merged.push({ ...t, id });
  }
  return merged;
}
