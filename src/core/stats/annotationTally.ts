import type { AnnotationStatus, ReviewRecord } from '../model/annotation';

/** Per label, how many annotations are accepted, suggested and rejected (in that order). */
export type StatusTriple = readonly [accepted: number, suggested: number, rejected: number];

/**
 * What the workspace views count of one sidecar, without its annotations: small enough to keep
 * for every sidecar in the index's cache, and enough for the Annotations view's roots, its filter
 * choices and the Statistics page. Orphans have no place in the text and are counted apart.
 */
export interface SetTally {
  readonly counts: Readonly<Record<string, StatusTriple>>;
  readonly orphans: number;
  /** Some annotation carries a review record. */
  readonly reviewed: boolean;
}

/** What tallying needs of an annotation. */
export interface TalliedAnnotation {
  readonly label: string;
  readonly status: AnnotationStatus;
  readonly review?: ReviewRecord;
  readonly orphan?: boolean;
}

export const STATUS_ORDER: readonly AnnotationStatus[] = ['accepted', 'suggested', 'rejected'];

export const EMPTY_TALLY: SetTally = { counts: {}, orphans: 0, reviewed: false };

export function tallyAnnotations(annotations: Iterable<TalliedAnnotation>): SetTally {
  const counts: Record<string, [number, number, number]> = {};
  let orphans = 0;
  let reviewed = false;
  for (const a of annotations) {
    if (a.review !== undefined) reviewed = true;
    if (a.orphan === true) {
      orphans++;
      continue;
    }
    const triple = (counts[a.label] ??= [0, 0, 0]);
    const i = STATUS_ORDER.indexOf(a.status);
    triple[i] = (triple[i] as number) + 1;
  }
  return { counts, orphans, reviewed };
}

/**
 * The annotations of a tally that pass a filter of labels and statuses (an absent or empty list lets
 * everything through). Orphans have a label and a status too, but the tally does not keep them per
 * label: they are counted only when nothing filters by label or status.
 */
export function countPassing(tally: SetTally, labels?: readonly string[], statuses?: readonly AnnotationStatus[]): number {
  const anyLabel = labels === undefined || labels.length === 0;
  const anyStatus = statuses === undefined || statuses.length === 0;
  let n = anyLabel && anyStatus ? tally.orphans : 0;
  for (const [label, triple] of Object.entries(tally.counts)) {
    if (!anyLabel && !labels.includes(label)) continue;
    STATUS_ORDER.forEach((status, i) => {
      if (anyStatus || statuses.includes(status)) n += triple[i] as number;
    });
  }
  return n;
}

/** Per label, the placed annotations that are not rejected (accepted and suggested). */
export function labelCounts(tally: SetTally): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [label, [accepted, suggested]] of Object.entries(tally.counts)) if (accepted + suggested > 0) out[label] = accepted + suggested;
  return out;
}

/** A non-negative integer, as counts in the index's cache must be. */
export function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

/** Whether a value is a tally as the cache stores it (counts of non-negative integers). */
export function isTally(value: unknown): value is SetTally {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Record<string, unknown>;
  const counts = t['counts'];
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) return false;
  return Object.values(counts).every((c) => Array.isArray(c) && c.length === 3 && c.every(isCount)) && isCount(t['orphans']) && typeof t['reviewed'] === 'boolean';
}
