import type * as vscode from 'vscode';
import type { AnnotatorSet } from '../../core/review/annotatorSet';
import type { Comparison } from '../../core/review/compareAnnotators';
import type { GoldSet } from '../../core/review/adjudicate';
import type { ReviewState } from '../../core/review/reviewState';
import type { CodePointIndex } from '../../core/model/offsets';
import type { Relation } from '../../core/model/relation';
import type { RelationComparison } from '../../core/review/relationReview';

/** One annotator's tags on the document under review, offsets in code points of the current text. */
export interface ReviewSet extends AnnotatorSet {
  readonly uri: vscode.Uri;
  readonly fileName: string;
  /** The sidecar was saved for another version of the text and every tag was placed again by its quote. */
  readonly reanchored: boolean;
  /** Tags whose quote is no longer in the text; they make the set stale. */
  readonly orphans: number;
  /** Taken from the reviewer's open annotations rather than from disk (unsaved changes included). */
  readonly live: boolean;
  readonly date?: string;
}

/** A sidecar that could not be read or parsed: reported, and left out of comparisons and figures. */
export interface SidecarFailure {
  readonly uri: vscode.Uri;
  readonly fileName: string;
  readonly annotator: string;
  readonly reason: string;
  /** 1-based, when known. */
  readonly line?: number;
}

/** Everything known about one document under review, rebuilt whenever its inputs change. */
export interface DocumentReview {
  readonly uri: vscode.Uri;
  readonly goldUri: vscode.Uri;
  readonly reviewer: string;
  /** The text compared: the open document's (unsaved edits included) or the file's. */
  readonly text: string;
  readonly index: CodePointIndex;
  /** Every chosen annotator's set, stale ones included (the comparison leaves them out). */
  readonly sets: readonly ReviewSet[];
  readonly failures: readonly SidecarFailure[];
  readonly comparison: Comparison;
  /** Gold decisions in code points; orphans (quote gone from the text) are kept for writing back. */
  readonly gold: GoldSet;
  /** Relation decisions in gold, between gold entries by id. */
  readonly goldRelations: readonly Relation[];
  /** Relations compared like spans: agreed by all, or marked by some only. */
  readonly relations: RelationComparison;
  /** The relation types that read both ways when this review was built (the project schema's). */
  readonly symmetricRelationTypes: readonly string[];
  /** Why the gold file cannot be written (it exists and does not parse), if so. */
  readonly goldProblem?: string;
  readonly state: ReviewState;
}
