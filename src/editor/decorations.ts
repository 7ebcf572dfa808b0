import * as vscode from 'vscode';
import type { Annotation } from '../core/model/annotation';
import type { LabelDefinition } from '../core/model/labels';
import type { AnnotationStores } from './annotationStores';
import type { AnnotationDocument } from './annotationDocument';
import { labelBackground, labelColor } from './labelStyles';

const UPDATE_DELAY_MS = 30;
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
  private labels: readonly LabelDefinition[] = [];
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Extra spans to show as suggestions, per document (the recogniser's, kept elsewhere). */
  private suggestionSource: (store: AnnotationDocument) => readonly Annotation[] = () => [];

  constructor(private readonly stores: AnnotationStores) {
    this.unknownTypes = createTypes(UNKNOWN_LABEL);
    this.disposables.push(
      stores.onDidChange((store) => this.schedule(store.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
    );
  }

  setLabels(labels: readonly LabelDefinition[]): void {
    for (const t of this.types.values()) disposeTypes(t);
    this.labels = labels;
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

  private paintEditor(editor: vscode.TextEditor): void {
    const store = this.stores.get(editor.document.uri);
    const byType = new Map<vscode.TextEditorDecorationType, vscode.Range[]>();
    for (const t of [...this.types.values(), this.unknownTypes]) {
      byType.set(t.accepted, []);
      byType.set(t.suggested, []);
    }
    if (store) {
      const doc = editor.document;
      const add = (a: Annotation, style: keyof LabelTypes): void => {
        const types = this.types.get(a.label) ?? this.unknownTypes;
        byType.get(types[style])?.push(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)));
      };
      for (const a of store.tracked.all) {
        if (a.status === 'accepted') add(a, 'accepted');
        else if (a.status === 'suggested') add(a, 'suggested');
      }
      for (const a of this.suggestionSource(store)) add(a, 'suggested');
    }
    for (const [type, ranges] of byType) editor.setDecorations(type, ranges);
  }

  get labelSet(): readonly LabelDefinition[] {
    return this.labels;
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
