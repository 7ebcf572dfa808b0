import * as vscode from 'vscode';
import type { AgreementReport } from '../../core/review/measureAgreement';
import type { AgreementExportRequest } from '../../core/review/reportStrings';
import { reportMessage } from '../../core/review/reportStrings';
import { agreementToCsv } from '../../core/review/agreementCsv';
import { agreementToJson } from '../../core/review/agreementJson';
import type { HostFiles } from '../files/hostFiles';
import { writeAtomic } from '../files/hostFiles';
import { localReportStrings } from './reportStringsL10n';
import { webviewPage, webviewRoots } from '../webviewPage';

export const AGREEMENT_VIEW_TYPE = 'tawsim.agreement';

/**
 * The agreement report webview: one panel, reused, showing `media/agreement/report.js`. The page
 * may load only its own script (by nonce) and stylesheet from `media/agreement`; it gets the figures
 * as a message and asks for exports by message, which are written here through `workspace.fs`.
 */
export class AgreementPanel implements vscode.Disposable {
  private static current: AgreementPanel | undefined;
  private report: AgreementReport;
  private folder: vscode.Uri;
  private readonly disposables: vscode.Disposable[] = [];

  static show(files: HostFiles, extensionUri: vscode.Uri, report: AgreementReport, name: string, folder: vscode.Uri): vscode.WebviewPanel {
    const title = vscode.l10n.t('Agreement: {0}', name);
    const existing = AgreementPanel.current;
    if (existing) {
      existing.update(report, title, folder);
      existing.panel.reveal(undefined, false);
      return existing.panel;
    }
    const panel = vscode.window.createWebviewPanel(AGREEMENT_VIEW_TYPE, title, vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: webviewRoots(extensionUri, 'agreement'),
    });
    AgreementPanel.current = new AgreementPanel(files, panel, extensionUri, report, folder);
    return panel;
  }

  private constructor(
    private readonly files: HostFiles,
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    report: AgreementReport,
    folder: vscode.Uri,
  ) {
    this.report = report;
    this.folder = folder;
    panel.webview.html = webviewPage(panel.webview, extensionUri, { folder: 'agreement', script: 'report.js', style: 'report.css' }, panel.title);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.post();
  }

  private update(report: AgreementReport, title: string, folder: vscode.Uri): void {
    this.report = report;
    this.folder = folder;
    this.panel.title = title;
    this.post();
  }

  private post(): void {
    // Webviews queue messages posted before their page has loaded, so this is safe right after setting html.
    void this.panel.webview.postMessage(reportMessage(this.report, localReportStrings()));
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isExportRequest(message)) return;
    const format = message.format;
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(this.folder, `agreement.${format}`),
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      title: format === 'csv' ? vscode.l10n.t('Export agreement figures as CSV') : vscode.l10n.t('Export agreement figures as JSON'),
    });
    if (!target) return;
    try {
      await writeAtomic(this.files, target, format === 'csv' ? agreementToCsv(this.report) : agreementToJson(this.report));
      void vscode.window.showInformationMessage(vscode.l10n.t('Agreement figures saved to {0}.', vscode.workspace.asRelativePath(target, false)));
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Tawsim could not write {0}: {1}', target.fsPath || target.toString(), (e as Error).message));
    }
  }

  dispose(): void {
    if (AgreementPanel.current === this) AgreementPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}

function isExportRequest(m: unknown): m is AgreementExportRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return r['type'] === 'export' && (r['format'] === 'csv' || r['format'] === 'json');
}
