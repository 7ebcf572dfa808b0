import { documentUri } from '../review/decisionTarget';
import type { ReviewDocumentArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';

/** Tawsim: Refresh Review — reads the sidecars and the gold file again (from the view's title bar: every review). */
export async function refreshReview(ctx: ReviewContext, args?: ReviewDocumentArgs): Promise<void> {
  await ctx.sessions.refresh(args?.uri !== undefined ? documentUri(args) : undefined);
}
