import * as vscode from 'vscode';
import type { LabelDefinition } from '../../core/model/labels';
import type { Proposal } from '../../core/review/compareAnnotators';
import { labelColor } from '../labelStyles';
import type { AnnotationStores } from '../annotationStores';
import type { AnnotatorSuggestions } from './annotatorSuggestions';
import type { ReviewSessions } from './reviewSessions';
import type { DocumentReview } from './reviewTypes';

const UNKNOWN_LABEL: LabelDefinition = { id: '?', en: 'Unknown', ar: 'غير معروف', color: '#999999' };

interface LabelTypes {
  /** A span every compared annotator tagged alike. */
  readonly agreed: vscode.TextEditorDecorationType;
  /** A span only some annotators tagged so, inside a disagreement. */
  readonly disputed: vscode.TextEditorDecorationType;
  /** Another annotator's tag offered to the reviewer ("review one annotator"). */
  readonly offered: vscode.TextEditorDecorationType;
}

/**
 * Paints the review on editors: others' tags as boxes in their label's colour (solid where all
 * agree, dotted where they differ), offered tags with a dotted underline, and a gutter icon and an
 * overview-ruler mark where annotators disagree. Like every Tawsim decoration, only overlay
 * properties (border, outline, gutter, ruler) are used: inline ones would split Arabic lines into
 * pieces that VS Code then shows in the wrong order with broken joining. The reviewer's own tags
 * keep their background from the annotation painter, so the two never hide each other.
 */
export class ReviewDecorations implements vscode.Disposable {
  private types = new Map<string, LabelTypes>();
  private readonly unknownTypes: LabelTypes;
  private readonly openMark: vscode.TextEditorDecorationType;
  private readonly closedMark: vscode.TextEditorDecorationType;
  private labelsKey = '';
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly sessions: ReviewSessions,
    private readonly suggestions: AnnotatorSuggestions,
    stores: AnnotationStores,
    private readonly labels: () => readonly LabelDefinition[],
    extensionUri: vscode.Uri,
  ) {
    this.unknownTypes = createTypes(UNKNOWN_LABEL);
    this.openMark = vscode.window.createTextEditorDecorationType({
      gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'review', 'disagreement.svg'),
      gutterIconSize: 'contain',
      overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.warningForeground'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    });
    this.closedMark = vscode.window.createTextEditorDecorationType({
      gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'review', 'resolved.svg'),
      gutterIconSize: 'contain',
    });
    this.disposables.push(
      sessions.onDidChange((uri) => this.paint(uri)),
      suggestions.onDidChange((uri) => this.paint(uri)),
      stores.onDidChange((store) => this.paint(store.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tawsim.labels')) this.paintAll();
      }),
    );
  }

  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paintEditor(editor);
  }

  private paint(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) this.paintEditor(editor);
  }

  private paintEditor(editor: vscode.TextEditor): void {
    this.ensureTypes();
    const byType = new Map<vscode.TextEditorDecorationType, vscode.Range[]>();
    for (const t of [...this.types.values(), this.unknownTypes]) for (const d of [t.agreed, t.disputed, t.offered]) byType.set(d, []);
    byType.set(this.openMark, []);
    byType.set(this.closedMark, []);
    const doc = editor.document;
    const review = this.sessions.get(doc.uri);
    // The review was built on the text of its last rebuild; while edits wait for the next one, its
    // offsets may not fit the document, so nothing is painted rather than boxes in the wrong place.
    if (review && review.text === doc.getText()) this.addReview(review, doc, byType);
    for (const s of this.suggestions.pending(doc)) {
      byType.get(this.typesOf(s.annotation.label).offered)?.push(new vscode.Range(doc.positionAt(s.annotation.start), doc.positionAt(s.annotation.end)));
    }
    for (const [type, ranges] of byType) editor.setDecorations(type, ranges);
  }

  private addReview(review: DocumentReview, doc: vscode.TextDocument, byType: Map<vscode.TextEditorDecorationType, vscode.Range[]>): void {
    const range = (start: number, end: number): vscode.Range => new vscode.Range(doc.positionAt(review.index.toUtf16(start)), doc.positionAt(review.index.toUtf16(end)));
    const box = (p: Proposal, style: 'agreed' | 'disputed'): void => void byType.get(this.typesOf(p.label)[style])?.push(range(p.start, p.end));
    for (const p of review.comparison.agreed) box(p, 'agreed');
    for (const d of review.comparison.disagreements) {
      for (const p of d.proposals) box(p, 'disputed');
      const open = review.state.openIds.includes(d.id);
      // The mark sits on the disagreement's first line only, so a long span gets one icon.
      const at = range(d.start, d.start);
      byType.get(open ? this.openMark : this.closedMark)?.push(at);
    }
  }

  private typesOf(label: string): LabelTypes {
    return this.types.get(label) ?? this.unknownTypes;
  }

  /** Decoration types are made once per label and again only when the label set changes. */
  private ensureTypes(): void {
    const labels = this.labels();
    const key = JSON.stringify(labels);
    if (key === this.labelsKey) return;
    for (const t of this.types.values()) disposeTypes(t);
    this.types = new Map(labels.map((l) => [l.id, createTypes(l)]));
    this.labelsKey = key;
  }

  dispose(): void {
    for (const t of this.types.values()) disposeTypes(t);
    disposeTypes(this.unknownTypes);
    this.openMark.dispose();
    this.closedMark.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function createTypes(label: LabelDefinition): LabelTypes {
  const color = labelColor(label);
  return {
    agreed: vscode.window.createTextEditorDecorationType({
      border: '1px solid',
      borderColor: color,
      borderRadius: '3px',
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    disputed: vscode.window.createTextEditorDecorationType({
      border: '1px dotted',
      borderColor: color,
      borderRadius: '3px',
      overviewRulerColor: color,
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    offered: vscode.window.createTextEditorDecorationType({
      borderColor: color,
      borderStyle: 'none none dotted none',
      borderWidth: '0 0 2px 0',
      overviewRulerColor: color,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  };
}

function disposeTypes(t: LabelTypes): void {
  t.agreed.dispose();
  t.disputed.dispose();
  t.offered.dispose();
}
