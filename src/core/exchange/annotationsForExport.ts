import type { Annotation } from '../model/annotation';
import type { Sidecar } from '../sidecar/sidecarTypes';
import { buildSidecar, placeSidecarAnnotations } from '../sidecar/documentAnnotations';

/**
 * A sidecar's annotations as an export must see them: placed on the text as it is now (so a text
 * edited outside the editor is re-anchored exactly as the editor would), in code points. Orphans
 * stay in, flagged, so the exporter names them in its warnings instead of dropping them silently.
 */
export function annotationsForExport(sidecar: Sidecar, text: string): Annotation[] {
  const placed = placeSidecarAnnotations(sidecar, text);
  const live = placed.annotations.filter((a) => !a.orphan);
  const orphans = placed.annotations.filter((a) => a.orphan);
  // buildSidecar is the one place that converts UTF-16 back to code points for a text.
  return [...buildSidecar({ path: sidecar.document.path, annotator: sidecar.annotator }, text, live, orphans).annotations];
}
