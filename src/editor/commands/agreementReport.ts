import * as vscode from 'vscode';
import { measureAgreement } from '../../core/review/measureAgreement';
import { documentUri } from '../review/decisionTarget';
import type { AgreementReportArgs } from '../review/reviewCommandIds';
import type { ReviewContext } from '../review/reviewContext';
import { AgreementPanel } from '../review/agreementPanel';
import { documentAgreementInputs, folderAgreementInputs } from '../review/agreementInputs';
import type { AgreementInputs } from '../review/agreementInputs';
import { basename } from '../sidecarFiles';

/**
 * Tawsim: Agreement Report — figures (precision, recall, F1, Cohen's κ, Krippendorff's α, Fleiss' κ)
 * for the current document or for every document of its workspace folder with two or more
 * annotators, in a webview that can export them as CSV or JSON. Returns the panel.
 */
export async function agreementReport(ctx: ReviewContext, args?: AgreementReportArgs): Promise<vscode.WebviewPanel | undefined> {
  const uri = documentUri(args);
  const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  const scope = args?.scope ?? (await pickScope(uri, folder));
  if (!scope) return undefined;
  let inputs: AgreementInputs;
  if (scope === 'document' && uri) inputs = await documentAgreementInputs(ctx.sessions, uri);
  else if (folder) inputs = await folderAgreementInputs(ctx.sessions, folder, ctx.services.index);
  else {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a document or a folder with annotator sidecars first.'));
    return undefined;
  }
  for (const f of inputs.failures) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Tawsim: {0}: {1}. It is left out of the review and the figures.', `${f.fileName}${f.line !== undefined ? `:${f.line}` : ''}`, f.reason),
    );
  }
  if (inputs.documents.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No document in {0} has sidecars of two or more annotators.', inputs.name));
    return undefined;
  }
  const report = measureAgreement(inputs.documents, { labels: ctx.services.labels() });
  return AgreementPanel.show(ctx.services.files, ctx.services.context.extensionUri, report, inputs.name, inputs.folder);
}

async function pickScope(uri: vscode.Uri | undefined, folder: vscode.WorkspaceFolder | undefined): Promise<'document' | 'folder' | undefined> {
  if (!uri) return folder ? 'folder' : undefined;
  if (!folder) return 'document';
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('This document'), description: basename(uri), scope: 'document' as const },
      { label: vscode.l10n.t('Every document in the folder'), description: folder.name, scope: 'folder' as const },
    ],
    { placeHolder: vscode.l10n.t('Agreement figures for') },
  );
  return picked?.scope;
}
