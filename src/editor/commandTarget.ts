import * as vscode from 'vscode';
import type { Annotation } from '../core/model/annotation';
import type { AnnotationDocument } from './annotationDocument';
import type { Services } from './services';
import type { AnnotationTarget } from './commandIds';

export interface Target {
  readonly document: vscode.TextDocument;
  readonly store: AnnotationDocument;
  readonly editor?: vscode.TextEditor;
}

/**
 * The document a command acts on: the one named by `uri`, else the active editor's. Running a
 * Tawsim command on a file makes it annotated, even outside `tawsim.files`.
 */
export async function resolveTarget(services: Services, args?: AnnotationTarget): Promise<Target | undefined> {
  const editor = vscode.window.activeTextEditor;
  let document: vscode.TextDocument | undefined;
  if (args?.uri) {
    const uri = vscode.Uri.parse(args.uri);
    document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await vscode.workspace.openTextDocument(uri));
  } else {
    document = editor?.document;
  }
  if (!document) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a text file to annotate first.'));
    return undefined;
  }
  const store = await services.stores.ensure(document, true);
  if (!store) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Tawsim cannot annotate {0}: it is not a file.', document.uri.toString()));
    return undefined;
  }
  const shown = editor?.document === document ? editor : vscode.window.visibleTextEditors.find((e) => e.document === document);
  return shown ? { document, store, editor: shown } : { document, store };
}

/**
 * The annotations a command acts on: the one with `args.id`; else those inside the selections
 * (for a non-empty selection) or under the cursor. Rejected suggestions are not targets.
 */
export function annotationsAt(target: Target, args?: AnnotationTarget): Annotation[] {
  const { store, editor, document } = target;
  if (args?.id) {
    const found = store.tracked.byId(args.id);
    return found ? [found] : [];
  }
  if (!editor) return [];
  const out = new Map<string, Annotation>();
  for (const sel of editor.selections) {
    const start = document.offsetAt(sel.start);
    const end = document.offsetAt(sel.end);
    const hits = sel.isEmpty ? store.tracked.inRange(start, start) : store.tracked.inRange(start, end).filter((a) => a.start >= start && a.end <= end);
    for (const a of hits) if (a.status !== 'rejected') out.set(a.id, a);
  }
  return [...out.values()];
}

/** Lets the user choose one of several overlapping annotations. */
export async function pickOne(annotations: readonly Annotation[], placeHolder: string): Promise<Annotation | undefined> {
  if (annotations.length <= 1) return annotations[0];
  const picked = await vscode.window.showQuickPick(
    annotations.map((a) => ({ label: a.label, description: a.text, detail: a.note, annotation: a })),
    { placeHolder },
  );
  return picked?.annotation;
}

/**
 * The one annotation a command edits: the one named by `args.id`, else the one at the cursor (the
 * user picks among overlapping ones). Says so in the status bar when there is none.
 */
export async function annotationToEdit(services: Services, args?: AnnotationTarget): Promise<{ target: Target; annotation: Annotation } | undefined> {
  const target = await resolveTarget(services, args);
  if (!target) return undefined;
  const annotation = await pickOne(annotationsAt(target, args), vscode.l10n.t('Which annotation?'));
  if (!annotation) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('No annotation here'), 3000);
    return undefined;
  }
  return { target, annotation };
}
