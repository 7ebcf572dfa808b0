import * as vscode from 'vscode';
import type { DocumentReview } from './reviewTypes';

const lineCache = new WeakMap<DocumentReview, number[]>();

/**
 * The editor range of a span in code points of the review's text. Computed from the text itself,
 * not from an open document, so diagnostics and tree items work for documents that are closed.
 */
export function reviewRange(review: DocumentReview, start: number, end: number): vscode.Range {
  return new vscode.Range(reviewPosition(review, start), reviewPosition(review, end));
}

export function reviewPosition(review: DocumentReview, codePoint: number): vscode.Position {
  let lines = lineCache.get(review);
  if (!lines) {
    lines = lineStarts(review.text);
    lineCache.set(review, lines);
  }
  const utf16 = review.index.toUtf16(codePoint);
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((lines[mid] as number) <= utf16) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, utf16 - (lines[lo] as number));
}

/** The text a span covers. */
export function reviewQuote(review: DocumentReview, start: number, end: number): string {
  return review.text.slice(review.index.toUtf16(start), review.index.toUtf16(end));
}

/** UTF-16 offsets at which lines start; CR, LF and CRLF end lines, as in the editor. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 13 || c === 10) starts.push(i + 1);
  }
  return starts;
}
