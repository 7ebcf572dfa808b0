import * as vscode from 'vscode';
import type { LabelDefinition } from '../../core/model/labels';
import { codePointLength } from '../../core/model/offsets';
import { LineCodePoints } from '../../core/reading/lineCodePoints';
import type { LineSplice } from '../../core/reading/lineSplice';
import { lineSpliceOf } from '../../core/reading/lineSplice';
import type { SuggestedSpan } from '../../core/reading/paragraphBlocks';
import { paragraphBlock } from '../../core/reading/paragraphBlocks';
import type { BlockArc, PagePosition, ParagraphBlock, ReadingStatus } from '../../core/reading/readingProtocol';
import type { ReviewSpan } from '../../core/reading/reviewSpans';
import { reviewSpans } from '../../core/reading/reviewSpans';
import { SortedSpans } from '../../core/reading/sortedSpans';
import { EditLog } from '../../core/reading/editLog';
import type { AnnotationDocument } from '../annotationDocument';
import type { AnnotationStores } from '../annotationStores';
import type { DocumentReview } from '../review/reviewTypes';
import type { Suggestion } from '../suggestions/suggestion';

/** What the reading view reads, through the public side of each part. */
export interface ReadingInputs {
  readonly stores: AnnotationStores;
  /** The recogniser's current suggestions of a document (UTF-16 offsets). */
  suggestions(store: AnnotationDocument): readonly Suggestion[];
  /** The document's review, when it is under review. */
  review(uri: vscode.Uri): DocumentReview | undefined;
  labels(): readonly LabelDefinition[];
  /** Relation types that read both ways (drawn without an arrowhead). */
  symmetricRelationTypes?(): ReadonlySet<string>;
}

/**
 * One document as the reading view sees it: paragraphs (its lines) with what is drawn on them,
 * built on demand for the lines the page holds. The text is read from the open TextDocument, tags
 * from the annotation store, suggestions from the suggestion engine, the review from the review
 * sessions; nothing is copied, so the view can never hold another version than the editor.
 */
export class ReadingSource {
  private readonly codePoints: LineCodePoints;
  private suggestionCache: { from: readonly Suggestion[]; spans: SortedSpans<SuggestedSpan> } | undefined;
  private reviewCache: { from: DocumentReview; spans: SortedSpans<ReviewSpan> | undefined } | undefined;
  /** Edits since the suggestions, and since the review, were last published. */
  private readonly suggestionEdits = new EditLog();
  private readonly reviewEdits = new EditLog();

  constructor(
    private readonly document: vscode.TextDocument,
    private readonly inputs: ReadingInputs,
  ) {
    this.codePoints = new LineCodePoints(document.lineCount, (i) => document.lineAt(i).text);
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }

  get lineCount(): number {
    return this.document.lineCount;
  }

  store(): AnnotationDocument | undefined {
    return this.inputs.stores.get(this.document.uri);
  }

  /** The UTF-16 length of every line. */
  lengths(from = 0, count = this.document.lineCount - from): number[] {
    const out = new Array<number>(count);
    for (let i = 0; i < count; i++) out[i] = this.document.lineAt(from + i).text.length;
    return out;
  }

  /** Follows a change of the text; returns the lines it replaced, for the page to do the same. */
  applyTextChange(event: vscode.TextDocumentChangeEvent): LineSplice | undefined {
    const splice = lineSpliceOf(event.contentChanges.map((c) => ({ startLine: c.range.start.line, endLine: c.range.end.line, text: c.text })));
    if (splice) this.codePoints.splice(splice, (i) => this.document.lineAt(i).text);
    const edits = event.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, insertedLength: c.text.length }));
    this.suggestionEdits.record(edits);
    this.reviewEdits.record(edits);
    return splice;
  }

  /** The suggestion engine published: its suggestions are for the text as it is now. */
  suggestionsPublished(): void {
    this.suggestionEdits.clear();
    this.suggestionCache = undefined;
  }

  /** The review was rebuilt (on the text as it was when it started). */
  reviewRebuilt(): void {
    this.reviewEdits.clear();
    this.reviewCache = undefined;
  }

  block(line: number): ParagraphBlock {
    const l = this.document.lineAt(line);
    const start = this.document.offsetAt(l.range.start);
    const end = start + l.text.length;
    const store = this.store();
    const review = this.currentReview();
    // Under review the annotators' tags are shown; the reviewer's own come with them when compared.
    const ownTags = !review || !review.review.sets.some((s) => s.live);
    const annotations = store && ownTags ? store.tracked.inRange(start, end) : [];
    // A suggestion is shown only where its text still is (one made just before an edit may not be).
    const suggestions = review ? [] : this.suggestionsIn(start, end).filter((s) => s.start < start || s.end > end || l.text.slice(s.start - start, s.end - start) === s.text);
    const spans = review?.spans ? review.spans.overlapping(start, end) : [];
    return paragraphBlock(
      { line, text: l.text, start, cpStart: this.codePoints.start(line, start) },
      { annotations, suggestions, review: spans },
      this.knownLabels(),
      store && annotations.length > 1 ? this.arcsAmong(store, annotations) : [],
    );
  }

  /** The store's relations between annotations of one paragraph. */
  private arcsAmong(store: AnnotationDocument, annotations: readonly { readonly id: string }[]): BlockArc[] {
    const ids = new Set(annotations.map((a) => a.id));
    const symmetric = this.inputs.symmetricRelationTypes?.() ?? new Set<string>();
    return store.tracked.relations
      .filter((r) => ids.has(r.from) && ids.has(r.to))
      .map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to, status: r.status, ...(symmetric.has(r.type) ? { symmetric: true } : {}) }));
  }

  /** The document offset (UTF-16) of a place the page names, clamped to the text. */
  offsetOf(at: PagePosition): number {
    return this.document.offsetAt(this.positionOf(at));
  }

  positionOf(at: PagePosition): vscode.Position {
    const line = Math.max(0, Math.min(Math.trunc(at.line), this.document.lineCount - 1));
    const text = this.document.lineAt(line).text;
    return new vscode.Position(line, Math.max(0, Math.min(Math.trunc(at.character), text.length)));
  }

  /** The code point offset of a place the page names. */
  codePointOf(at: PagePosition): number {
    const p = this.positionOf(at);
    const lineStart = this.document.offsetAt(new vscode.Position(p.line, 0));
    return this.codePoints.start(p.line, lineStart) + codePointLength(this.document.lineAt(p.line).text.slice(0, p.character));
  }

  /** What the banner shows: orphans, the sidecar's problems, the review's state. */
  status(): ReadingStatus {
    const store = this.store();
    const review = this.inputs.review(this.document.uri);
    return {
      orphans: (store?.tracked.orphans ?? []).map((o) => ({ id: o.id, label: o.label, text: o.text })),
      problems: (store?.problems ?? []).map((p) => `${store?.sidecarUri.path.split('/').pop() ?? ''}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`),
      writable: store?.writable ?? true,
      ...(review ? { review: { annotators: review.comparison.annotators, open: review.state.open, total: review.state.total } } : {}),
    };
  }

  /** Every tag and suggestion of the document in order, for Next / Previous from the view (UTF-16). */
  navigable(): { start: number; end: number; label: string }[] {
    const review = this.currentReview();
    if (review?.spans) return review.spans.overlapping(0, Number.MAX_SAFE_INTEGER).filter((s) => s.kind === 'proposal');
    const store = this.store();
    if (!store) return [];
    const tags = store.tracked.all.filter((a) => a.status !== 'rejected');
    return [...tags, ...this.inputs.suggestions(store)].sort((a, b) => a.start - b.start || b.end - a.end);
  }

  private suggestionsIn(start: number, end: number): SuggestedSpan[] {
    const store = this.store();
    if (!store) return [];
    const live = this.inputs.suggestions(store);
    if (this.suggestionCache?.from !== live) {
      this.suggestionCache = {
        from: live,
        spans: new SortedSpans(
          live.map((s) => ({
            start: s.start,
            end: s.end,
            label: s.label,
            text: s.text,
            source: s.source,
            reason: s.reason,
            ...(s.value !== undefined ? { value: s.value } : {}),
            ...(s.score !== undefined ? { score: s.score } : {}),
            ...(s.alternative !== undefined ? { alternative: s.alternative } : {}),
          })),
        ),
      };
    }
    return carried(this.suggestionCache.spans, this.suggestionEdits, start, end);
  }

  /**
   * The review and its spans. It is rebuilt a moment after each edit; meanwhile its spans are carried
   * through the edits made since. A review built on another text than the one seen when it came
   * (edits made while it was being built) is not drawn until the next one.
   */
  private currentReview(): { review: DocumentReview; spans: { overlapping(start: number, end: number): ReviewSpan[] } | undefined } | undefined {
    const review = this.inputs.review(this.document.uri);
    if (!review) return undefined;
    if (this.reviewCache?.from !== review) {
      const current = this.reviewEdits.empty && review.text === this.document.getText();
      this.reviewCache = { from: review, spans: current ? new SortedSpans(this.reviewList(review)) : undefined };
    }
    const spans = this.reviewCache.spans;
    return { review, spans: spans ? { overlapping: (start, end) => carried(spans, this.reviewEdits, start, end) } : undefined };
  }

  private reviewList(review: DocumentReview): ReviewSpan[] {
    return reviewSpans(review.comparison, review.gold, review.state.openIds, (cp) => review.index.toUtf16(Math.max(0, Math.min(cp, review.index.codePointLength))));
  }

  private knownLabels(): ReadonlySet<string> {
    return new Set(this.inputs.labels().map((l) => l.id));
  }
}

/** Spans of the current text's start..end, taken from spans computed before the edits in `log` and carried forward through them. */
function carried<T extends { readonly start: number; readonly end: number }>(spans: SortedSpans<T>, log: EditLog, start: number, end: number): T[] {
  if (log.empty) return spans.overlapping(start, end);
  const out: T[] = [];
  const from = log.backward(start, 'before');
  for (const s of spans.overlapping(from, Math.max(log.backward(end, 'after'), from + 1))) {
    const now = log.forward(s);
    if (now && now.end > start && now.start < end) out.push({ ...s, start: now.start, end: now.end });
  }
  return out;
}
