import * as vscode from 'vscode';
import type { FormatDefinition, FormatId } from '../../core/formats/formatTypes';
import { FORMATS } from '../../core/formats/formatRegistry';

/**
 * Asks for a format, each item saying what the format keeps and what it leaves out, so the user
 * knows before exporting (the export's warnings then name the spans concerned).
 */
export async function pickFormat(purpose: 'export' | 'import', candidates: readonly FormatDefinition[] = FORMATS): Promise<FormatId | undefined> {
  const usable = candidates.filter((f) => purpose === 'export' || f.capabilities.canImport);
  const picked = await vscode.window.showQuickPick(
    usable.map((f) => ({ label: f.displayName, description: f.extensions.join(' '), detail: capabilities(f), id: f.id })),
    { placeHolder: purpose === 'export' ? vscode.l10n.t('Export annotations to which format?') : vscode.l10n.t('Import annotations from which format?'), matchOnDescription: true },
  );
  return picked?.id;
}

function capabilities(format: FormatDefinition): string {
  const c = format.capabilities;
  const traits: [boolean, string][] = [
    [c.canHoldOverlaps, vscode.l10n.t('overlapping spans')],
    [c.canHoldNotes, vscode.l10n.t('notes')],
    [c.canHoldValues, vscode.l10n.t('date values')],
    [c.canHoldStatuses, vscode.l10n.t('suggestions')],
  ];
  const keeps = traits.filter(([has]) => has).map(([, name]) => name);
  const drops = traits.filter(([has]) => !has).map(([, name]) => name);
  const separator = vscode.l10n.t(', ');
  const parts = [
    keeps.length ? vscode.l10n.t('Keeps {0}', keeps.join(separator)) : undefined,
    drops.length ? vscode.l10n.t('leaves out {0}', drops.join(separator)) : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.join(vscode.l10n.t('; '));
}
