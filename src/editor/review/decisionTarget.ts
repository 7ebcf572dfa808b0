import * as vscode from 'vscode';
import type { Disagreement, Proposal } from '../../core/review/compareAnnotators';
import type { ReviewDocumentArgs, ProposalArgs } from './reviewCommandIds';
import { ReviewCommandId } from './reviewCommandIds';
import type { ReviewContext } from './reviewContext';
import type { DocumentReview } from './reviewTypes';
import { proposalTitle } from './reviewText';

/**
 * The document under review a command acts on: the one named by `uri`, else the active editor's.
 * Tells the user to start a review when there is none.
 */
export function reviewFor(ctx: ReviewContext, args?: ReviewDocumentArgs): DocumentReview | undefined {
  const uri = documentUri(args);
  const review = uri && ctx.sessions.get(uri);
  if (!review) {
    const start = vscode.l10n.t('Review…');
    void vscode.window.showInformationMessage(vscode.l10n.t('This document is not under review.'), start).then((choice) => {
      if (choice === start) void vscode.commands.executeCommand(ReviewCommandId.review, uri ? { uri: uri.toString() } : undefined);
    });
    return undefined;
  }
  return review;
}

export function documentUri(args?: ReviewDocumentArgs): vscode.Uri | undefined {
  if (typeof args?.uri === 'string') return vscode.Uri.parse(args.uri);
  return vscode.window.activeTextEditor?.document.uri;
}

/** The disagreement named by id, else the one under the cursor (open ones first). */
export function disagreementFor(review: DocumentReview, id: string | undefined): Disagreement | undefined {
  const all = review.comparison.disagreements;
  if (id !== undefined) return all.find((d) => d.id === id);
  const at = cursorCodePoint(review);
  if (at === undefined) return undefined;
  const here = all.filter((d) => d.start <= at && at <= d.end);
  return here.find((d) => review.state.openIds.includes(d.id)) ?? here[0];
}

/** The code point offset of the cursor in the review's document, when it is the active editor. */
export function cursorCodePoint(review: DocumentReview): number | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.toString() !== review.uri.toString()) return undefined;
  const utf16 = editor.document.offsetAt(editor.selection.active);
  return review.index.toCodePoint(Math.min(utf16, review.index.utf16Length));
}

export interface ProposalTarget {
  readonly review: DocumentReview;
  readonly proposal: Proposal;
  readonly disagreement?: Disagreement;
}

/**
 * The proposal a decision is about: given by span and label (in a disagreement or among the agreed
 * spans), else one of the disagreement's proposals, asked for when there are several.
 */
export async function proposalFor(ctx: ReviewContext, args: ProposalArgs | undefined, placeHolder: string): Promise<ProposalTarget | undefined> {
  const review = reviewFor(ctx, args);
  if (!review) return undefined;
  const disagreement = disagreementFor(review, args?.disagreementId);
  if (args?.disagreementId !== undefined && !disagreement) {
    void vscode.window.showInformationMessage(vscode.l10n.t('That disagreement is no longer there: the text or the sidecars changed.'));
    return undefined;
  }
  const named = args?.start !== undefined && args.end !== undefined && args.label !== undefined;
  if (named) {
    const same = (p: Proposal): boolean => p.start === args.start && p.end === args.end && p.label === args.label;
    const inDisagreement = disagreement?.proposals.find(same);
    const proposal = inDisagreement ?? review.comparison.agreed.find(same) ?? review.comparison.disagreements.flatMap((d) => d.proposals).find(same);
    if (!proposal) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No annotator tagged that span with {0}.', args.label ?? ''));
      return undefined;
    }
    const owner = inDisagreement ? disagreement : review.comparison.disagreements.find((d) => d.proposals.includes(proposal));
    return owner ? { review, proposal, disagreement: owner } : { review, proposal };
  }
  if (!disagreement) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No disagreement here.'));
    return undefined;
  }
  const proposal = await pickProposal(disagreement.proposals, placeHolder);
  return proposal ? { review, proposal, disagreement } : undefined;
}

async function pickProposal(proposals: readonly Proposal[], placeHolder: string): Promise<Proposal | undefined> {
  if (proposals.length <= 1) return proposals[0];
  const picked = await vscode.window.showQuickPick(
    proposals.map((p) => ({ label: proposalTitle(p), description: p.by.join(', '), proposal: p })),
    { placeHolder },
  );
  return picked?.proposal;
}

/** The moment of a decision, as written in `review.at`. */
export function now(): string {
  return new Date().toISOString();
}
