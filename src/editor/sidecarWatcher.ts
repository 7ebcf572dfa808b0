import * as vscode from 'vscode';

/**
 * The one file watcher on the workspace's sidecars (`**\/*.ann.yaml`). Stores, review, learning and
 * the Annotations view all follow sidecars changed on disk; one watcher serves them all instead of
 * each asking the file system to watch the whole workspace again.
 */
export class SidecarWatcher implements vscode.Disposable {
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.ann.yaml');
  readonly onDidCreate = this.watcher.onDidCreate;
  readonly onDidChange = this.watcher.onDidChange;
  readonly onDidDelete = this.watcher.onDidDelete;

  /** Calls `listener` for every creation, change and deletion. */
  onAny(listener: (uri: vscode.Uri) => void): vscode.Disposable {
    return vscode.Disposable.from(this.onDidCreate(listener), this.onDidChange(listener), this.onDidDelete(listener));
  }

  dispose(): void {
    this.watcher.dispose();
  }
}
