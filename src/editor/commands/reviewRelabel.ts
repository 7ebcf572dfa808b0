import * as vscode from 'vscode';
import { findLabel } from '../../core/model/labels';
import { relabelProposal as relabelInGold } from '../../core/review/adjudicate';
import { pickLabel } from '../labelPick';
import { now, proposalFor } from '../review/decisionTarget';
import type { RelabelArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';

/** Tawsim: Relabel into Gold… — accepts a proposal's span under another label (`to`, or asked for). */
export async function relabelProposal(ctx: ReviewContext, args?: RelabelArgs): Promise<boolean> {
  const target = await proposalFor(ctx, args, vscode.l10n.t('Which tag to relabel?'));
  if (!target) return false;
  const labels = ctx.services.labels();
  const label = args?.to !== undefined ? findLabel(labels, args.to) : await pickLabel(labels, vscode.l10n.t('Gold label for «{0}»', target.proposal.text), target.proposal.label);
  if (!label) {
    if (args?.to !== undefined) void vscode.window.showErrorMessage(vscode.l10n.t('There is no label "{0}" in the label set.', args.to));
    return false;
  }
  const done = await ctx.sessions.decide(target.review.uri, (r) => relabelInGold(r.gold, target.proposal, label.id, { by: r.reviewer, at: now() }));
  return done !== undefined;
}
