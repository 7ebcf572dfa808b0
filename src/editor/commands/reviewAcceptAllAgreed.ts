import * as vscode from 'vscode';
import { acceptAllAgreed as acceptAgreedIntoGold } from '../../core/review/adjudicate';
import { now, reviewFor } from '../review/decisionTarget';
import type { ReviewDocumentArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';
import { basename } from '../sidecarFiles';

/**
 * Tawsim: Accept All Agreed — takes every span all compared annotators tagged alike into gold;
 * spans already decided keep their decision. Returns how many were accepted.
 */
export async function acceptAllAgreed(ctx: ReviewContext, args?: ReviewDocumentArgs): Promise<number> {
  const review = reviewFor(ctx, args);
  if (!review) return 0;
  const pending = review.state.agreedPending;
  if (pending === 0) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Every agreed tag already has a decision.'), 3000);
    return 0;
  }
  const after = await ctx.sessions.decide(review.uri, (r) => acceptAgreedIntoGold(r.gold, r.comparison, { by: r.reviewer, at: now() }));
  if (!after) return 0;
  const accepted = pending - after.state.agreedPending;
  void vscode.window.setStatusBarMessage(vscode.l10n.t('{0} agreed tags accepted into {1}', accepted, basename(after.goldUri)), 4000);
  return accepted;
}
