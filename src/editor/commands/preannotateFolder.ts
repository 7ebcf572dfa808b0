import * as vscode from 'vscode';
import { recognizedLabelsIn } from '../../core/recognize/recognizedLabelsIn';
import type { Services } from '../services';
import { readSettings } from '../settings';
import { isFolder } from '../exchange/folderFiles';
import { offerReport } from '../exchange/showReport';
import { loadGazetteers } from '../suggestions/gazetteerFiles';
import type { FolderArgs } from '../batch/batchTarget';
import { batchTarget } from '../batch/batchTarget';
import { textsInFolder } from '../batch/folderTexts';
import type { PreannotateContext } from '../batch/preannotateText';
import { preannotateText } from '../batch/preannotateText';

/** What a pre-annotation run did, for tests and other extensions. */
export interface PreannotateOutcome {
  readonly documents: number;
  readonly suggestions: number;
  /** Sidecars of closed texts written (created or updated). */
  readonly sidecarsWritten: number;
  /** Open texts that got suggestions through their store (written with the text, as any change). */
  readonly openDocuments: number;
  /** One sentence per text left alone, saying why. */
  readonly skipped: readonly string[];
  readonly cancelled: boolean;
}

/**
 * Tawsim: Pre-annotate Folder — the recogniser's suggestions for every text of a folder that
 * `tawsim.files` names, written into their sidecars as `status: suggested` by the rules of
 * `tawsim annotate`: tags, rejections and stored suggestions stay, nothing is doubled, broken
 * sidecars are left alone. From the Explorer the argument is the clicked folder.
 */
export async function preannotateFolder(services: Services, args?: FolderArgs | vscode.Uri): Promise<PreannotateOutcome | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Tawsim writes no files in an untrusted workspace.'));
    return undefined;
  }
  const target = await batchTarget(args);
  if (!target) return undefined;
  const settings = readSettings(target);
  const context: PreannotateContext = {
    services,
    settings,
    labels: recognizedLabelsIn(services.labels()),
    gazetteers: await loadGazetteers(settings.gazetteers, services.log),
  };
  const where = vscode.workspace.asRelativePath(target, true);
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pre-annotating {0}', where), cancellable: true },
    (progress, token) => run(context, target, progress, token),
  );
  announce(outcome, where);
  return outcome;
}

async function run(
  context: PreannotateContext,
  target: vscode.Uri,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<PreannotateOutcome> {
  const texts = (await isFolder(target)) ? await textsInFolder(target, context.settings.files, token) : [target];
  let suggestions = 0;
  let sidecarsWritten = 0;
  let openDocuments = 0;
  let documents = 0;
  const skipped: string[] = [];
  for (const uri of texts) {
    if (token.isCancellationRequested) break;
    try {
      const result = await preannotateText(context, uri);
      if (result.kind === 'skipped') skipped.push(result.reason);
      else {
        suggestions += result.added;
        if (result.kind === 'open') openDocuments++;
        else if (result.written) sidecarsWritten++;
      }
    } catch (e) {
      skipped.push(vscode.l10n.t('{0}: {1}', vscode.workspace.asRelativePath(uri), (e as Error).message));
    }
    documents++;
    progress.report({ message: `${documents}/${texts.length}`, increment: 100 / texts.length });
    // Recognition runs in the extension host: let it answer the editor between documents.
    await new Promise((r) => setTimeout(r, 0));
  }
  context.services.log.info(`Pre-annotated ${documents}/${texts.length} texts: ${suggestions} suggestions, ${sidecarsWritten} sidecars written, ${skipped.length} skipped`);
  return { documents, suggestions, sidecarsWritten, openDocuments, skipped, cancelled: documents < texts.length };
}

function announce(outcome: PreannotateOutcome, where: string): void {
  if (outcome.documents === 0 && !outcome.cancelled) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No texts matching tawsim.files were found in {0}.', where));
    return;
  }
  const done = outcome.cancelled
    ? vscode.l10n.t('Pre-annotation cancelled after {0} texts: {1} suggestions added.', outcome.documents, outcome.suggestions)
    : vscode.l10n.t('Pre-annotated {0} texts in {1}: {2} suggestions added.', outcome.documents, where, outcome.suggestions);
  if (outcome.skipped.length === 0) {
    void vscode.window.showInformationMessage(done);
    return;
  }
  const message = `${done} ${vscode.l10n.t('{0} texts left alone.', outcome.skipped.length)}`;
  const lines = [vscode.l10n.t('Pre-annotation of {0}', where), '', ...outcome.skipped];
  void offerReport(vscode.window.showWarningMessage(message, vscode.l10n.t('Show')), lines);
}
