import * as vscode from 'vscode';
import type { Services } from '../services';
import type { AnnotationEntry } from '../explorer/annotationsTree';
import { statusName } from '../hover';
import type { FindAnnotationsArgs } from '../explorer/explorerCommandIds';
import { FindSession } from '../explorer/findSession';
import { revealAnnotation } from '../explorer/revealAnnotation';
import type { WorkspaceAnnotations } from '../explorer/workspaceAnnotations';

/** The list shows this many matches; typing more narrows it. */
const MAX_ITEMS = 500;
/** While sidecars are being read, the list is searched again at most this often. */
const PROGRESS_DELAY_MS = 150;

interface FindItem extends vscode.QuickPickItem {
  readonly entry: AnnotationEntry;
}

/**
 * Find Annotations…: a quick pick over every annotation in the workspace, by text, label or note.
 * The quick pick's own matching compares characters as typed, so «اسرائيل» would miss «إسرائيل»:
 * the items are filtered here on each keystroke with folded Arabic, and marked `alwaysShow` so the
 * quick pick keeps them. The sidecars are read in the background while the list is open, results
 * showing as they come and the title counting the files read; closing the list stops the reading.
 * Resolves with the range selected in the text, or undefined if cancelled.
 */
export async function findAnnotations(services: Services, annotations: WorkspaceAnnotations, args?: FindAnnotationsArgs): Promise<vscode.Range | undefined> {
  const pick = vscode.window.createQuickPick<FindItem>();
  pick.title = vscode.l10n.t('Find Annotations');
  pick.placeholder = vscode.l10n.t('Text, label or note (hamzas, harakat and tatweel are ignored)');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  pick.busy = true;
  if (typeof args?.query === 'string') pick.value = args.query;
  pick.show();
  const disposables: vscode.Disposable[] = [pick];
  const done = new Promise<vscode.Range | undefined>((resolve) => {
    disposables.push(
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        pick.hide();
        resolve(item ? reveal(services, item.entry) : undefined);
      }),
      pick.onDidHide(() => resolve(undefined)),
    );
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = (): void => {
    clearTimeout(timer);
    timer = undefined;
    pick.items = session.matches(pick.value, MAX_ITEMS).map((entry) => toItem(entry));
    if (session.total > 0 && session.read < session.total) pick.title = vscode.l10n.t('Find Annotations ({0} of {1} files read)', session.read, session.total);
    else pick.title = vscode.l10n.t('Find Annotations');
  };
  const session = new FindSession(annotations, services.labels(), () => {
    timer ??= setTimeout(update, PROGRESS_DELAY_MS);
  });
  disposables.push(pick.onDidChangeValue(update), { dispose: () => session.cancel() }, { dispose: () => clearTimeout(timer) });
  void session.finished
    .catch((e: unknown) => services.log.warn(`Find could not read every sidecar: ${(e as Error).message}`))
    .then(() => {
      if (session.cancelled) return;
      update();
      pick.busy = false;
    });
  update();
  try {
    return await done;
  } finally {
    for (const d of disposables) d.dispose();
  }
}

function toItem(entry: AnnotationEntry): FindItem {
  const { set, annotation: a } = entry;
  const who = set.gold ? vscode.l10n.t('{0} (gold)', set.annotator) : set.annotator;
  return {
    entry,
    label: a.text.replace(/\s+/g, ' '),
    description: [a.label, who, a.status === 'accepted' ? '' : statusName(a.status)].filter(Boolean).join(' · '),
    detail: [vscode.workspace.asRelativePath(set.textUri, true), a.note ?? ''].filter(Boolean).join(' — '),
    iconPath: new vscode.ThemeIcon(
      a.status === 'accepted' ? 'circle-filled' : a.status === 'suggested' ? 'circle-outline' : 'circle-slash',
      new vscode.ThemeColor(`tawsim.label.${a.label}`),
    ),
    // The quick pick would hide what its own, unfolded matching misses; the filtering is ours.
    alwaysShow: true,
  };
}

function reveal(services: Services, entry: AnnotationEntry): Promise<vscode.Range | undefined> {
  const { set, annotation: a } = entry;
  return revealAnnotation(services, { uri: set.textUri.toString(), start: a.start, end: a.end, unit: set.unit, text: a.text, sidecar: set.key, id: a.id });
}
