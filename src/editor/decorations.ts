import * as vscode from 'vscode';
import type { Annotation } from '../core/model/annotation';
import type { LabelDefinition } from '../core/model/labels';
import type { AnnotationStores } from './annotationStores';
import type { AnnotationDocument } from './annotationDocument';
import { labelBackground, labelColor } from './labelStyles';

const UPDATE_DELAY_MS = 30;
/** Above this many spans, the visible lines are painted first and the rest right after. */
const VISIBLE_FIRST_ABOVE = 2000;
/** Lines above and below the viewport painted with it, so a small scroll finds them ready. */
const VIEWPORT_MARGIN_LINES = 50;

/** One paint of one editor: only its visible part, or the whole document. */
export interface PaintEvent {
  readonly uri: string;
  readonly phase: 'visible' | 'full';
  /** Number of decorated spans (tags and suggestions) set on the editor. */
  readonly spans: number;
  /** The line range painted (the whole document for a full paint). */
  readonly firstLine: number;
  readonly lastLine: number;
}
/** Spans with a label outside the label set are still shown, in a neutral colour. */
const UNKNOWN_LABEL: LabelDefinition = { id: '?', en: 'Unknown', ar: 'غير معروف', color: '#999999' };

interface LabelTypes {
  readonly accepted: vscode.TextEditorDecorationType;
  readonly suggested: vscode.TextEditorDecorationType;
}

/**
 * Paints annotations on editors. Only overlay properties are used (background, border, overview
 * ruler): inline properties (colour, font, before/after text) split a line into several spans, and
 * VS Code then shows right-to-left words in the wrong order and breaks the joining of letters.
 * Decoration types are made once per label and style, and again only when the label set changes.
 */
export class DecorationPainter implements vscode.Disposable {
  private types = new Map<string, LabelTypes>();
  private unknownTypes: LabelTypes;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Extra spans to show as suggestions, per document (the recogniser's, kept elsewhere). */
  private suggestionSource: (store: AnnotationDocument) => readonly Annotation[] = () => [];
  private readonly painted = new vscode.EventEmitter<PaintEvent>();
  /** Fires after each paint; tests follow the viewport-first order through it. */
  readonly onDidPaint = this.painted.event;
  /** Full paints waiting behind a visible-first paint, per editor. */
  private readonly pendingFull = new WeakMap<vscode.TextEditor, ReturnType<typeof setTimeout>>();

  constructor(private readonly stores: AnnotationStores) {
    this.unknownTypes = createTypes(UNKNOWN_LABEL);
    this.disposables.push(
      stores.onDidChange((store) => this.schedule(store.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
      this.painted,
    );
  }

  setLabels(labels: readonly LabelDefinition[]): void {
    for (const t of this.types.values()) disposeTypes(t);
    this.types = new Map(labels.map((l) => [l.id, createTypes(l)]));
    this.paintAll();
  }

  setSuggestionSource(source: (store: AnnotationDocument) => readonly Annotation[]): void {
    this.suggestionSource = source;
  }

  /** Repaints the editors of one document soon; bursts of changes give one repaint. */
  schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.paint(uri);
      }, UPDATE_DELAY_MS),
    );
  }

  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paintEditor(editor);
  }

  private paint(uri: vscode.Uri): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === uri.toString()) this.paintEditor(editor);
    }
  }

  /**
   * Large documents are painted in two steps: the spans of the visible lines (with a margin) at
   * once, then every span on the next turn of the event loop, so that opening a long article
   * shows its first screen without waiting for the rest.
   */
  private paintEditor(editor: vscode.TextEditor): void {
    clearTimeout(this.pendingFull.get(editor));
    const store = this.stores.get(editor.document.uri);
    const suggestions = store ? this.suggestionSource(store) : [];
    const total = store ? store.tracked.size + suggestions.length : 0;
    const visible = editor.visibleRanges;
    if (!store || total <= VISIBLE_FIRST_ABOVE || visible.length === 0) {
      this.paintRange(editor, undefined);
      return;
    }
    const doc = editor.document;
    const firstLine = Math.max(0, Math.min(...visible.map((r) => r.start.line)) - VIEWPORT_MARGIN_LINES);
    const lastLine = Math.min(doc.lineCount - 1, Math.max(...visible.map((r) => r.end.line)) + VIEWPORT_MARGIN_LINES);
    this.paintRange(editor, { firstLine, lastLine });
    this.pendingFull.set(
      editor,
      setTimeout(() => {
        if (!editor.document.isClosed) this.paintRange(editor, undefined);
      }, 0),
    );
  }

  private paintRange(editor: vscode.TextEditor, lines: { firstLine: number; lastLine: number } | undefined): void {
    const store = this.stores.get(editor.document.uri);
    const byType = new Map<vscode.TextEditorDecorationType, vscode.Range[]>();
    for (const t of [...this.types.values(), this.unknownTypes]) {
      byType.set(t.accepted, []);
      byType.set(t.suggested, []);
    }
    const doc = editor.document;
    let spans = 0;
    if (store) {
      const from = lines ? doc.offsetAt(new vscode.Position(lines.firstLine, 0)) : 0;
      const to = lines ? doc.offsetAt(doc.lineAt(lines.lastLine).range.end) : Number.POSITIVE_INFINITY;
      const add = (a: Annotation, style: keyof LabelTypes): void => {
        const types = this.types.get(a.label) ?? this.unknownTypes;
        byType.get(types[style])?.push(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)));
        spans++;
      };
      const tags = lines ? store.tracked.inRange(from, to) : store.tracked.all;
      for (const a of tags) {
        if (a.status === 'accepted') add(a, 'accepted');
        else if (a.status === 'suggested') add(a, 'suggested');
      }
      for (const a of this.suggestionSource(store)) if (a.end >= from && a.start <= to) add(a, 'suggested');
    }
    for (const [type, ranges] of byType) editor.setDecorations(type, ranges);
    this.painted.fire({
      uri: doc.uri.toString(),
      phase: lines ? 'visible' : 'full',
      spans,
      firstLine: lines?.firstLine ?? 0,
      lastLine: lines?.lastLine ?? doc.lineCount - 1,
    });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const t of this.types.values()) disposeTypes(t);
    disposeTypes(this.unknownTypes);
    for (const d of this.disposables) d.dispose();
  }
}

function createTypes(label: LabelDefinition): LabelTypes {
  const color = labelColor(label);
  return {
    accepted: vscode.window.createTextEditorDecorationType({
      backgroundColor: labelBackground(label),
      borderRadius: '2px',
      overviewRulerColor: color,
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    // A dashed bottom border reads as an underline without touching the text's layout.
    suggested: vscode.window.createTextEditorDecorationType({
      borderColor: color,
      borderStyle: 'none none dashed none',
      borderWidth: '0 0 2px 0',
      overviewRulerColor: color,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  };
}

function disposeTypes(t: LabelTypes): void {
  t.accepted.dispose();
  t.suggested.dispose();
}
