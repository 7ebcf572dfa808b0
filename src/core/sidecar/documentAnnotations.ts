import type { Annotation } from '../model/annotation';
import { CodePointIndex } from '../model/offsets';
import { coveredText, mapOffsets } from '../model/fragments';
import type { Relation } from '../model/relation';
import type { DocumentStatus, Sidecar } from './sidecarTypes';
import { SIDECAR_BASE_VERSION } from './sidecarTypes';
import { sha256Hex } from './hash';
import { reanchorAnnotations } from './reanchor';

/** Annotations placed on a text, in UTF-16 offsets, with what placing them took. */
export interface PlacedAnnotations {
  readonly annotations: Annotation[];
  readonly moved: number;
  readonly orphans: number;
  /** True when the sidecar was saved for a different text (its sha256 differs). */
  readonly textChanged: boolean;
}

/**
 * Places a sidecar's annotations (code points) on the current text and converts them to UTF-16
 * for the editor. When the text is not the one the sidecar was saved with, spans are re-anchored
 * by their quotes; orphans keep their code point offsets, since they have no place to convert.
 */
export function placeSidecarAnnotations(sidecar: Sidecar, text: string): PlacedAnnotations {
  const index = new CodePointIndex(text);
  const textChanged = sidecar.document.sha256 !== sha256Hex(text);
  const { annotations, moved, orphans } = reanchorAnnotations(sidecar.annotations, text, index, sidecar.document.length);
  return {
    annotations: annotations.map((a) => (a.orphan ? a : mapOffsets(a, (o) => index.toUtf16(o)))),
    moved,
    orphans,
    textChanged,
  };
}

export interface SidecarHeader {
  /** Path of the text relative to the sidecar. */
  readonly path: string;
  readonly annotator: string;
  readonly date?: string;
  readonly status?: DocumentStatus;
}

/**
 * The sidecar for a text and its live annotations (UTF-16, orphans in code points), converted to
 * code points with the text's own index so that the file describes exactly that text.
 */
export function buildSidecar(header: SidecarHeader, text: string, live: readonly Annotation[], orphans: readonly Annotation[], relations: readonly Relation[] = []): Sidecar {
  const index = new CodePointIndex(text);
  // The quote is taken from the text, not from the annotation: it is what the next load checks the
  // span against, so a stale one would make that load move the span or orphan it.
  const placed = live.map((a) => ({ ...mapOffsets(a, (o) => index.toCodePoint(o)), text: coveredText(a, (s, e) => text.slice(s, e)) }));
  // A relation whose end is not written (its text was deleted; it waits in memory for a text undo)
  // stays in memory too but not in the file, which no reader would accept with a missing end.
  const ids = new Set([...live, ...orphans].map((a) => a.id));
  const written = relations.filter((r) => ids.has(r.from) && ids.has(r.to));
  return {
    tawsim: SIDECAR_BASE_VERSION,
    document: {
      path: header.path,
      sha256: sha256Hex(text),
      length: index.codePointLength,
      ...(header.date !== undefined ? { date: header.date } : {}),
      ...(header.status !== undefined ? { status: header.status } : {}),
    },
    annotator: header.annotator,
    annotations: [...placed, ...orphans.map((o) => ({ ...o, start: Math.min(o.start, index.codePointLength), end: Math.min(o.end, index.codePointLength) }))],
    ...(written.length > 0 ? { relations: written } : {}),
  };
}
