import * as vscode from 'vscode';
import type { LabelDefinition } from '../../core/model/labels';
import type { WorkspaceStatistics } from '../../core/stats/workspaceStatistics';
import type { AnnotatorProgress } from '../../core/project/assignmentProgress';
import { isArabicUi } from '../review/reportStringsL10n';
import type { CollectedStatistics } from './statisticsInputs';
import { statisticsStrings } from './statisticsStrings';
import { webviewPage, webviewRoots } from '../webviewPage';
import type { ModelSection } from './modelSection';
import { modelSection, onDidChangeModelSection } from './modelSection';

export const STATISTICS_VIEW_TYPE = 'tawsim.statistics';

/** The message the page renders; `media/statistics/statistics.js` reads exactly this. */
export interface StatisticsMessage {
  readonly type: 'statistics';
  readonly statistics: WorkspaceStatistics;
  readonly strings: Record<string, string>;
  /** Label names in the display language and their configured colours (the theme's colour wins in the page). */
  readonly labels: readonly { readonly id: string; readonly name: string; readonly color: string }[];
  /** The tagger's held-out figures, when a model is in use. */
  readonly model?: ModelSection;
  /** Per annotator, assigned texts and how many are done, when the project assigns texts. */
  readonly progress?: readonly AnnotatorProgress[];
}

/** What the page asks for. */
type PageRequest = { readonly type: 'refresh' } | { readonly type: 'open'; readonly path: string };

/**
 * The statistics webview: one panel, reused, showing `media/statistics/statistics.js` under a
 * strict CSP (its own script by nonce and stylesheet only). It is sent the figures as a message and
 * sent them again, while visible, whenever the workspace's annotations change.
 */
export class StatisticsPanel implements vscode.Disposable {
  private static current: StatisticsPanel | undefined;
  private uris: ReadonlyMap<string, vscode.Uri> = new Map();
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];

  static async show(
    extensionUri: vscode.Uri,
    collect: () => Promise<CollectedStatistics>,
    labels: () => readonly LabelDefinition[],
    onDidChange: vscode.Event<void>,
  ): Promise<vscode.WebviewPanel> {
    const existing = StatisticsPanel.current;
    if (existing) {
      existing.panel.reveal(undefined, false);
      await existing.post();
      return existing.panel;
    }
    const panel = vscode.window.createWebviewPanel(STATISTICS_VIEW_TYPE, vscode.l10n.t('Annotation Statistics'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: webviewRoots(extensionUri, 'statistics'),
      retainContextWhenHidden: false,
    });
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'review', 'tawsim.svg');
    const created = new StatisticsPanel(panel, extensionUri, collect, labels, onDidChange);
    StatisticsPanel.current = created;
    await created.post();
    return panel;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly collect: () => Promise<CollectedStatistics>,
    private readonly labels: () => readonly LabelDefinition[],
    onDidChange: vscode.Event<void>,
  ) {
    panel.webview.html = webviewPage(panel.webview, extensionUri, { folder: 'statistics', script: 'statistics.js', style: 'statistics.css' }, panel.title);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m)),
      onDidChange(() => {
        // A hidden page is not redrawn on every change; it is sent the figures when shown again.
        if (!this.disposed && this.panel.visible) void this.post();
      }),
      panel.onDidChangeViewState(() => {
        // Without retained context a page shown again starts empty and must be sent the figures.
        if (!this.disposed && this.panel.visible) void this.post();
      }),
      onDidChangeModelSection(() => {
        if (!this.disposed && this.panel.visible) void this.post();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private async post(): Promise<void> {
    const { statistics, uris, progress } = await this.collect();
    // The user may close the page while the figures are being collected.
    if (this.disposed) return;
    this.uris = uris;
    const arabic = isArabicUi();
    const message: StatisticsMessage = {
      type: 'statistics',
      statistics,
      strings: statisticsStrings(),
      labels: this.labels().map((l) => ({ id: l.id, name: arabic ? l.ar : l.en, color: l.color })),
    };
    const model = modelSection();
    if (model) Object.assign(message, { model });
    if (progress.length > 0) Object.assign(message, { progress });
    // Webviews queue messages posted before their page has loaded, so posting right after setting html is safe.
    await this.panel.webview.postMessage(message);
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isRequest(message)) return;
    if (message.type === 'refresh') {
      await this.post();
      return;
    }
    const uri = this.uris.get(message.path);
    if (uri) await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }

  dispose(): void {
    this.disposed = true;
    if (StatisticsPanel.current === this) StatisticsPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
  }
}

function isRequest(m: unknown): m is PageRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  return r['type'] === 'refresh' || (r['type'] === 'open' && typeof r['path'] === 'string');
}
