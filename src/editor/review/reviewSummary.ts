import type { DocumentReview } from './reviewTypes';

/**
 * A plain summary of a review, returned by the review commands so that keybindings, tasks and
 * tests can see what happened without reaching into the extension's objects.
 */
export interface ReviewSummary {
  readonly uri: string;
  readonly gold: string;
  readonly annotators: readonly string[];
  readonly excluded: readonly { readonly annotator: string; readonly reason: string }[];
  readonly failures: readonly { readonly file: string; readonly reason: string }[];
  readonly disagreements: number;
  readonly open: number;
  readonly agreed: number;
  readonly agreedPending: number;
  readonly done: boolean;
}

export function reviewSummary(review: DocumentReview): ReviewSummary {
  return {
    uri: review.uri.toString(),
    gold: review.goldUri.toString(),
    annotators: [...review.comparison.annotators],
    excluded: review.comparison.excluded.map((e) => ({ annotator: e.annotator, reason: e.reason })),
    failures: review.failures.map((f) => ({ file: f.fileName, reason: f.reason })),
    disagreements: review.state.total,
    open: review.state.open,
    agreed: review.comparison.agreed.length,
    agreedPending: review.state.agreedPending,
    done: review.state.done,
  };
}
