/**
 * Ids of the review commands and the arguments they take. They join the one typed command table
 * (`CommandId` in ../commandIds.ts spreads this object) and, like every command id, are a public
 * contract: people bind keys to them and hovers and tree items call them.
 */
export const ReviewCommandId = {
  review: 'tawsim.review',
  reviewAnnotator: 'tawsim.reviewAnnotator',
  closeReview: 'tawsim.closeReview',
  refreshReview: 'tawsim.refreshReview',
  nextDisagreement: 'tawsim.nextDisagreement',
  previousDisagreement: 'tawsim.previousDisagreement',
  acceptProposal: 'tawsim.acceptProposal',
  rejectProposal: 'tawsim.rejectProposal',
  relabelProposal: 'tawsim.relabelProposal',
  takeBoundaries: 'tawsim.takeBoundaries',
  acceptAllAgreed: 'tawsim.acceptAllAgreed',
  acceptAnnotatorTag: 'tawsim.acceptAnnotatorTag',
  rejectAnnotatorTag: 'tawsim.rejectAnnotatorTag',
  agreementReport: 'tawsim.agreementReport',
  acceptRelation: 'tawsim.acceptRelation',
  rejectRelation: 'tawsim.rejectRelation',
} as const;

export type ReviewCommandIdValue = (typeof ReviewCommandId)[keyof typeof ReviewCommandId];

/** A document under review; the active editor's when `uri` is absent. */
export interface ReviewDocumentArgs {
  /** Document URI as a string. */
  readonly uri?: string;
}

/** `tawsim.review`: which annotators to compare (names as in their sidecars); asked for when absent. */
export interface ReviewArgs extends ReviewDocumentArgs {
  readonly annotators?: readonly string[];
}

/**
 * A decision on one proposal (a span and label some annotators tagged). Without `disagreementId`
 * the disagreement under the cursor is meant; without `start`/`end`/`label` the proposal is asked
 * for when there are several. Offsets are code points, as in sidecars.
 */
export interface ProposalArgs extends ReviewDocumentArgs {
  readonly disagreementId?: string;
  readonly start?: number;
  readonly end?: number;
  readonly label?: string;
}

/** `tawsim.relabelProposal`: `to` is the new label, asked for when absent. */
export interface RelabelArgs extends ProposalArgs {
  readonly to?: string;
}

/** `tawsim.takeBoundaries`: whose spans to take, asked for when absent. */
export interface TakeBoundariesArgs extends ReviewDocumentArgs {
  readonly disagreementId?: string;
  readonly annotator?: string;
}

/** `tawsim.reviewAnnotator`: whose tags to show as suggestions, asked for when absent. */
export interface ReviewAnnotatorArgs extends ReviewDocumentArgs {
  readonly annotator?: string;
}

/** `tawsim.acceptAnnotatorTag` / `tawsim.rejectAnnotatorTag`: one tag of another annotator's sidecar, by its id there. */
export interface AnnotatorTagArgs extends ReviewDocumentArgs {
  readonly annotator?: string;
  readonly id?: string;
}

/** `tawsim.agreementReport`: figures for the document, or for every document of its workspace folder. */
export interface AgreementReportArgs extends ReviewDocumentArgs {
  readonly scope?: 'document' | 'folder';
}

/**
 * `tawsim.acceptRelation` / `tawsim.rejectRelation`: one relation some annotators marked, by its
 * key (type and argument spans, as in the Review view's node); asked for when absent.
 */
export interface RelationDecisionArgs extends ReviewDocumentArgs {
  readonly key?: string;
}
