/**
 * Ids of the reading view's commands. They join the one typed command table (`CommandId` in
 * ../commandIds.ts spreads this object) and, like every command id, are a public contract.
 */
export const ReadingViewCommandId = {
  openReadingView: 'tawsim.openReadingView',
} as const;

export type ReadingViewCommandIdValue = (typeof ReadingViewCommandId)[keyof typeof ReadingViewCommandId];

/** `tawsim.openReadingView`: the document to read (a URI as a string); the active editor's when absent. */
export interface OpenReadingViewArgs {
  readonly uri?: string;
}
