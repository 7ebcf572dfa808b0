import * as vscode from 'vscode';
import { acceptProposal as acceptIntoGold } from '../../core/review/adjudicate';
import { now, proposalFor } from '../review/decisionTarget';
import type { ProposalArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';

/** Tawsim: Accept into Gold — takes one annotator proposal (span and label) into the gold sidecar. */
export async function acceptProposal(ctx: ReviewContext, args?: ProposalArgs): Promise<boolean> {
  const target = await proposalFor(ctx, args, vscode.l10n.t('Which tag to accept into gold?'));
  if (!target) return false;
  const done = await ctx.sessions.decide(target.review.uri, (r) => acceptIntoGold(r.gold, target.proposal, { by: r.reviewer, at: now() }));
  return done !== undefined;
}
