import * as vscode from 'vscode';
import { acceptRelation as acceptRelationIntoGold } from '../../core/review/relationReview';
import type { GoldParts } from '../../core/review/relationReview';
import { now } from '../review/decisionTarget';
import type { RelationDecisionArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';
import { relationFor, showRelationProblem } from '../review/relationTarget';
import { symmetricTypes } from '../review/symmetricTypes';

/**
 * Tawsim: Accept Relation into Gold — takes a relation some annotators marked into the gold sidecar,
 * with its ends when gold has no decision on them yet.
 */
export async function acceptRelation(ctx: ReviewContext, args?: RelationDecisionArgs): Promise<boolean> {
  const target = await relationFor(ctx, args, vscode.l10n.t('Which relation to accept into gold?'));
  if (!target) return false;
  const symmetric = symmetricTypes(ctx.services);
  let written = false;
  const done = await ctx.sessions.decide(target.review.uri, (r): GoldParts | undefined => {
    const result = acceptRelationIntoGold({ annotations: r.gold, relations: r.goldRelations }, target.proposal, { by: r.reviewer, at: now() }, symmetric);
    if ('problem' in result) {
      showRelationProblem(result.problem);
      return undefined;
    }
    written = true;
    return result.gold;
  });
  return done !== undefined && written;
}
