import type { AnnotationDocument } from './annotationDocument';
import { currentProject } from './settings';

/**
 * The first tag or accepted suggestion on a text not yet started puts it in progress
 * (`document.status: in-progress`), so Next Document and the team's progress tell it from the
 * untouched ones. Only where statuses are in use, that is where a project file is in force or the
 * sidecar already has a status: without them a plain sidecar stays byte for byte as before.
 */
export function markStarted(store: AnnotationDocument): void {
  const status = store.documentStatus;
  if (status === 'in-progress' || status === 'done') return;
  if (status === undefined && currentProject() === undefined) return;
  store.setDocumentStatus('in-progress');
}
