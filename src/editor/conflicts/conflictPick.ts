import * as vscode from 'vscode';
import type { ConflictAnswer } from '../../core/merge/resolveConflicts';
import { answersFor } from '../../core/merge/resolveConflicts';
import type { SidecarConflict } from '../../core/merge/sidecarConflicts';
import { conflictTitle, sideSummary } from './conflictText';

const shown = new vscode.EventEmitter<SidecarConflict>();
/** Fires when a conflict's quick pick is on screen, for tests that answer it. */
export const onDidShowConflictPick = shown.event;

interface AnswerItem extends vscode.QuickPickItem {
  readonly answer: ConflictAnswer;
}

/** Who wrote each side: the sidecar's annotator, unless the merge records that it changed. */
export interface SideAnnotators {
  readonly base?: string;
  readonly ours?: string;
  readonly theirs?: string;
}

/**
 * Asks how to settle one conflict, showing base, ours and theirs, with only the answers that mean
 * something for it (see `answersFor`). Undefined when the user closes the pick.
 */
export function pickConflictAnswer(c: SidecarConflict, position: { index: number; count: number; file: string }, who: SideAnnotators): Promise<ConflictAnswer | undefined> {
  const labels: Record<ConflictAnswer, { label: string; description: string }> = {
    ours: { label: `$(arrow-left) ${vscode.l10n.t('Take ours')}`, description: sideSummary(c, c.ours, who.ours) },
    theirs: { label: `$(arrow-right) ${vscode.l10n.t('Take theirs')}`, description: sideSummary(c, c.theirs, who.theirs) },
    both: { label: `$(arrow-both) ${vscode.l10n.t('Take both')}`, description: vscode.l10n.t('ours, and theirs under a new id') },
    base: { label: `$(history) ${vscode.l10n.t('Keep base')}`, description: sideSummary(c, c.base, who.base) },
  };
  const items: AnswerItem[] = answersFor(c).map((answer) => ({ ...labels[answer], answer }));
  const pick = vscode.window.createQuickPick<AnswerItem>();
  pick.items = items;
  pick.title = vscode.l10n.t('Merge conflict {0} of {1} in {2}', position.index + 1, position.count, position.file);
  pick.placeholder = conflictTitle(c);
  pick.matchOnDescription = true;
  pick.ignoreFocusOut = true;
  return new Promise((resolve) => {
    let chosen: ConflictAnswer | undefined;
    pick.onDidAccept(() => {
      chosen = (pick.selectedItems[0] ?? pick.activeItems[0])?.answer;
      pick.hide();
    });
    pick.onDidHide(() => {
      pick.dispose();
      resolve(chosen);
    });
    pick.show();
    shown.fire(c);
  });
}
