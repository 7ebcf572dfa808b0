import type { LabelDefinition } from '../model/labels';

/** Where the project file lives, relative to the workspace folder (or the corpus' root). */
export const PROJECT_FILE = '.tawsim/project.yaml';

/** The project schema version this build reads. */
export const PROJECT_VERSION = 1;

/** A label's guideline: Markdown, in either language or both. */
export interface LabelGuideline {
  readonly en?: string;
  readonly ar?: string;
}

/** A label of the project: the sidecar label definition plus its guideline. */
export interface ProjectLabel extends LabelDefinition {
  readonly guidelines?: LabelGuideline;
}

export interface ProjectAnnotator {
  /** The name written as `annotator:` in this person's sidecars (the `tawsim.annotator` setting). */
  readonly id: string;
  readonly name?: string;
}

/** The recogniser's settings a project fixes for everyone (each user may still override them). */
export interface ProjectRecognizer {
  readonly suggestions?: boolean;
  readonly model?: boolean;
  readonly threshold?: number;
}

/**
 * `.tawsim/project.yaml`: what travels with the corpus. Relation types and attribute definitions
 * (sidecar schema 2) are kept as read, untyped, until their typed reader exists: see
 * `projectRelationTypes` / `projectAttributes`.
 */
export interface Project {
  readonly version: number;
  readonly labels?: readonly ProjectLabel[];
  readonly annotators: readonly ProjectAnnotator[];
  /** Per annotator id, the globs or paths (relative to the project's root, `/` separated) of the texts assigned. */
  readonly assignments: Readonly<Record<string, readonly string[]>>;
  readonly sidecarPattern?: string;
  readonly recognizer: ProjectRecognizer;
  readonly relations?: unknown;
  readonly attributes?: unknown;
}

/** A problem of the project file at a 1-based line and column. */
export interface ProjectProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
}
