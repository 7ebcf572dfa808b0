import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import { sameSpanAndLabel } from '../../core/model/annotation';
import { findLabel } from '../../core/model/labels';
import { CodePointIndex } from '../../core/model/offsets';
import type { Services } from '../services';
import type { TagArgs } from '../commandIds';
import { resolveTarget } from '../commandTarget';
import { pickLabel } from '../labelPick';
import { applyAnnotatorEdit } from '../documentProgress';

/**
 * Tawsim: Tag Selection… — tags every non-empty selection with one label, asked for in a quick
 * pick unless given as `{ "label": "LOC" }`. Surrounding white space is left out of the span.
 * With `{ "uri", "start", "end" }` (code points) it tags that span instead, with or without an
 * editor: the reading view tags this way.
 */
export async function tag(services: Services, args?: TagArgs): Promise<Annotation[]> {
  const span = typeof args?.uri === 'string' && Number.isInteger(args.start) && Number.isInteger(args.end);
  const target = await resolveTarget(services, span ? { uri: args?.uri } : undefined);
  if (!target || (!span && !target.editor)) return [];
  const { document, store } = target;
  const selections = span
    ? [spanRange(document, args?.start as number, args?.end as number)].filter((r) => !r.isEmpty)
    : (target.editor?.selections.filter((s) => !s.isEmpty) ?? []);
  if (selections.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to tag first.'));
    return [];
  }
  const labels = services.labels();
  const label = args?.label ? findLabel(labels, args.label) : await pickLabel(labels, vscode.l10n.t('Label for the selected text'));
  if (!label) {
    if (args?.label) void vscode.window.showErrorMessage(vscode.l10n.t('There is no label "{0}" in the label set.', args.label));
    return [];
  }
  const put: Annotation[] = [];
  for (const sel of selections) {
    const raw = document.getText(sel);
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    const start = document.offsetAt(sel.start) + lead;
    const end = document.offsetAt(sel.end) - trail;
    if (end <= start) continue;
    const span = { start, end, label: label.id };
    const existing = store.tracked.inRange(start, end).find((a) => sameSpanAndLabel(a, span));
    if (existing?.status === 'accepted' || put.some((p) => sameSpanAndLabel(p, span))) continue;
    const id = existing?.id ?? store.tracked.nextId(put.map((p) => p.id));
    const annotation: Annotation = {
      id,
      label: label.id,
      start,
      end,
      text: document.getText(new vscode.Range(document.positionAt(start), document.positionAt(end))),
      status: 'accepted',
      source: existing?.source ?? 'manual',
      ...(existing?.value !== undefined ? { value: existing.value } : {}),
    };
    put.push(annotation);
  }
  if (put.length === 0) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Already tagged {0}', label.id), 3000);
    return [];
  }
  return applyAnnotatorEdit(store, { put });
}

/** A span given in code points, as a range of the document (clamped to the text). */
function spanRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  const index = new CodePointIndex(document.getText());
  const at = (cp: number): vscode.Position => document.positionAt(index.toUtf16(Math.max(0, Math.min(cp, index.codePointLength))));
  return new vscode.Range(at(Math.min(start, end)), at(Math.max(start, end)));
}
