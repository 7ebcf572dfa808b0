import type { LabelDefinition } from '../../core/model/labels';
import { findLabel } from '../../core/model/labels';
import { indexForSearch, searchIndex } from '../../core/stats/annotationSearch';
import type { SearchFields, SearchIndexEntry } from '../../core/stats/annotationSearch';
import type { AnnotationEntry } from './annotationsTree';
import type { FoundAnnotation } from './workspaceAnnotations';

/** What Find searches of one annotation: its text, its label in every name, its note, annotator and value. */
export function findFields(a: Pick<FoundAnnotation, 'text' | 'label' | 'note' | 'value'>, annotator: string, labels: readonly LabelDefinition[]): SearchFields {
  const def = findLabel(labels, a.label);
  return {
    text: a.text,
    label: [a.label, ...(def ? [def.en, def.ar] : [])],
    ...(a.note !== undefined ? { note: a.note } : {}),
    other: [annotator, a.value ?? ''],
  };
}

/** Folded once per Find session, so typing re-folds only the query. */
export function findIndex(entries: readonly AnnotationEntry[], labels: readonly LabelDefinition[]): SearchIndexEntry<AnnotationEntry>[] {
  return indexForSearch(entries, ({ set, annotation }) => findFields(annotation, set.annotator, labels));
}

/**
 * Find's filter: the entries whose text, label (id or name in either language), note, annotator or
 * value hold every word of the query, compared on folded Arabic, best matches first.
 */
export function filterEntries(entries: readonly AnnotationEntry[], query: string, labels: readonly LabelDefinition[]): AnnotationEntry[] {
  return searchIndex(findIndex(entries, labels), query);
}
