import type { Annotation } from '../model/annotation';
import { CodePointIndex } from '../model/offsets';
import { mergeSidecarParts } from '../sidecar/mergeAnnotations';
import type { Relation } from '../model/relation';
import { buildSidecar, placeSidecarAnnotations } from '../sidecar/documentAnnotations';
import { sha256Hex } from '../sidecar/hash';
import type { Sidecar } from '../sidecar/sidecarTypes';
import { SIDECAR_BASE_VERSION } from '../sidecar/sidecarTypes';

/** What to do with a sidecar that already exists where an import writes. */
export type ExistingSidecarChoice = 'replace' | 'merge';

export interface ImportedSidecarInput {
  /** The text the annotations were imported onto, as read from disk (no BOM). */
  readonly text: string;
  /** The text's file name, which the sidecar names relative to its own folder. */
  readonly textName: string;
  readonly annotator: string;
  /** Code point offsets, as `importFile` returns them. */
  readonly annotations: readonly Annotation[];
  /** Relations between the imported annotations, by their ids. */
  readonly relations?: readonly Relation[];
  /** The document date the imported file states (Tawsim JSON, TimeML's creation time); it replaces the old one, else that is kept. */
  readonly date?: string;
  /** The sidecar already at the target, if any, with what to do about it. */
  readonly existing?: { readonly sidecar: Sidecar; readonly choice: ExistingSidecarChoice };
}

/**
 * The sidecar an import writes. Replacing keeps only the document date of the old file (a fact
 * about the text, not about anyone's annotations) unless the imported file states one, and its
 * `document.status` (where the annotator is with the text). Merging keeps the old file's annotator and
 * annotations, re-anchored on the text as the editor would, and adds the imported spans it lacks:
 * where both have the same span and label, the old annotation wins, so nothing reviewed is lost.
 */
export function importedSidecar(input: ImportedSidecarInput): Sidecar {
  const { text, textName, existing } = input;
  const date = input.date ?? existing?.sidecar.document.date;
  // Where the annotator is with the text is not the imported file's to say.
  const status = existing?.sidecar.document.status;
  if (existing?.choice === 'merge') {
    const placed = placeSidecarAnnotations(existing.sidecar, text);
    const old = buildSidecar(
      { path: textName, annotator: existing.sidecar.annotator, ...(date !== undefined ? { date } : {}), ...(status !== undefined ? { status } : {}) },
      text,
      placed.annotations.filter((a) => !a.orphan),
      placed.annotations.filter((a) => a.orphan),
    );
    const merged = mergeSidecarParts(
      { annotations: old.annotations, relations: existing.sidecar.relations ?? [] },
      { annotations: input.annotations, relations: input.relations ?? [] },
    );
    return { ...old, annotations: merged.annotations, ...(merged.relations.length > 0 ? { relations: merged.relations } : {}) };
  }
  return {
    tawsim: SIDECAR_BASE_VERSION,
    document: {
      path: textName,
      sha256: sha256Hex(text),
      length: new CodePointIndex(text).codePointLength,
      ...(date !== undefined ? { date } : {}),
      ...(status !== undefined ? { status } : {}),
    },
    annotator: input.annotator,
    annotations: [...input.annotations],
    ...(input.relations && input.relations.length > 0 ? { relations: [...input.relations] } : {}),
  };
}
