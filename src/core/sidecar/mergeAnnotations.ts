import type { Annotation } from '../model/annotation';
import { nextAnnotationId, sameSpanAndLabel } from '../model/annotation';

/**
 * Union of two versions of one annotator's annotations (mine and one found on disk), for the
 * "merge" answer to a concurrent change. Same span and label is one annotation; where both
 * changed it, mine wins. Ids of theirs that clash with a different annotation of mine, or that
 * `isTaken` reports (held earlier in the editing session), are renewed.
 */
export function mergeAnnotations(mine: readonly Annotation[], theirs: readonly Annotation[], isTaken: (id: string) => boolean = () => false): Annotation[] {
  const merged = [...mine];
  const ids = new Set(mine.map((a) => a.id));
  /** Ids also taken elsewhere (the editor's removed and buried annotations, which undo brings back). */
  const fresh = (): string => {
    const taken = [...merged];
    let id = nextAnnotationId(taken);
    while (isTaken(id) || ids.has(id)) {
      taken.push({ id } as Annotation);
      id = nextAnnotationId(taken);
    }
    return id;
  };
  for (const t of theirs) {
    if (merged.some((m) => sameAnnotation(m, t))) continue;
    const id = ids.has(t.id) || isTaken(t.id) ? fresh() : t.id;
    ids.add(id);
    merged.push({ ...t, id });
  }
  return merged;
}

/**
 * The same tag on both sides. An orphan's offsets are only where it used to be, so an orphan is
 * the same as another orphan with the same quote and label, never as a placed span that happens
 * to sit at those offsets (which would drop that span from the merge).
 */
function sameAnnotation(m: Annotation, t: Annotation): boolean {
  if (Boolean(m.orphan) !== Boolean(t.orphan)) return false;
  return m.orphan ? m.label === t.label && m.text === t.text : sameSpanAndLabel(m, t);
}
