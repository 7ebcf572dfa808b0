import * as vscode from 'vscode';
import { resolveTarget } from '../commandTarget';
import type { ReviewAnnotatorArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';
import { basename } from '../sidecarFiles';

/**
 * Tawsim: Review One Annotator's Tags… — shows another annotator's tags on the document as
 * suggestions to accept into, or reject in, the reviewer's own sidecar. Returns how many are on offer.
 */
export async function reviewAnnotator(ctx: ReviewContext, args?: ReviewAnnotatorArgs): Promise<number | undefined> {
  const target = await resolveTarget(ctx.services, args);
  if (!target) return undefined;
  const { document, store } = target;
  const own = basename(store.sidecarUri);
  const others = (await ctx.sessions.candidates(document.uri)).filter((c) => c.fileName !== own && c.failure === undefined);
  if (others.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No sidecar of another annotator was found beside {0}.', basename(document.uri)));
    return undefined;
  }
  const chosen =
    args?.annotator !== undefined
      ? others.find((c) => c.annotator === args.annotator)
      : (
          await vscode.window.showQuickPick(
            others.map((c) => ({ label: c.annotator, description: c.fileName, candidate: c })),
            { placeHolder: vscode.l10n.t('Whose tags to review?') },
          )
        )?.candidate;
  if (!chosen) {
    if (args?.annotator !== undefined) void vscode.window.showErrorMessage(vscode.l10n.t('No sidecar of {0} was found beside {1}.', args.annotator, basename(document.uri)));
    return undefined;
  }
  const problem = await ctx.suggestions.show(document.uri, chosen.annotator, vscode.Uri.joinPath(document.uri, '..', chosen.fileName));
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Tawsim: {0}: {1}', chosen.fileName, problem));
    return undefined;
  }
  const count = ctx.suggestions.pending(document).length;
  void vscode.window.setStatusBarMessage(vscode.l10n.t('{0} tags of {1} to review', count, chosen.annotator), 4000);
  await ctx.revealView(document.uri);
  return count;
}
