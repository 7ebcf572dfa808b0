/**
 * Ids of the Annotations view, Find and Statistics commands. They join the one typed command table
 * (`CommandId` in ../commandIds.ts spreads this object) and, like every command id, are a public
 * contract: people bind keys to them, and tree items and other extensions call them.
 */
export const ExplorerCommandId = {
  find: 'tawsim.find',
  statistics: 'tawsim.statistics',
  revealAnnotation: 'tawsim.revealAnnotation',
  filterByLabel: 'tawsim.filterByLabel',
  filterByAnnotator: 'tawsim.filterByAnnotator',
  filterByStatus: 'tawsim.filterByStatus',
  clearAnnotationFilters: 'tawsim.clearAnnotationFilters',
  refreshAnnotations: 'tawsim.refreshAnnotations',
} as const;

export type ExplorerCommandIdValue = (typeof ExplorerCommandId)[keyof typeof ExplorerCommandId];

/** Where an annotation is, for `tawsim.revealAnnotation`. */
export interface RevealAnnotationArgs {
  /** Document URI as a string. */
  readonly uri: string;
  readonly start: number;
  readonly end: number;
  /** `utf16` for an open document's offsets (the default), `codePoints` for a sidecar's. */
  readonly unit?: 'utf16' | 'codePoints';
  /** The covered text as recorded, to find the span again if the text moved. */
  readonly text?: string;
  /** The sidecar holding the annotation and its id: an open document's live span is used when it is that sidecar's. */
  readonly sidecar?: string;
  readonly id?: string;
  /** Keep the focus where it is (Find previews while moving through its list). */
  readonly preserveFocus?: boolean;
}

/** Pre-fills Find's query: `{ "query": "القدس" }`. */
export interface FindAnnotationsArgs {
  readonly query?: string;
}

/** Sets a filter without asking: `{ "values": ["LOC", "PER"] }`; an empty list clears that filter. */
export interface FilterArgs {
  readonly values?: readonly string[];
}
