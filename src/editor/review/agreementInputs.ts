import * as vscode from 'vscode';
import type { AnnotatorSet } from '../../core/review/annotatorSet';
import type { DocumentInput } from '../../core/review/agreementCounts';
import { readSettings } from '../settings';
import { sidecarsByText, readFolder } from './annotatorSidecars';
import type { ReviewSessions } from './reviewSessions';
import { goldFileName } from './reviewSettings';
import type { DocumentReview, SidecarFailure } from './reviewTypes';
import type { SidecarIndex } from '../index/sidecarIndex';

/** What the agreement figures are computed from, and what had to be left out. */
export interface AgreementInputs {
  readonly documents: DocumentInput[];
  readonly failures: SidecarFailure[];
  /** Where exports are offered to be saved. */
  readonly folder: vscode.Uri;
  /** Shown in the panel's title: the document's or the folder's name. */
  readonly name: string;
}

/** One document: its review if under review (same annotators), else every sidecar beside it. */
export async function documentAgreementInputs(sessions: ReviewSessions, uri: vscode.Uri): Promise<AgreementInputs> {
  const review = await sessions.snapshot(uri);
  return { documents: [inputOf(review)], failures: [...review.failures], folder: vscode.Uri.joinPath(uri, '..'), name: vscode.workspace.asRelativePath(uri, false) };
}

/** Every document of a workspace folder with at least two annotator sidecars, in name order. */
export async function folderAgreementInputs(sessions: ReviewSessions, folder: vscode.WorkspaceFolder, index: SidecarIndex): Promise<AgreementInputs> {
  const sidecars = await index.sidecars(folder.uri);
  const dirs = new Map<string, vscode.Uri>();
  for (const s of sidecars) {
    const dir = vscode.Uri.joinPath(s.uri, '..');
    dirs.set(dir.toString(), dir);
  }
  const texts: vscode.Uri[] = [];
  for (const dir of dirs.values()) {
    const byText = sidecarsByText(dir, await readFolder(dir), (text) => {
      const textUri = vscode.Uri.joinPath(dir, text);
      return goldFileName(textUri, readSettings(textUri).annotator);
    });
    for (const [text, found] of byText) if (found.length >= 2) texts.push(vscode.Uri.joinPath(dir, text));
  }
  const reviews = await Promise.all(texts.map((t) => sessions.snapshot(t)));
  const documents = reviews.map(inputOf).sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0));
  return { documents, failures: reviews.flatMap((r) => r.failures), folder: folder.uri, name: folder.name };
}

/**
 * A review as input to the figures. Sidecars that could not be read join as excluded sets, so the
 * report lists them with the reason instead of silently counting fewer annotators.
 */
function inputOf(review: DocumentReview): DocumentInput {
  const failed: AnnotatorSet[] = review.failures.map((f) => ({
    annotator: f.annotator,
    annotations: [],
    stale: true,
    staleReason: vscode.l10n.t('{0} could not be read: {1}', f.fileName, f.reason),
  }));
  return { document: vscode.workspace.asRelativePath(review.uri, false), text: review.text, sets: [...review.sets, ...failed] };
}
