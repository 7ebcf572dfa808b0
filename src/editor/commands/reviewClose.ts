import { documentUri } from '../review/decisionTarget';
import type { ReviewDocumentArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';

/** Tawsim: Close Review — stops showing the review (and another annotator's suggestions) on the document; gold stays on disk. */
export function closeReview(ctx: ReviewContext, args?: ReviewDocumentArgs): void {
  const uri = documentUri(args);
  if (!uri) return;
  ctx.sessions.close(uri);
  ctx.suggestions.stop(uri);
}
