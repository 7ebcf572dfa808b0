import * as vscode from 'vscode';
import type { Span } from '../core/model/shift';
import { relationMarks } from '../core/model/relationMarks';
import type { AnnotationStores } from './annotationStores';

/** Annotation changes and cursor moves come in bursts; the marks follow once after them. */
const PAINT_DELAY_MS = 60;

/**
 * Marks relations in the editor with overlay properties only (see decorations.ts for why): every
 * annotation at an end of a relation gets a dotted top border, and when the cursor is in one, the
 * annotations it is related to get an outline. Relation types and the other end's text are in the
 * hover; nothing is ever written into the line, so Arabic text keeps its order and joining.
 */
export class RelationMarkPainter implements vscode.Disposable {
  private readonly linked = vscode.window.createTextEditorDecorationType({
    borderColor: new vscode.ThemeColor('tawsim.relation'),
    borderStyle: 'dotted none none none',
    borderWidth: '2px 0 0 0',
    overviewRulerColor: new vscode.ThemeColor('tawsim.relation'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly partner = vscode.window.createTextEditorDecorationType({
    outlineColor: new vscode.ThemeColor('tawsim.relation'),
    outlineStyle: 'solid',
    outlineWidth: '1px',
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  /** What each editor shows now, in UTF-16 offsets; the integration tests read it. */
  private readonly shown = new WeakMap<vscode.TextEditor, { readonly linked: readonly Span[]; readonly partners: readonly Span[] }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [this.linked, this.partner];

  constructor(private readonly stores: AnnotationStores) {
    this.disposables.push(
      stores.onDidOpen((store) => this.schedule(store.uri)),
      stores.onDidChangeAnnotations(({ store }) => this.schedule(store.uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const e of editors) this.schedule(e.document.uri);
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => this.schedule(e.textEditor.document.uri)),
    );
    for (const e of vscode.window.visibleTextEditors) this.schedule(e.document.uri);
  }

  /** The spans marked in an editor, UTF-16 (empty when none). */
  marksOf(editor: vscode.TextEditor): { readonly linked: readonly Span[]; readonly partners: readonly Span[] } {
    return this.shown.get(editor) ?? { linked: [], partners: [] };
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === key) this.paint(editor);
      }, PAINT_DELAY_MS),
    );
  }

  private paint(editor: vscode.TextEditor): void {
    const store = this.stores.get(editor.document.uri);
    const relations = store?.loaded ? store.tracked.relations : [];
    const before = this.shown.get(editor);
    if (relations.length === 0) {
      // Most texts have no relations: nothing to compute, and nothing to clear unless marks were shown.
      if (before && (before.linked.length > 0 || before.partners.length > 0)) this.show(editor, { linked: [], partners: [] });
      return;
    }
    const cursor = editor.selection.isEmpty ? editor.document.offsetAt(editor.selection.active) : undefined;
    this.show(editor, relationMarks(store?.tracked.all ?? [], relations, cursor));
  }

  private show(editor: vscode.TextEditor, marks: { readonly linked: readonly Span[]; readonly partners: readonly Span[] }): void {
    const doc = editor.document;
    const ranges = (spans: readonly Span[]): vscode.Range[] => spans.map((s) => new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
    editor.setDecorations(this.linked, ranges(marks.linked));
    editor.setDecorations(this.partner, ranges(marks.partners));
    this.shown.set(editor, marks);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
