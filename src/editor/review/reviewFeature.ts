import * as vscode from 'vscode';
import type { Services } from '../services';
import { review } from '../commands/review';
import { reviewAnnotator } from '../commands/reviewAnnotator';
import { closeReview } from '../commands/reviewClose';
import { refreshReview } from '../commands/reviewRefresh';
import { navigateDisagreement } from '../commands/navigateDisagreement';
import { acceptProposal } from '../commands/reviewAccept';
import { rejectProposal } from '../commands/reviewReject';
import { relabelProposal } from '../commands/reviewRelabel';
import { takeBoundaries } from '../commands/reviewTakeBoundaries';
import { acceptAllAgreed } from '../commands/reviewAcceptAllAgreed';
import { acceptAnnotatorTag, rejectAnnotatorTag } from '../commands/reviewAnnotatorTag';
import { agreementReport } from '../commands/agreementReport';
import { acceptRelation } from '../commands/reviewAcceptRelation';
import { rejectRelation } from '../commands/reviewRejectRelation';
import { AnnotatorSuggestions } from './annotatorSuggestions';
import { ReviewCodeActions } from './reviewCodeActions';
import { ReviewCommandId } from './reviewCommandIds';
import type { ReviewCommandIdValue } from './reviewCommandIds';
import type { ReviewContext } from './reviewContext';
import { ReviewContextKeys } from './reviewContextKeys';
import { ReviewDecorations } from './reviewDecorations';
import { ReviewDiagnostics } from './reviewDiagnostics';
import { ReviewHover } from './reviewHover';
import { ReviewSessions } from './reviewSessions';
import { REVIEW_VIEW_ID, ReviewTree } from './reviewTree';

/** The review feature as the composition root sees it: its parts, its command handlers, one disposable. */
export interface ReviewFeature extends vscode.Disposable {
  readonly sessions: ReviewSessions;
  readonly suggestions: AnnotatorSuggestions;
  readonly tree: ReviewTree;
  readonly treeView: vscode.TreeView<unknown>;
  /** One handler per review command id, to register with the others. */
  readonly handlers: Record<ReviewCommandIdValue, (...args: never[]) => unknown>;
}

/**
 * Builds the review: sessions, suggestions, the Review view, decorations, hover, code actions and
 * diagnostics, all listening to the same sessions. Called once by the composition root.
 */
export function createReviewFeature(services: Services): ReviewFeature {
  const sessions = new ReviewSessions(services);
  const suggestions = new AnnotatorSuggestions(services);
  const tree = new ReviewTree(sessions, suggestions, services.stores);
  const treeView = vscode.window.createTreeView(REVIEW_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const updateBadge = (): void => {
    const open = tree.openCount();
    treeView.badge = open > 0 ? { value: open, tooltip: vscode.l10n.t('{0} open disagreements', open) } : undefined;
  };
  const ctx: ReviewContext = {
    services,
    sessions,
    suggestions,
    revealView: async () => {
      // Focusing the view is a courtesy: a missing view (another host) must not fail the review.
      await vscode.commands.executeCommand(`${REVIEW_VIEW_ID}.focus`, { preserveFocus: true }).then(undefined, () => undefined);
    },
  };
  const scheme = [{ scheme: 'file' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }, { scheme: 'vscode-test-web' }];
  const disposables: vscode.Disposable[] = [
    sessions,
    suggestions,
    tree,
    treeView,
    sessions.onDidChange(updateBadge),
    new ReviewDecorations(sessions, suggestions, services.stores, services.labels, services.context.extensionUri),
    new ReviewDiagnostics(sessions),
    new ReviewContextKeys(sessions, suggestions),
    vscode.languages.registerHoverProvider(scheme, new ReviewHover(sessions, suggestions, services.labels)),
    vscode.languages.registerCodeActionsProvider(scheme, new ReviewCodeActions(sessions, suggestions), { providedCodeActionKinds: ReviewCodeActions.kinds }),
  ];
  const handlers: Record<ReviewCommandIdValue, (...args: never[]) => unknown> = {
    [ReviewCommandId.review]: (args?: Parameters<typeof review>[1]) => review(ctx, args),
    [ReviewCommandId.reviewAnnotator]: (args?: Parameters<typeof reviewAnnotator>[1]) => reviewAnnotator(ctx, args),
    [ReviewCommandId.closeReview]: (args?: Parameters<typeof closeReview>[1]) => closeReview(ctx, args),
    [ReviewCommandId.refreshReview]: (args?: Parameters<typeof refreshReview>[1]) => refreshReview(ctx, args),
    [ReviewCommandId.nextDisagreement]: (args?: Parameters<typeof navigateDisagreement>[2]) => navigateDisagreement(ctx, 1, args),
    [ReviewCommandId.previousDisagreement]: (args?: Parameters<typeof navigateDisagreement>[2]) => navigateDisagreement(ctx, -1, args),
    [ReviewCommandId.acceptProposal]: (args?: Parameters<typeof acceptProposal>[1]) => acceptProposal(ctx, args),
    [ReviewCommandId.rejectProposal]: (args?: Parameters<typeof rejectProposal>[1]) => rejectProposal(ctx, args),
    [ReviewCommandId.relabelProposal]: (args?: Parameters<typeof relabelProposal>[1]) => relabelProposal(ctx, args),
    [ReviewCommandId.takeBoundaries]: (args?: Parameters<typeof takeBoundaries>[1]) => takeBoundaries(ctx, args),
    [ReviewCommandId.acceptAllAgreed]: (args?: Parameters<typeof acceptAllAgreed>[1]) => acceptAllAgreed(ctx, args),
    [ReviewCommandId.acceptAnnotatorTag]: (args?: Parameters<typeof acceptAnnotatorTag>[1]) => acceptAnnotatorTag(ctx, args),
    [ReviewCommandId.rejectAnnotatorTag]: (args?: Parameters<typeof rejectAnnotatorTag>[1]) => rejectAnnotatorTag(ctx, args),
    [ReviewCommandId.agreementReport]: (args?: Parameters<typeof agreementReport>[1]) => agreementReport(ctx, args),
    [ReviewCommandId.acceptRelation]: (args?: Parameters<typeof acceptRelation>[1]) => acceptRelation(ctx, args),
    [ReviewCommandId.rejectRelation]: (args?: Parameters<typeof rejectRelation>[1]) => rejectRelation(ctx, args),
  };
  const root = vscode.Disposable.from(...disposables);
  return { sessions, suggestions, tree, treeView: treeView as vscode.TreeView<unknown>, handlers, dispose: () => root.dispose() };
}
