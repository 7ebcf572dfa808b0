import * as vscode from 'vscode';
import type { ConflictAnswer } from '../../core/merge/resolveConflicts';
import { readConflictedSidecar } from '../../core/merge/resolveConflicts';
import type { AnnotationTarget } from '../commandIds';
import { resolveTarget } from '../commandTarget';
import { pickConflictAnswer } from '../conflicts/conflictPick';
import type { SideAnnotators } from '../conflicts/conflictPick';
import type { Services } from '../services';
import { basename, readTextFile } from '../sidecarFiles';
import type { MergeResolution } from '../sidecarSync';

/**
 * Tawsim: Resolve Merge Conflicts… — walks through the conflicts a git merge recorded in the text's
 * sidecar, one quick pick each (take ours, theirs, both, or keep the base), and once every one has
 * an answer writes the sidecar without them and loads it. Closing a pick stops with the file on
 * disk as it was. Returns how it ended, or undefined when there was nothing to resolve.
 */
export async function resolveConflicts(services: Services, args?: Pick<AnnotationTarget, 'uri'>): Promise<MergeResolution | undefined> {
  const target = await resolveTarget(services, args);
  if (!target) return undefined;
  const { store, document } = target;
  const name = basename(store.sidecarUri);
  const seen = await readTextFile(store.sidecarUri);
  const read = seen === undefined ? undefined : readConflictedSidecar(seen);
  if (seen === undefined || !read?.ok || read.conflicts.length === 0) {
    const problem = read && !read.ok ? `${name}:${read.line}: ${read.message}` : undefined;
    void vscode.window.showInformationMessage(problem ?? vscode.l10n.t('{0} has no merge conflicts.', name));
    return undefined;
  }
  const annotatorChange = read.conflicts.find((c) => c.part === 'annotator');
  const who: SideAnnotators = {
    base: stringOr(annotatorChange?.base?.['annotator'], read.sidecar.annotator),
    ours: read.sidecar.annotator,
    theirs: stringOr(annotatorChange?.theirs?.['annotator'], read.sidecar.annotator),
  };
  const answers: ConflictAnswer[] = [];
  for (const [index, conflict] of read.conflicts.entries()) {
    const answer = await pickConflictAnswer(conflict, { index, count: read.conflicts.length, file: name }, who);
    if (answer === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0} conflicts of {1} are still open; nothing was written.', read.conflicts.length - index, name));
      return undefined;
    }
    answers.push(answer);
  }
  const outcome = await services.sync.resolveMergeConflicts(store, document, seen, answers);
  if (outcome.kind === 'written') vscode.window.setStatusBarMessage(vscode.l10n.t('{0}: merge conflicts resolved', name), 4000);
  else if (outcome.kind === 'changed')
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} changed on disk while its conflicts were being resolved; nothing was written. Run the command again.', name));
  else void vscode.window.showErrorMessage(vscode.l10n.t('{0}: these answers give no valid sidecar ({1}); nothing was written.', name, outcome.message));
  return outcome;
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}
