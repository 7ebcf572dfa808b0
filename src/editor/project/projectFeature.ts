import * as vscode from 'vscode';
import { parseProject } from '../../core/project/parseProject';
import { PROJECT_FILE } from '../../core/project/projectTypes';
import type { Logger } from '../logger';
import { readingProject, useProject } from '../settings';

/**
 * Reads the first workspace folder's `.tawsim/project.yaml` at start and whenever it changes on
 * disk, puts its problems in the Problems view on their lines, and hands the project to the
 * settings facade. A file with errors leaves the last good project in force (nothing the team set
 * disappears while someone is halfway through an edit); a deleted file ends it.
 */
export class ProjectFeature implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('tawsim-project');
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];
  private loading: Promise<void> = Promise.resolve();
  readonly file: vscode.Uri | undefined;

  constructor(private readonly log: Logger) {
    const folder = vscode.workspace.workspaceFolders?.[0];
    this.file = folder ? vscode.Uri.joinPath(folder.uri, PROJECT_FILE) : undefined;
    if (!folder) return;
    // The folder too: removing `.tawsim/` as a whole reports the folder only, not the file in it.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `{${PROJECT_FILE},${PROJECT_FILE.split('/')[0] ?? ''}}`));
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.reload()),
      watcher.onDidChange(() => this.reload()),
      watcher.onDidDelete(() => this.reload()),
    );
    this.reload();
  }

  /** Resolves when the latest read has been applied (tests and the first command wait for it). */
  ready(): Promise<void> {
    return this.loading;
  }

  reload(): void {
    this.loading = this.loading.then(() => this.load()).catch((e: unknown) => this.log.error(`Project file: ${(e as Error).message}`));
    readingProject(this.loading);
  }

  private async load(): Promise<void> {
    const file = this.file;
    if (!file) return;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(file);
    } catch {
      this.diagnostics.delete(file);
      useProject(undefined);
      return;
    }
    const { project, problems } = parseProject(new TextDecoder().decode(bytes));
    this.diagnostics.set(
      file,
      problems.map((p) => {
        const at = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
        const d = new vscode.Diagnostic(
          new vscode.Range(at, at.translate(0, 1)),
          p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'tawsim';
        return d;
      }),
    );
    if (project) {
      useProject(project);
      this.log.info(`Project file read: ${project.labels?.length ?? 0} labels, ${project.annotators.length} annotators`);
    } else this.log.warn(`Project file ${PROJECT_FILE} has errors; the last good one stays in force`);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
