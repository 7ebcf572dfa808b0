import type { Annotation } from '../model/annotation';
import type { Comparison, Disagreement, Proposal } from './compareAnnotators';
import { overlaps, tagKey } from './annotatorSet';
import type { GoldSet } from './adjudicate';
import type { GoldParts, RelationComparison } from './relationReview';
import { openRelationKeys } from './relationReview';

export interface ReviewState {
  /** True when no disagreement is open and every agreed span has a decision in gold. */
  readonly done: boolean;
  readonly open: number;
  readonly total: number;
  /** Ids of open disagreements, in document order, for "next disagreement". */
  readonly openIds: readonly string[];
  /** Agreed spans with no decision in gold yet ("accept all agreed" settles them). */
  readonly agreedPending: number;
  /** Relation disagreements (relations only some annotators marked) without a decision in gold. */
  readonly relationsOpen: number;
  readonly relationsTotal: number;
  /** Keys of the open relation disagreements, in document order. */
  readonly openRelationKeys: readonly string[];
}

/** The relation part of a review: its comparison, the gold file's two lists, and which types read both ways. */
export interface RelationReviewInput {
  readonly comparison: RelationComparison;
  readonly gold: GoldParts;
  readonly symmetric: (type: string) => boolean;
}

export function reviewState(comparison: Comparison, gold: GoldSet, relations?: RelationReviewInput): ReviewState {
  const openIds = comparison.disagreements.filter((d) => !isClosed(d, gold)).map((d) => d.id);
  const decided = new Set(gold.filter((g) => g.review !== undefined).map(tagKey));
  const agreedPending = comparison.agreed.filter((p) => !decided.has(tagKey(p))).length;
  const relationKeys = relations ? openRelationKeys(relations.comparison, relations.gold, relations.symmetric) : [];
  return {
    done: openIds.length === 0 && agreedPending === 0 && relationKeys.length === 0,
    open: openIds.length,
    total: comparison.disagreements.length,
    openIds,
    agreedPending,
    relationsOpen: relationKeys.length,
    relationsTotal: relations?.comparison.disagreements.length ?? 0,
    openRelationKeys: relationKeys,
  };
}

/**
 * A disagreement is closed when every proposal in it is covered by a reviewed gold entry lying
 * within the disagreement's extent: one with the same offsets (whatever the verdict or label: the
 * reviewer has looked at exactly that span), or one with the same label that overlaps it (a
 * boundary was chosen). Requiring the entry to lie within the extent keeps a decision on an enclosing
 * span (an agreed organisation around a disputed place) from closing the nested dispute.
 */
export function isClosed(disagreement: Disagreement, gold: GoldSet): boolean {
  const reviewed = gold.filter((g) => g.review !== undefined && g.start >= disagreement.start && g.end <= disagreement.end);
  return disagreement.proposals.every((p) => reviewed.some((g) => covers(g, p)));
}

function covers(g: Annotation, p: Proposal): boolean {
  if (g.start === p.start && g.end === p.end) return true;
  return g.label === p.label && overlaps(g, p);
}
