import * as vscode from 'vscode';
import { rejectProposal as rejectInGold } from '../../core/review/adjudicate';
import { now, proposalFor } from '../review/decisionTarget';
import type { ProposalArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';

/**
 * Tawsim: Reject — records in gold that a proposal is wrong. The entry stays in the gold file as
 * rejected, so the review does not ask again and exports leave it out.
 */
export async function rejectProposal(ctx: ReviewContext, args?: ProposalArgs): Promise<boolean> {
  const target = await proposalFor(ctx, args, vscode.l10n.t('Which tag to reject?'));
  if (!target) return false;
  const done = await ctx.sessions.decide(target.review.uri, (r) => rejectInGold(r.gold, target.proposal, { by: r.reviewer, at: now() }));
  return done !== undefined;
}
