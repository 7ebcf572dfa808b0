/** Whether a span is a saved tag, an unconfirmed suggestion, or a suggestion the annotator turned down. */
export type AnnotationStatus = 'accepted' | 'suggested' | 'rejected';

/** Where a span came from. */
export type AnnotationSource = 'manual' | 'rules' | 'learned' | 'model' | 'import';

export const ANNOTATION_STATUSES: readonly AnnotationStatus[] = ['accepted', 'suggested', 'rejected'];
export const ANNOTATION_SOURCES: readonly AnnotationSource[] = ['manual', 'rules', 'learned', 'model', 'import'];

/** A reviewer's decision on a gold annotation. */
export type ReviewVerdict = 'accepted' | 'rejected' | 'relabelled' | 'reboundaried' | 'added';

export interface ReviewRecord {
  readonly by: string;
  readonly verdict: ReviewVerdict;
  /** ISO 8601 timestamp. */
  readonly at: string;
  /** Annotators who proposed the span, as found when it was adjudicated. */
  readonly from?: readonly string[];
}

/**
 * One tagged span. Offsets are Unicode code points into the document text, end exclusive:
 * what Python, brat, doccano and spaCy count. The editor converts to UTF-16 at its edge.
 */
export interface Annotation {
  readonly id: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** The covered text, used to check and re-anchor the span when the document changes. */
  readonly text: string;
  readonly status: AnnotationStatus;
  readonly source: AnnotationSource;
  /** Normalised TIMEX3-style value for DATE and TIME spans. */
  readonly value?: string;
  readonly note?: string;
  readonly review?: ReviewRecord;
  /** Set when the span could not be placed in the current text; kept, never dropped. */
  readonly orphan?: boolean;
  /**
   * A discontinuous span's parts (schema 2), ordered and apart, covered by start..end; absent for
   * an ordinary span. `text` is then the parts' texts joined with FRAGMENT_SEPARATOR.
   */
  readonly fragments?: readonly (readonly [number, number])[];
  /** Attribute values by name (schema 2), such as a person's `role`; see `AttributeDefinition`. */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** Sort order of the sidecar: start, then end, then label, then id, so git diffs stay minimal. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || compareStrings(a.label, b.label) || compareIds(a.id, b.id);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ids look like `t12`; compare the numeric part numerically so t2 sorts before t10. */
export function compareIds(a: string, b: string): number {
  const na = idNumber(a);
  const nb = idNumber(b);
  if (na !== undefined && nb !== undefined && na !== nb) return na - nb;
  return compareStrings(a, b);
}

function idNumber(id: string): number | undefined {
  const match = /^t(\d+)$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/** The next free id of the form `tN` among the given annotations. */
export function nextAnnotationId(existing: Iterable<Annotation>): string {
  let max = 0;
  for (const a of existing) {
    const n = idNumber(a.id);
    if (n !== undefined && n > max) max = n;
  }
  return `t${max + 1}`;
}

/** Two annotations are the same tag when span and label agree. */
export function sameSpanAndLabel(a: Pick<Annotation, 'start' | 'end' | 'label'>, b: Pick<Annotation, 'start' | 'end' | 'label'>): boolean {
  return a.start === b.start && a.end === b.end && a.label === b.label;
}
