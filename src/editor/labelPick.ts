import * as vscode from 'vscode';
import type { LabelDefinition } from '../core/model/labels';
import { labelTitle } from './labelStyles';

/** Quick pick of the label set: id, both names, key, and a dot in the label's colour. */
export async function pickLabel(labels: readonly LabelDefinition[], placeHolder: string, current?: string): Promise<LabelDefinition | undefined> {
  const items = labels.map((l) => ({
    label: l.id,
    description: labelTitle(l),
    detail: l.key ? vscode.l10n.t('Key: Ctrl+Alt+{0}', l.key) : undefined,
    iconPath: new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(`tawsim.label.${l.id}`)),
    picked: l.id === current,
    def: l,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
  return picked?.def;
}
