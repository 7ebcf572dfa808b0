import type { Annotation } from '../model/annotation';
import type { Relation } from '../model/relation';

/** One annotator's annotations for one document, as the caller read them from a sidecar. */
export interface AnnotatorSet {
  readonly annotator: string;
  readonly annotations: readonly Annotation[];
  /** Relations between the annotations (sidecar schema 2), by their ids. */
  readonly relations?: readonly Relation[];
  /**
   * Set by the caller when the sidecar was saved against another version of the text (its sha256
   * differs) and could not be re-anchored. Its offsets do not point into the current text, so the
   * set is left out of comparisons and figures and listed as excluded with the reason.
   */
  readonly stale?: boolean;
  readonly staleReason?: string;
}

/** A set that was left out of a comparison or of the figures, and why. */
export interface ExcludedSet {
  readonly annotator: string;
  readonly reason: string;
  /** Filled in by folder-level figures so a reader knows which document it concerns. */
  readonly document?: string;
}

/** The part of an annotation that makes it a tag: where it is and what it says. */
export interface TagSpan {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

export const STALE_REASON = 'the sidecar was saved for another version of the text (sha256 differs)';

/**
 * Flags the sets whose sidecar was written for another text. Hashing stays with the caller because
 * core runs in browsers too, where hashing is asynchronous.
 */
export function markStale<T extends AnnotatorSet & { readonly sha256: string }>(sets: readonly T[], textSha256: string): AnnotatorSet[] {
  return sets.map((s) => (s.sha256.toLowerCase() === textSha256.toLowerCase() ? s : { ...s, stale: true, staleReason: s.staleReason ?? STALE_REASON }));
}

/** Splits usable sets from stale ones and from repeated annotator names (the first one wins). */
export function partitionSets(sets: readonly AnnotatorSet[]): { included: AnnotatorSet[]; excluded: ExcludedSet[] } {
  const included: AnnotatorSet[] = [];
  const excluded: ExcludedSet[] = [];
  const seen = new Set<string>();
  for (const set of sets) {
    if (set.stale === true) {
      excluded.push({ annotator: set.annotator, reason: set.staleReason ?? STALE_REASON });
    } else if (seen.has(set.annotator)) {
      excluded.push({ annotator: set.annotator, reason: 'a second set for the same annotator' });
    } else {
      seen.add(set.annotator);
      included.push(set);
    }
  }
  return { included, excluded };
}

/**
 * The tags of one annotator: accepted spans only (suggestions are not decisions and rejections are
 * not tags), without orphans (their offsets no longer point into the text), one per span and label,
 * sorted by start, then end, then label.
 */
export function acceptedTags(annotations: readonly Annotation[]): Annotation[] {
  const byKey = new Map<string, Annotation>();
  for (const a of annotations) {
    if (a.status !== 'accepted' || a.orphan === true) continue;
    const key = tagKey(a);
    if (!byKey.has(key)) byKey.set(key, a);
  }
  return [...byKey.values()].sort(compareTags);
}

export function tagKey(t: TagSpan): string {
  return `${t.start}:${t.end}:${t.label}`;
}

export function compareTags(a: TagSpan, b: TagSpan): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** Spans overlap when they share at least one code point. */
export function overlaps(a: TagSpan, b: TagSpan): boolean {
  return a.start < b.end && b.start < a.end;
}
