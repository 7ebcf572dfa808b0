import * as vscode from 'vscode';
import { resolveTarget } from '../commandTarget';
import type { ReviewArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';
import type { Candidate } from '../review/reviewSessions';
import { reviewSummary } from '../review/reviewSummary';
import type { ReviewSummary } from '../review/reviewSummary';
import { basename } from '../sidecarFiles';

/**
 * Tawsim: Review… — compares the annotators' sidecars of the document (every one found beside it
 * unless `annotators` names some, or the user unticks some) and shows their tags, the
 * disagreements and the gold decisions. Sidecars that cannot be read are reported and left out.
 */
export async function review(ctx: ReviewContext, args?: ReviewArgs): Promise<ReviewSummary | undefined> {
  const target = await resolveTarget(ctx.services, args);
  if (!target) return undefined;
  const uri = target.document.uri;
  let chosen = args?.annotators;
  if (!chosen) {
    const candidates = await ctx.sessions.candidates(uri);
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'No annotator sidecars were found beside {0}. Each annotator saves into their own file, for example with the sidecar pattern {1}.',
          basename(uri),
          '${file}.${annotator}.ann.yaml',
        ),
      );
      return undefined;
    }
    const picked = await pickAnnotators(candidates);
    if (!picked || picked.length === 0) return undefined;
    chosen = picked;
  }
  const started = await ctx.sessions.start(uri, chosen);
  for (const f of started.failures) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Tawsim: {0}: {1}. It is left out of the review and the figures.', `${f.fileName}${f.line !== undefined ? `:${f.line}` : ''}`, f.reason),
    );
  }
  if (started.comparison.annotators.length < 2) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Fewer than two annotators can be compared on {0}: every tag shows as agreed.', basename(uri)));
  }
  await ctx.revealView(uri);
  return reviewSummary(started);
}

/** Every annotator ticked; names that appear twice are told apart by their file. */
async function pickAnnotators(candidates: readonly Candidate[]): Promise<string[] | undefined> {
  const usable = candidates.filter((c) => c.failure === undefined);
  if (usable.length === 0) return [];
  if (usable.length === 1) return usable.map((c) => c.annotator);
  const items = usable.map((c) => ({
    label: c.annotator,
    description: c.fileName,
    detail: c.stale !== undefined ? vscode.l10n.t('Stale: {0}', c.stale) : undefined,
    picked: true,
    annotator: c.annotator,
  }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, placeHolder: vscode.l10n.t('Annotators to compare') });
  return picked ? [...new Set(picked.map((p) => p.annotator))] : undefined;
}
