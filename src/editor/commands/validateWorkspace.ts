import * as vscode from 'vscode';
import type { Services } from '../services';
import type { ValidationDiagnostics } from '../batch/validationDiagnostics';
import { checkSidecarFile } from '../batch/checkSidecarFile';

/** What a validation run found, for tests and other extensions. */
export interface ValidationOutcome {
  readonly sidecars: number;
  readonly errors: number;
  readonly warnings: number;
  readonly cancelled: boolean;
}

/**
 * Tawsim: Validate Workspace — every sidecar of the workspace against the schema and against its
 * text, as `tawsim validate` does, with the problems in the Problems panel on the sidecar lines
 * they are about. Reads only, so it also runs in an untrusted workspace.
 */
export async function validateWorkspace(services: Services, diagnostics: ValidationDiagnostics): Promise<ValidationOutcome | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to validate its sidecars.'));
    return undefined;
  }
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Validating sidecars'), cancellable: true },
    async (progress, token): Promise<ValidationOutcome> => {
      // The index lists what the editor takes for sidecars (the patterns, without node_modules and .git).
      // Listed again first, so a file created a moment ago is checked too; unchanged files are not read.
      await services.index.rebuild();
      const sidecars = (await services.index.sidecars()).map((s) => s.uri);
      diagnostics.collection.clear();
      let checked = 0;
      let errors = 0;
      let warnings = 0;
      for (const uri of sidecars) {
        if (token.isCancellationRequested) break;
        const found = await checkSidecarFile(uri, services.labels(), services.schema());
        if (found.length > 0) diagnostics.collection.set(uri, found);
        errors += found.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
        warnings += found.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
        checked++;
        progress.report({ message: `${checked}/${sidecars.length}`, increment: 100 / sidecars.length });
      }
      services.log.info(`Validated ${checked}/${sidecars.length} sidecars: ${errors} errors, ${warnings} warnings`);
      return { sidecars: checked, errors, warnings, cancelled: checked < sidecars.length };
    },
  );
  announce(outcome);
  return outcome;
}

function announce(outcome: ValidationOutcome): void {
  if (outcome.sidecars === 0 && !outcome.cancelled) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No sidecars (*.ann.yaml) were found in the workspace.'));
    return;
  }
  const found = vscode.l10n.t('{0} errors, {1} warnings.', outcome.errors, outcome.warnings);
  if (outcome.cancelled) {
    void vscode.window.showInformationMessage(`${vscode.l10n.t('Validation cancelled after {0} sidecars.', outcome.sidecars)} ${found}`);
    return;
  }
  if (outcome.errors === 0 && outcome.warnings === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Checked {0} sidecars: no problems.', outcome.sidecars));
    return;
  }
  const show = vscode.l10n.t('Show Problems');
  const message = `${vscode.l10n.t('Checked {0} sidecars.', outcome.sidecars)} ${found}`;
  const shown = outcome.errors > 0 ? vscode.window.showErrorMessage(message, show) : vscode.window.showWarningMessage(message, show);
  void shown.then((choice) => {
    if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
