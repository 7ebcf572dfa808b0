import type { FilterState } from '../explorer/annotationFilter';

/** Tawsim: Clear Annotation Filters — the Annotations view shows everything again. */
export function clearAnnotationFilters(filter: FilterState): Promise<void> {
  return filter.clear();
}
