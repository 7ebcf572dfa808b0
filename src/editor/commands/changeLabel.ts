import * as vscode from 'vscode';
import { findLabel } from '../../core/model/labels';
import type { Services } from '../services';
import type { ChangeLabelArgs } from '../commandIds';
import { annotationToEdit } from '../commandTarget';
import { pickLabel } from '../labelPick';
import { applyAnnotatorEdit } from '../documentProgress';

/** Tawsim: Change Label… — relabels the annotation given by id or under the cursor. */
export async function changeLabel(services: Services, args?: ChangeLabelArgs): Promise<boolean> {
  const found = await annotationToEdit(services, args);
  if (!found) return false;
  const { target, annotation } = found;
  const labels = services.labels();
  const label = args?.label ? findLabel(labels, args.label) : await pickLabel(labels, vscode.l10n.t('New label for «{0}»', annotation.text), annotation.label);
  if (!label || label.id === annotation.label) return false;
  const clash = target.store.tracked.all.find((a) => a.start === annotation.start && a.end === annotation.end && a.label === label.id && a.id !== annotation.id);
  const { value: _value, ...rest } = annotation;
  // A date's value means nothing under another label.
  const relabelled = label.id === 'DATE' || label.id === 'TIME' ? { ...annotation, label: label.id } : { ...rest, label: label.id };
  applyAnnotatorEdit(target.store, { remove: clash ? [clash.id] : [], put: [{ ...relabelled, status: 'accepted' }] });
  return true;
}
