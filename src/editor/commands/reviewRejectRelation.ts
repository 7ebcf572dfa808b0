import * as vscode from 'vscode';
import { rejectRelation as rejectRelationInGold } from '../../core/review/relationReview';
import type { GoldParts } from '../../core/review/relationReview';
import type { RelationDecisionArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';
import { relationFor, showRelationProblem } from '../review/relationTarget';
import { symmetricTypes } from '../review/symmetricTypes';

/**
 * Tawsim: Reject Relation in Gold — records in gold that a relation some annotators marked is wrong;
 * it stays there as rejected, so the review does not ask again.
 */
export async function rejectRelation(ctx: ReviewContext, args?: RelationDecisionArgs): Promise<boolean> {
  const target = await relationFor(ctx, args, vscode.l10n.t('Which relation to reject?'));
  if (!target) return false;
  const symmetric = symmetricTypes(ctx.services);
  let written = false;
  const done = await ctx.sessions.decide(target.review.uri, (r): GoldParts | undefined => {
    const result = rejectRelationInGold({ annotations: r.gold, relations: r.goldRelations }, target.proposal, symmetric);
    if ('problem' in result) {
      showRelationProblem(result.problem);
      return undefined;
    }
    written = true;
    return result.gold;
  });
  return done !== undefined && written;
}
