import * as vscode from 'vscode';
import { annotatorQueue } from '../../core/project/documentQueue';
import type { DocumentStatus } from '../../core/sidecar/sidecarTypes';
import { textsInFolder } from '../batch/folderTexts';
import type { Services } from '../services';
import { currentProject, projectSettled, onSettings, readSettings } from '../settings';
import { sidecarUriFor } from '../sidecarFiles';

/** The id of the view in package.json. */
export const MY_DOCUMENTS_VIEW_ID = 'tawsim.myDocuments';

/** One text of the annotator's queue and where they are with it. */
export interface MyDocument {
  readonly path: string;
  readonly uri: vscode.Uri;
  readonly state: DocumentStatus;
}

/** Events are gathered this long before the view is listed again. */
const REFRESH_DELAY_MS = 300;

/**
 * The My Documents view: the texts assigned to the current annotator by the project's assignments
 * (every text `tawsim.files` names when the project assigns nothing), in path order, each with its
 * state: `document.status` of the annotator's own sidecar (from the sidecar index, or the open
 * document's store, which may not be written yet); a sidecar without a status is in progress, no
 * sidecar not started. A click opens the text.
 */
export class MyDocumentsTree implements vscode.TreeDataProvider<MyDocument>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly services: Services) {
    const later = (): void => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.changed.fire(), REFRESH_DELAY_MS);
    };
    this.disposables.push(
      services.index.onDidChange(later),
      services.stores.onDidChange(later),
      onSettings(later),
      vscode.workspace.onDidChangeWorkspaceFolders(later),
      vscode.workspace.onDidCreateFiles(later),
      vscode.workspace.onDidDeleteFiles(later),
    );
  }

  /** The queue now, with each text's state. */
  async documents(): Promise<MyDocument[]> {
    // Assignments are relative to the first folder, where the project file lives (as for Next Document).
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return [];
    await projectSettled();
    const settings = readSettings(folder.uri);
    const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    const byPath = new Map<string, vscode.Uri>();
    for (const uri of await textsInFolder(folder.uri, settings.files)) if (uri.path.startsWith(root)) byPath.set(uri.path.slice(root.length), uri);
    await this.services.index.ready();
    return annotatorQueue([...byPath.keys()], settings.annotator, currentProject()).map((path) => {
      const uri = byPath.get(path) as vscode.Uri;
      const open = this.services.stores.get(uri);
      if (open?.loaded) return { path, uri, state: open.documentStatus ?? (open.tracked.size > 0 ? 'in-progress' : 'not-started') };
      const summary = this.services.index.summary(sidecarUriFor(uri, settings.annotator, settings.sidecarPattern));
      return { path, uri, state: summary?.status ?? (summary ? 'in-progress' : 'not-started') };
    });
  }

  getChildren(element?: MyDocument): Promise<MyDocument[]> | MyDocument[] {
    return element ? [] : this.documents();
  }

  getTreeItem(d: MyDocument): vscode.TreeItem {
    const item = new vscode.TreeItem(d.path, vscode.TreeItemCollapsibleState.None);
    item.resourceUri = d.uri;
    item.description = stateName(d.state);
    item.iconPath = new vscode.ThemeIcon(d.state === 'done' ? 'pass-filled' : d.state === 'in-progress' ? 'circle-large-outline' : 'circle-outline');
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [d.uri] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function stateName(state: DocumentStatus): string {
  switch (state) {
    case 'done':
      return vscode.l10n.t('done');
    case 'in-progress':
      return vscode.l10n.t('in progress');
    default:
      return vscode.l10n.t('not started');
  }
}
