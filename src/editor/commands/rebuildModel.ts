import * as vscode from 'vscode';
import type { ModelService, ModelStatus } from '../suggestions/modelService';

/** Rebuild Model: re-fits the workspace's model from the base model and every sidecar now, with progress. */
export async function rebuildModel(model: ModelService): Promise<ModelStatus> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Tawsim: re-fitting the model on the workspace’s annotations') }, () =>
    model.refit(),
  );
}
