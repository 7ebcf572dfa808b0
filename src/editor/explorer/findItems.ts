import type { LabelDefinition } from '../../core/model/labels';
import { findLabel } from '../../core/model/labels';
import { indexForSearch, searchIndex } from '../../core/stats/annotationSearch';
import type { SearchIndexEntry } from '../../core/stats/annotationSearch';
import type { AnnotationEntry } from './annotationsTree';
import type { AnnotationSet } from './workspaceAnnotations';
import type { StringPool } from '../../core/stats/stringPool';

/** Every annotation of these sets that has a place in its text (orphans cannot be shown). */
export function findableEntries(sets: readonly AnnotationSet[]): AnnotationEntry[] {
  return sets.flatMap((set) => set.annotations.filter((a) => a.orphan !== true).map((annotation) => ({ set, annotation })));
}

/** Folded once per Find session, so typing re-folds only the query. */
export function findIndex(entries: readonly AnnotationEntry[], labels: readonly LabelDefinition[], pool?: StringPool): SearchIndexEntry<AnnotationEntry>[] {
  return indexForSearch(
    entries,
    ({ set, annotation: a }) => {
      const def = findLabel(labels, a.label);
      return {
        text: a.text,
        label: [a.label, ...(def ? [def.en, def.ar] : [])],
        ...(a.note !== undefined ? { note: a.note } : {}),
        other: [set.annotator, a.value ?? ''],
      };
    },
    pool,
  );
}

/**
 * Find's filter: the entries whose text, label (id or name in either language), note, annotator or
 * value hold every word of the query, compared on folded Arabic, best matches first.
 */
export function filterEntries(entries: readonly AnnotationEntry[], query: string, labels: readonly LabelDefinition[]): AnnotationEntry[] {
  return searchIndex(findIndex(entries, labels), query);
}
