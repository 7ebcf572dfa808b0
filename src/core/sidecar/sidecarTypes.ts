import type { Annotation } from '../model/annotation';
import type { Relation } from '../model/relation';

/**
 * The newest schema version this build reads and writes. A reader refuses a newer one (and never
 * writes it): version-1 builds refuse version 2, and this build refuses 3.
 */
export const SIDECAR_VERSION = 2;
/**
 * The version written when nothing needs more: relations, fragments and attributes need 2, so a
 * version-1 file stays version 1 (readable by older builds) until one of them is added.
 */
export const SIDECAR_BASE_VERSION = 1;

export interface SidecarDocument {
  /** Path of the text, relative to the sidecar's folder, with forward slashes. */
  readonly path: string;
  /** Hex SHA-256 of the UTF-8 text (without a BOM) when the sidecar was last saved. */
  readonly sha256: string;
  /** Length of the text in code points. */
  readonly length: number;
  /** Optional anchor for relative dates, YYYY-MM-DD. */
  readonly date?: string;
  /** Where the annotator is with this text; absent until someone sets it, so older files stay byte-identical. */
  readonly status?: DocumentStatus;
}

/** The states a document goes through in an annotator's queue. */
export const DOCUMENT_STATUSES = ['not-started', 'in-progress', 'done'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** The content of one `*.ann.yaml` file. */
export interface Sidecar {
  readonly tawsim: number;
  readonly document: SidecarDocument;
  readonly annotator: string;
  readonly annotations: readonly Annotation[];
  /** Links between annotations (schema 2); absent or empty in version-1 files. */
  readonly relations?: readonly Relation[];
}

/** The version a sidecar must be written with: its own, raised to 2 when it uses anything of schema 2. */
export function requiredSidecarVersion(sidecar: Pick<Sidecar, 'tawsim' | 'annotations' | 'relations'>): number {
  const usesTwo = (sidecar.relations?.length ?? 0) > 0 || sidecar.annotations.some((a) => a.fragments !== undefined || a.attributes !== undefined);
  return Math.max(Math.min(sidecar.tawsim, SIDECAR_VERSION), usesTwo ? 2 : SIDECAR_BASE_VERSION);
}

/** A problem found while reading a sidecar, placed at a 1-based line and column where known. */
export interface SidecarProblem {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
  /** Dotted key path of the offending value, for example `annotations[3].start`. */
  readonly path?: string;
  readonly severity: 'error' | 'warning';
}
