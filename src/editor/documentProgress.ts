import type { Annotation } from '../core/model/annotation';
import type { AnnotationEdit } from '../core/model/annotationHistory';
import type { AnnotationDocument } from './annotationDocument';
import { currentProject, projectSettled } from './settings';

/**
 * Applies an edit the annotator made (tag, accept, reject, remove, relabel, boundary change, note,
 * link, attribute, orphan placed or dropped): every command that changes annotations goes through
 * here, so that the first one on a text not yet started puts it in progress. Reloads from disk and
 * pre-annotation's suggestions use `store.apply` itself: they are nobody's work on the text.
 */
export function applyAnnotatorEdit(store: AnnotationDocument, edit: AnnotationEdit): Annotation[] {
  const put = store.apply(edit);
  markStarted(store);
  return put;
}

/**
 * `document.status: in-progress`, so Next Document and the team's progress tell the text from the
 * untouched ones. Only where statuses are in use, that is where a project file is in force or the
 * sidecar already has a status: without them a plain sidecar stays byte for byte as before.
 */
function markStarted(store: AnnotationDocument): void {
  const status = store.documentStatus;
  if (status === 'in-progress' || status === 'done') return;
  if (status === undefined && currentProject() === undefined) {
    // A project file still being read (as the window opens, or just created) may bring statuses in.
    void projectSettled().then(() => {
      if (store.loaded && store.documentStatus === undefined && currentProject() !== undefined) store.setDocumentStatus('in-progress');
    });
    return;
  }
  store.setDocumentStatus('in-progress');
}
