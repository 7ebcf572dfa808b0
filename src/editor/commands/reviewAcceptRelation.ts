import * as vscode from 'vscode';
import { acceptRelation as acceptRelationIntoGold } from '../../core/review/relationReview';
import { now } from '../review/decisionTarget';
import type { RelationDecisionArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';
import { decideRelation } from '../review/relationTarget';

/**
 * Tawsim: Accept Relation into Gold — takes a relation some annotators marked into the gold sidecar,
 * with its ends when gold has no decision on them yet.
 */
export function acceptRelation(ctx: ReviewContext, args?: RelationDecisionArgs): Promise<boolean> {
  return decideRelation(ctx, args, vscode.l10n.t('Which relation to accept into gold?'), (gold, proposal, review, symmetric) =>
    acceptRelationIntoGold(gold, proposal, { by: review.reviewer, at: now() }, symmetric),
  );
}
