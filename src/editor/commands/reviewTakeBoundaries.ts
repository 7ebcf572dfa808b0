import * as vscode from 'vscode';
import { takeBoundaries as takeIntoGold } from '../../core/review/adjudicate';
import type { Disagreement } from '../../core/review/compareAnnotators';
import { disagreementFor, now, reviewFor } from '../review/decisionTarget';
import type { TakeBoundariesArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';
import { proposalTitle } from '../review/reviewText';

/**
 * Tawsim: Take the Boundaries of… — settles a disagreement with one annotator's spans and labels:
 * theirs are accepted into gold, every other proposal there is recorded as rejected.
 */
export async function takeBoundaries(ctx: ReviewContext, args?: TakeBoundariesArgs): Promise<boolean> {
  const review = reviewFor(ctx, args);
  if (!review) return false;
  const disagreement = disagreementFor(review, args?.disagreementId);
  if (!disagreement) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No disagreement here.'));
    return false;
  }
  const annotator = args?.annotator ?? (await pickAnnotator(disagreement));
  if (annotator === undefined) return false;
  if (!disagreement.annotators.some((a) => a.annotator === annotator)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} is not one of the annotators compared here.', annotator));
    return false;
  }
  const done = await ctx.sessions.decide(review.uri, (r) => takeIntoGold(r.gold, disagreement, annotator, { by: r.reviewer, at: now() }));
  return done !== undefined;
}

async function pickAnnotator(d: Disagreement): Promise<string | undefined> {
  const picked = await vscode.window.showQuickPick(
    d.annotators.map((a) => ({
      label: a.annotator,
      description: a.spans.length === 0 ? vscode.l10n.t('no tag') : a.spans.map(proposalTitle).join(', '),
      annotator: a.annotator,
    })),
    { placeHolder: vscode.l10n.t('Whose boundaries and labels to take?') },
  );
  return picked?.annotator;
}
