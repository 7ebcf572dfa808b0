import * as vscode from 'vscode';
import type { LabelDefinition } from '../core/model/labels';
import { labelTitle } from './labelStyles';
import { guidelineSummary } from '../core/project/projectQueries';
import type { ProjectLabel } from '../core/project/projectTypes';

const shown = new vscode.EventEmitter<void>();
/** Fires when the label quick pick is on screen (end-to-end and integration tests wait for it). */
export const onDidShowLabelPick = shown.event;

function detailOf(l: ProjectLabel): { detail?: string } {
  const key = l.key ? vscode.l10n.t('Key: Ctrl+Alt+{0}', l.key) : undefined;
  const summary = guidelineSummary(l.guidelines, vscode.env.language);
  const detail = [key, summary].filter((part) => part !== undefined).join(' · ');
  return detail ? { detail } : {};
}

interface LabelItem extends vscode.QuickPickItem {
  readonly def: LabelDefinition;
}

/**
 * Quick pick of the label set: id, both names, key, a dot in the label's colour, and the summary of
 * the project's guideline for the label, where the decision is made.
 */
export function pickLabel(labels: readonly LabelDefinition[], placeHolder: string, current?: string): Promise<LabelDefinition | undefined> {
  const items: LabelItem[] = labels.map((l) => ({
    label: l.id,
    description: labelTitle(l),
    ...detailOf(l),
    iconPath: new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(`tawsim.label.${l.id}`)),
    def: l,
  }));
  const pick = vscode.window.createQuickPick<LabelItem>();
  pick.items = items;
  pick.placeholder = placeHolder;
  pick.matchOnDescription = true;
  const active = items.find((i) => i.def.id === current);
  if (active) pick.activeItems = [active];
  return new Promise((resolve) => {
    let chosen: LabelDefinition | undefined;
    pick.onDidAccept(() => {
      chosen = pick.selectedItems[0]?.def ?? pick.activeItems[0]?.def;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
    shown.fire();
  });
}
