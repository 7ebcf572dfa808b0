import * as vscode from 'vscode';
import { rejectRelation as rejectRelationInGold } from '../../core/review/relationReview';
import type { RelationDecisionArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';
import { decideRelation } from '../review/relationTarget';

/**
 * Tawsim: Reject Relation in Gold — records in gold that a relation some annotators marked is wrong;
 * it stays there as rejected, so the review does not ask again.
 */
export function rejectRelation(ctx: ReviewContext, args?: RelationDecisionArgs): Promise<boolean> {
  return decideRelation(ctx, args, vscode.l10n.t('Which relation to reject?'), (gold, proposal, _review, symmetric) => rejectRelationInGold(gold, proposal, symmetric));
}
