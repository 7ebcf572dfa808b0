import * as vscode from 'vscode';
import type { LabelDefinition } from '../../core/model/labels';
import type { ProjectSchema } from '../../core/model/projectSchema';
import { checkSidecarFile } from './checkSidecarFile';

/**
 * The Problems-panel entries of Validate Workspace, in a collection of their own so that they
 * neither replace nor are replaced by the live problems of open documents. A sidecar that has
 * entries is checked again when it is saved, so fixing it clears them without a new full run.
 */
export class ValidationDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('tawsim.validate');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly labels: () => readonly LabelDefinition[],
    private readonly schema?: () => ProjectSchema,
  ) {
    this.disposables.push(vscode.workspace.onDidSaveTextDocument((d) => void this.recheck(d.uri)));
  }

  private async recheck(uri: vscode.Uri): Promise<void> {
    if (!this.collection.has(uri)) return;
    const found = await checkSidecarFile(uri, this.labels(), this.schema?.()).catch(() => undefined);
    if (found) this.collection.set(uri, found);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
