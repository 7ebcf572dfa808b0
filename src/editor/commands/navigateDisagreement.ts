import * as vscode from 'vscode';
import { cursorCodePoint, reviewFor } from '../review/decisionTarget';
import type { DocumentReview } from '../review/reviewTypes';
import type { ReviewDocumentArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';
import { basename } from '../sidecarFiles';

/**
 * Tawsim: Next / Previous Disagreement — selects the next open disagreement of the document under
 * review after (or before) the cursor, wrapping around. Returns its id.
 */
export async function navigateDisagreement(ctx: ReviewContext, direction: 1 | -1, args?: ReviewDocumentArgs): Promise<string | undefined> {
  const review = reviewFor(ctx, args);
  if (!review) return undefined;
  const open = review.comparison.disagreements.filter((d) => review.state.openIds.includes(d.id));
  if (open.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No open disagreements in {0}.', basename(review.uri)));
    return undefined;
  }
  // Backwards from the selection's start, so that a selected disagreement is not found again.
  const here = (direction === 1 ? cursorCodePoint(review) : selectionStart(review)) ?? -1;
  const next = direction === 1 ? (open.find((d) => d.start > here) ?? open[0]) : ([...open].reverse().find((d) => d.start < here) ?? open[open.length - 1]);
  if (!next) return undefined;
  const editor = await vscode.window.showTextDocument(review.uri, { preserveFocus: false });
  const doc = editor.document;
  const range = new vscode.Range(doc.positionAt(review.index.toUtf16(next.start)), doc.positionAt(review.index.toUtf16(next.end)));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return next.id;
}

function selectionStart(review: DocumentReview): number | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.toString() !== review.uri.toString()) return undefined;
  return review.index.toCodePoint(Math.min(editor.document.offsetAt(editor.selection.start), review.index.utf16Length));
}
