import type { Annotation } from '../model/annotation';
import { reanchorAnnotations } from '../sidecar/reanchor';
import { sha256Hex } from '../sidecar/hash';
import type { Sidecar } from '../sidecar/sidecarTypes';

/** An annotator's sidecar placed on the text under comparison, in code points. */
export interface PlacedForComparison {
  readonly annotations: Annotation[];
  /** The sidecar was saved for another version of the text (its sha256 differs). */
  readonly textChanged: boolean;
  readonly orphans: number;
  /**
   * Saved for another version and some quotes are gone: its offsets cannot be trusted, so the set
   * is shown and listed with the reason but never compared.
   */
  readonly stale: boolean;
}

/**
 * Re-anchors a sidecar's annotations on the text by their quotes, for review and agreement. The
 * editor and the command line both decide "re-anchored or stale" here, so they agree on it.
 */
export function placeForComparison(sidecar: Sidecar, text: string, textSha256 = sha256Hex(text)): PlacedForComparison {
  const textChanged = sidecar.document.sha256 !== textSha256;
  const placed = reanchorAnnotations(sidecar.annotations, text, undefined, sidecar.document.length);
  return { annotations: placed.annotations, textChanged, orphans: placed.orphans, stale: textChanged && placed.orphans > 0 };
}
