import * as vscode from 'vscode';
import type { Annotation } from '../core/model/annotation';
import type { LabelDefinition } from '../core/model/labels';
import type { TextEdit } from '../core/model/shift';
import type { AnnotationStores } from './annotationStores';
import type { AnnotationDocument, StoreChange } from './annotationDocument';
import { labelBackground, labelColor } from './labelStyles';

const UPDATE_DELAY_MS = 30;
/** After typing stops for this long, a large document's every span is painted again. */
const IDLE_DELAY_MS = 1500;
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
  /** Why it was painted: a change of the text, tags or suggestions; the idle repaint after typing; editors shown or labels changed. */
  readonly cause: PaintCause;
}
export type PaintCause = 'change' | 'idle' | 'layout';
/** Spans with a label outside the label set are still shown, in a neutral colour. */
const UNKNOWN_LABEL: LabelDefinition = { id: '?', en: 'Unknown', ar: 'غير معروف', color: '#999999' };

interface LabelTypes {
  readonly accepted: vscode.TextEditorDecorationType;
  readonly suggested: vscode.TextEditorDecorationType;
}

/** Both layers of one label: the window around the viewport, and the rest of the document. */
interface LayeredTypes {
  readonly window: LabelTypes;
  readonly rest: LabelTypes;
}

/**
 * What a large document's last full paint left, per editor: the window (offsets around the
 * viewport, moved with every edit as a range that grows with text typed into it) and the ids of
 * the spans painted in the rest layer. Until the next full paint, only the window layer is painted
 * again; the rest stays as VS Code moves it (decorations follow edits by the same rule as spans).
 */
interface Layering {
  from: number;
  to: number;
  readonly restIds: ReadonlySet<string>;
}

/**
 * Paints annotations on editors. Only overlay properties are used (background, border, overview
 * ruler): inline properties (colour, font, before/after text) split a line into several spans, and
 * VS Code then shows right-to-left words in the wrong order and breaks the joining of letters.
 * Decoration types are made once per label, style and layer, and again only when the label set
 * changes.
 *
 * Large documents are painted in two layers so that typing never repaints every tag: a change
 * inside the window around the viewport repaints that window at once, and every span is painted
 * again only when the editor is idle (or when a change reaches beyond the window).
 */
export class DecorationPainter implements vscode.Disposable {
  private types = new Map<string, LayeredTypes>();
  private unknownTypes: LayeredTypes;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly idleTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document: a change reached beyond the window since the last paint, so the next one is full. */
  private readonly needsFull = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Extra spans to show as suggestions, per document (the recogniser's, kept elsewhere). */
  private suggestionSource: (store: AnnotationDocument) => readonly Annotation[] = () => [];
  private readonly painted = new vscode.EventEmitter<PaintEvent>();
  /** Fires after each paint; tests follow the viewport-first order through it. */
  readonly onDidPaint = this.painted.event;
  /** Full paints waiting behind a visible-first paint, per editor. */
  private readonly pendingFull = new WeakMap<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  private readonly layering = new WeakMap<vscode.TextEditor, Layering>();
  /** The cause of the paint in progress, for its events. */
  private cause: PaintCause = 'change';

  constructor(private readonly stores: AnnotationStores) {
    this.unknownTypes = createLayeredTypes(UNKNOWN_LABEL);
    this.disposables.push(
      stores.onDidOpen((store) => this.schedule(store.uri)),
      stores.onDidChangeAnnotations(({ store, change }) => this.onStoreChange(store, change)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onScroll(e.textEditor)),
      this.painted,
    );
  }

  setLabels(labels: readonly LabelDefinition[]): void {
    for (const t of this.types.values()) disposeLayeredTypes(t);
    this.types = new Map(labels.map((l) => [l.id, createLayeredTypes(l)]));
    this.paintAll();
  }

  setSuggestionSource(source: (store: AnnotationDocument) => readonly Annotation[]): void {
    this.suggestionSource = source;
  }

  /**
   * Repaints the editors of one document soon; bursts of changes give one repaint. With `dirty`
   * (UTF-16 offsets) a large document repaints only its window when the change lies inside it.
   */
  schedule(uri: vscode.Uri, dirty?: { readonly start: number; readonly end: number }): void {
    const key = uri.toString();
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
    if (!dirty || editors.some((e) => !this.insideWindow(e, dirty))) this.needsFull.add(key);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.paint(uri);
      }, UPDATE_DELAY_MS),
    );
  }

  private onStoreChange(store: AnnotationDocument, change: StoreChange): void {
    if (change.kind === 'edit') for (const editor of this.editorsOf(store.uri)) this.followEdits(editor, change.edits);
    this.schedule(store.uri, change.kind === 'reload' ? undefined : change.dirty);
  }

  /** The window moves with the text, and grows with what is typed into it or at its edges. */
  private followEdits(editor: vscode.TextEditor, edits: readonly TextEdit[]): void {
    const layer = this.layering.get(editor);
    if (!layer) return;
    for (const e of [...edits].sort((x, y) => y.start - x.start)) {
      const delta = e.insertedLength - (e.end - e.start);
      if (e.end < layer.from) {
        layer.from += delta;
        layer.to += delta;
      } else if (e.start <= layer.to) {
        layer.from = Math.min(layer.from, e.start);
        layer.to = Math.max(e.start + e.insertedLength, layer.to + delta);
      }
    }
  }

  private insideWindow(editor: vscode.TextEditor, dirty: { readonly start: number; readonly end: number }): boolean {
    const layer = this.layering.get(editor);
    return layer !== undefined && layer.from <= dirty.start && dirty.end <= layer.to;
  }

  /** Scrolling out of the window needs the whole document painted again (soon, not at once). */
  private onScroll(editor: vscode.TextEditor): void {
    const layer = this.layering.get(editor);
    if (!layer || editor.visibleRanges.length === 0) return;
    const doc = editor.document;
    const from = doc.offsetAt(editor.visibleRanges[0]?.start ?? new vscode.Position(0, 0));
    const to = doc.offsetAt(editor.visibleRanges[editor.visibleRanges.length - 1]?.end ?? new vscode.Position(0, 0));
    if (from < layer.from || to > layer.to) this.schedule(doc.uri);
  }

  /** No paint of this document is waiting: the debounced one, the second step of a full one, the idle one. */
  settled(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return !this.timers.has(key) && !this.idleTimers.has(key) && this.editorsOf(uri).every((e) => !this.pendingFull.has(e));
  }

  paintAll(): void {
    this.withCause('layout', () => {
      for (const editor of vscode.window.visibleTextEditors) this.paintEditor(editor, true);
    });
  }

  private editorsOf(uri: vscode.Uri): vscode.TextEditor[] {
    return vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === uri.toString());
  }

  private paint(uri: vscode.Uri): void {
    const key = uri.toString();
    const full = this.needsFull.delete(key);
    for (const editor of this.editorsOf(uri)) this.paintEditor(editor, full);
  }

  /**
   * Small documents are painted whole. Large ones are painted in two steps: the window around the
   * visible lines at once, then every span on the next turn of the event loop (`full`) or when the
   * editor is idle (a change inside the window), so that neither opening a long article nor typing
   * in it waits for the rest.
   */
  private paintEditor(editor: vscode.TextEditor, full: boolean): void {
    clearTimeout(this.pendingFull.get(editor));
    const store = this.stores.get(editor.document.uri);
    const suggestions = store ? this.suggestionSource(store) : [];
    const total = store ? store.tracked.size + suggestions.length : 0;
    if (!store || total <= VISIBLE_FIRST_ABOVE || editor.visibleRanges.length === 0) {
      this.layering.delete(editor);
      this.paintWhole(editor, store, suggestions);
      return;
    }
    const layer = this.layering.get(editor);
    if (full || !layer) {
      const doc = editor.document;
      const visible = editor.visibleRanges;
      const firstLine = Math.max(0, Math.min(...visible.map((r) => r.start.line)) - VIEWPORT_MARGIN_LINES);
      const lastLine = Math.min(doc.lineCount - 1, Math.max(...visible.map((r) => r.end.line)) + VIEWPORT_MARGIN_LINES);
      // The window first, alone (the rest layer is emptied until the full paint fills it).
      this.layering.set(editor, { from: doc.offsetAt(new vscode.Position(firstLine, 0)), to: doc.offsetAt(doc.lineAt(lastLine).range.end), restIds: new Set() });
      this.paintWindow(editor, store, suggestions, true);
      this.pendingFull.set(
        editor,
        setTimeout(
          (cause: PaintCause) => {
            this.pendingFull.delete(editor);
            if (!editor.document.isClosed) this.withCause(cause, () => this.paintLayers(editor));
          },
          0,
          this.cause,
        ),
      );
      return;
    }
    this.paintWindow(editor, store, suggestions, false);
    // The rest follows VS Code's own tracking until the editor is idle; then it is painted anew.
    const key = editor.document.uri.toString();
    clearTimeout(this.idleTimers.get(key));
    this.idleTimers.set(
      key,
      setTimeout(() => {
        this.idleTimers.delete(key);
        this.needsFull.add(key);
        this.withCause('idle', () => this.paint(editor.document.uri));
      }, IDLE_DELAY_MS),
    );
  }

  private withCause(cause: PaintCause, paint: () => void): void {
    const was = this.cause;
    this.cause = cause;
    try {
      paint();
    } finally {
      this.cause = was;
    }
  }

  /** Every span in the window layer's types; the rest layer's types emptied. */
  private paintWhole(editor: vscode.TextEditor, store: AnnotationDocument | undefined, suggestions: readonly Annotation[]): void {
    const doc = editor.document;
    const window = this.emptyRanges('window');
    let spans = 0;
    if (store) {
      for (const a of store.tracked.all) spans += this.collect(window, 'window', doc, a);
      for (const a of suggestions) spans += this.collect(window, 'window', doc, a, 'suggested');
    }
    this.set(editor, window);
    this.set(editor, this.emptyRanges('rest'));
    this.painted.fire({ uri: doc.uri.toString(), phase: 'full', spans, firstLine: 0, lastLine: doc.lineCount - 1, cause: this.cause });
  }

  /** The window layer: spans in the window that the rest layer does not hold. */
  private paintWindow(editor: vscode.TextEditor, store: AnnotationDocument, suggestions: readonly Annotation[], emptyRest: boolean): void {
    const layer = this.layering.get(editor) as Layering;
    const doc = editor.document;
    const window = this.emptyRanges('window');
    let spans = 0;
    for (const a of store.tracked.inRange(layer.from, layer.to)) if (!layer.restIds.has(a.id)) spans += this.collect(window, 'window', doc, a);
    for (const a of suggestions) if (a.end >= layer.from && a.start <= layer.to && !layer.restIds.has(a.id)) spans += this.collect(window, 'window', doc, a, 'suggested');
    this.set(editor, window);
    if (emptyRest) this.set(editor, this.emptyRanges('rest'));
    this.painted.fire({ uri: doc.uri.toString(), phase: 'visible', spans, firstLine: doc.positionAt(layer.from).line, lastLine: doc.positionAt(layer.to).line, cause: this.cause });
  }

  /** Both layers: the window's spans in one, every other span in the other. */
  private paintLayers(editor: vscode.TextEditor): void {
    const store = this.stores.get(editor.document.uri);
    const layer = this.layering.get(editor);
    if (!store || !layer) return;
    const doc = editor.document;
    const window = this.emptyRanges('window');
    const rest = this.emptyRanges('rest');
    const restIds = new Set<string>();
    let spans = 0;
    const place = (a: Annotation, style?: keyof LabelTypes): void => {
      const inWindow = a.end >= layer.from && a.start <= layer.to;
      if (!inWindow) restIds.add(a.id);
      spans += inWindow ? this.collect(window, 'window', doc, a, style) : this.collect(rest, 'rest', doc, a, style);
    };
    for (const a of store.tracked.all) place(a);
    for (const a of this.suggestionSource(store)) place(a, 'suggested');
    this.layering.set(editor, { from: layer.from, to: layer.to, restIds });
    this.set(editor, window);
    this.set(editor, rest);
    this.painted.fire({ uri: doc.uri.toString(), phase: 'full', spans, firstLine: 0, lastLine: doc.lineCount - 1, cause: this.cause });
  }

  private emptyRanges(layer: keyof LayeredTypes): Map<vscode.TextEditorDecorationType, vscode.Range[]> {
    const byType = new Map<vscode.TextEditorDecorationType, vscode.Range[]>();
    for (const t of [...this.types.values(), this.unknownTypes]) {
      byType.set(t[layer].accepted, []);
      byType.set(t[layer].suggested, []);
    }
    return byType;
  }

  /** Adds a span's range to its type in one layer; returns 1 when it is shown (rejected suggestions are not). */
  private collect(
    byType: Map<vscode.TextEditorDecorationType, vscode.Range[]>,
    layer: keyof LayeredTypes,
    doc: vscode.TextDocument,
    a: Annotation,
    style: keyof LabelTypes | undefined = a.status === 'accepted' ? 'accepted' : a.status === 'suggested' ? 'suggested' : undefined,
  ): number {
    if (!style) return 0;
    const types = (this.types.get(a.label) ?? this.unknownTypes)[layer];
    byType.get(types[style])?.push(new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end)));
    return 1;
  }

  private set(editor: vscode.TextEditor, byType: Map<vscode.TextEditorDecorationType, vscode.Range[]>): void {
    for (const [type, ranges] of byType) editor.setDecorations(type, ranges);
  }

  dispose(): void {
    for (const timer of [...this.timers.values(), ...this.idleTimers.values()]) clearTimeout(timer);
    for (const t of this.types.values()) disposeLayeredTypes(t);
    disposeLayeredTypes(this.unknownTypes);
    for (const d of this.disposables) d.dispose();
  }
}

function createLayeredTypes(label: LabelDefinition): LayeredTypes {
  return { window: createTypes(label), rest: createTypes(label) };
}

function createTypes(label: LabelDefinition): LabelTypes {
  const color = labelColor(label);
  return {
    // OpenOpen: text typed at either edge stays outside, as Tawsim's own spans behave (see shiftSpan),
    // so between paints VS Code moves these exactly as the store moves the spans.
    accepted: vscode.window.createTextEditorDecorationType({
      backgroundColor: labelBackground(label),
      borderRadius: '2px',
      overviewRulerColor: color,
      overviewRulerLane: vscode.OverviewRulerLane.Center,
      rangeBehavior: vscode.DecorationRangeBehavior.OpenOpen,
    }),
    // A dashed bottom border reads as an underline without touching the text's layout.
    suggested: vscode.window.createTextEditorDecorationType({
      borderColor: color,
      borderStyle: 'none none dashed none',
      borderWidth: '0 0 2px 0',
      overviewRulerColor: color,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.OpenOpen,
    }),
  };
}

function disposeLayeredTypes(t: LayeredTypes): void {
  for (const layer of [t.window, t.rest]) {
    layer.accepted.dispose();
    layer.suggested.dispose();
  }
}
