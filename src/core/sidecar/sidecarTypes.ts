import type { Annotation } from '../model/annotation';

/** The schema version this build reads and writes. A reader refuses to write a newer one. */
export const SIDECAR_VERSION = 1;

export interface SidecarDocument {
  /** Path of the text, relative to the sidecar's folder, with forward slashes. */
  readonly path: string;
  /** Hex SHA-256 of the UTF-8 text (without a BOM) when the sidecar was last saved. */
  readonly sha256: string;
  /** Length of the text in code points. */
  readonly length: number;
  /** Optional anchor for relative dates, YYYY-MM-DD. */
  readonly date?: string;
}

/** The content of one `*.ann.yaml` file. */
export interface Sidecar {
  readonly tawsim: number;
  readonly document: SidecarDocument;
  readonly annotator: string;
  readonly annotations: readonly Annotation[];
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
