import * as vscode from 'vscode';
import type { GoldParts, RelationDecisionProblem, RelationDecisionResult, RelationProposal } from '../../core/review/relationReview';
import { reviewFor } from './decisionTarget';
import type { RelationDecisionArgs } from './reviewCommandIds';
import type { ReviewContext } from './reviewContext';
import type { DocumentReview } from './reviewTypes';
import { relationTitle, relationEndTitle } from './reviewText';
import { symmetricTypes } from './symmetricTypes';

export interface RelationTarget {
  readonly review: DocumentReview;
  readonly proposal: RelationProposal;
}

/**
 * The relation disagreement a decision is about: named by key, else picked from the open ones
 * (every one when none is open, so a decision can be changed).
 */
export async function relationFor(ctx: ReviewContext, args: RelationDecisionArgs | undefined, placeHolder: string): Promise<RelationTarget | undefined> {
  const review = reviewFor(ctx, args);
  if (!review) return undefined;
  const all = review.relations.disagreements;
  if (args?.key !== undefined) {
    const proposal = all.find((p) => p.key === args.key);
    if (!proposal) {
      void vscode.window.showInformationMessage(vscode.l10n.t('That relation disagreement is no longer there: the text or the sidecars changed.'));
      return undefined;
    }
    return { review, proposal };
  }
  const open = all.filter((p) => review.state.openRelationKeys.includes(p.key));
  const offered = open.length > 0 ? open : all;
  if (offered.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The annotators marked the same relations here.'));
    return undefined;
  }
  const picked =
    offered.length === 1
      ? offered[0]
      : (
          await vscode.window.showQuickPick(
            offered.map((p) => ({ label: relationTitle(p), description: p.by.join(', '), proposal: p })),
            { placeHolder },
          )
        )?.proposal;
  return picked ? { review, proposal: picked } : undefined;
}

/** Tells the reviewer why a relation decision was not written. */
export function showRelationProblem(problem: RelationDecisionProblem): void {
  const message =
    problem.kind === 'endRejected'
      ? vscode.l10n.t('{0} is rejected in gold; a relation cannot stand on it.', relationEndTitle(problem.end))
      : vscode.l10n.t('Decide on {0} in gold first: the rejected relation names its ends.', problem.ends.map(relationEndTitle).join(vscode.l10n.t(' and ')));
  void vscode.window.showWarningMessage(message);
}

/**
 * One relation decision from start to end: the relation named or picked, the core's decision applied
 * to the review's gold, and the reviewer told why when it could not be written. True once written.
 */
export async function decideRelation(
  ctx: ReviewContext,
  args: RelationDecisionArgs | undefined,
  placeHolder: string,
  apply: (gold: GoldParts, proposal: RelationProposal, review: DocumentReview, symmetric: (type: string) => boolean) => RelationDecisionResult,
): Promise<boolean> {
  const target = await relationFor(ctx, args, placeHolder);
  if (!target) return false;
  const symmetric = symmetricTypes(ctx.services);
  let written = false;
  const done = await ctx.sessions.decide(target.review.uri, (r): GoldParts | undefined => {
    const result = apply({ annotations: r.gold, relations: r.goldRelations }, target.proposal, r, symmetric);
    if ('problem' in result) {
      showRelationProblem(result.problem);
      return undefined;
    }
    written = true;
    return result.gold;
  });
  return done !== undefined && written;
}
