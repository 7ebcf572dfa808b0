import * as vscode from 'vscode';
import type { Span } from '../../core/model/shift';
import { withFragmentsAdded } from '../../core/model/fragments';
import { CodePointIndex } from '../../core/model/offsets';
import type { Services } from '../services';
import type { Annotation } from '../../core/model/annotation';
import type { AnnotationDocument } from '../annotationDocument';
import type { AddFragmentArgs } from '../commandIds';
import { annotationsAt, pickOne, resolveTarget } from '../commandTarget';
import { applyAnnotatorEdit } from '../documentProgress';

/** Annotations under the first selection: at its point when empty, inside it otherwise. */
function annotationsIn(store: AnnotationDocument, start: number, end: number): Annotation[] {
  const hits = start === end ? store.tracked.inRange(start, start) : store.tracked.inRange(start, end).filter((a) => a.start >= start && a.end <= end);
  return hits.filter((a) => a.status !== 'rejected');
}

/**
 * Tawsim: Add Fragment — makes the annotation at the first selection (or `id`) discontinuous: it
 * gains the other selections (or `start`..`end`, code points) as fragments; overlapping or touching
 * parts join. The quote becomes the fragments' texts joined by FRAGMENT_SEPARATOR.
 */
export async function addFragment(services: Services, args?: AddFragmentArgs): Promise<boolean> {
  const target = await resolveTarget(services, args);
  if (!target) return false;
  const { store, editor, document } = target;
  const first = editor?.selections[0];
  const candidates = args?.id !== undefined || !first ? annotationsAt(target, args) : annotationsIn(target.store, document.offsetAt(first.start), document.offsetAt(first.end));
  const annotation = await pickOne(candidates, vscode.l10n.t('Which annotation?'));
  if (!annotation) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('No annotation here'), 3000);
    return false;
  }
  let more: Span[];
  if (args?.start !== undefined && args.end !== undefined) {
    const index = new CodePointIndex(document.getText());
    more = [{ start: index.toUtf16(args.start), end: index.toUtf16(args.end) }];
  } else {
    more = (editor?.selections.slice(args?.id !== undefined ? 0 : 1) ?? [])
      .filter((s) => !s.isEmpty)
      .map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) }));
  }
  if (more.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the other part of the name as well (Alt+click adds a selection), then run Add Fragment again.'));
    return false;
  }
  const next = withFragmentsAdded(annotation, more, (s, e) => document.getText(new vscode.Range(document.positionAt(s), document.positionAt(e))));
  applyAnnotatorEdit(store, { remove: [annotation.id], put: [next] });
  return true;
}
