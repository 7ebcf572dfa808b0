import * as vscode from 'vscode';
import type { SuggestionEngine } from '../suggestions/suggestionEngine';

/** Tawsim: Toggle Suggestions — shows or hides the recogniser's suggestions everywhere. */
export async function toggleSuggestions(engine: SuggestionEngine): Promise<boolean> {
  const enabled = !engine.enabled;
  await vscode.workspace.getConfiguration('tawsim').update('suggestions.enabled', enabled, vscode.ConfigurationTarget.Global);
  engine.setEnabled(enabled);
  void vscode.window.setStatusBarMessage(enabled ? vscode.l10n.t('Tawsim suggestions on') : vscode.l10n.t('Tawsim suggestions off'), 3000);
  return enabled;
}
