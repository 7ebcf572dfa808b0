import * as vscode from 'vscode';
import type { Services } from '../services';
import type { AddNoteArgs } from '../commandIds';
import { annotationToEdit } from '../commandTarget';
import { applyAnnotatorEdit } from '../documentProgress';

/** Tawsim: Add Note… — sets (or with an empty answer, clears) the note of an annotation. */
export async function addNote(services: Services, args?: AddNoteArgs): Promise<boolean> {
  const found = await annotationToEdit(services, args);
  if (!found) return false;
  const { target, annotation } = found;
  const note = args?.note ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Note for «{0}» ({1})', annotation.text, annotation.label), value: annotation.note ?? '' }));
  if (note === undefined) return false;
  const { note: _old, ...rest } = annotation;
  applyAnnotatorEdit(target.store, { put: [note.trim() ? { ...rest, note: note.trim() } : rest] });
  return true;
}
