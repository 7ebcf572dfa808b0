import type * as vscode from 'vscode';
import type { Services } from '../services';
import type { AnnotatorSuggestions } from './annotatorSuggestions';
import type { ReviewSessions } from './reviewSessions';

/** What the review commands need besides the editor services, built once by `createReviewFeature`. */
export interface ReviewContext {
  readonly services: Services;
  readonly sessions: ReviewSessions;
  readonly suggestions: AnnotatorSuggestions;
  /** Reveals the Review view (the tree needs its own handle, which the feature owns). */
  revealView(uri: vscode.Uri): Promise<void>;
}
