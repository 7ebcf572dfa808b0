import * as vscode from 'vscode';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import type { SidecarProblem } from '../../core/sidecar/sidecarTypes';
import type { LabelDefinition } from '../../core/model/labels';
import type { ProjectSchema } from '../../core/model/projectSchema';
import { DEFAULT_PROJECT_SCHEMA } from '../../core/model/projectSchema';
import { CodePointIndex } from '../../core/model/offsets';
import type { AnnotationStores } from '../annotationStores';
import { isSidecarDocument, outlineOf, readAnnotatedText, textUriOf } from './sidecarText';

/** Checks wait for a pause in typing, so a long sidecar is not re-parsed on every key. */
const DEBOUNCE_MS = 300;

/**
 * Problems of a sidecar open in an editor, as the user types: YAML and schema errors at their
 * line (parseSidecar's own problems), and annotations whose `text` is not what the document
 * holds at their offsets. ProblemReporter reports sidecars as loaded from disk; this covers the
 * one being edited, in its own collection, and only while it is open.
 */
export class SidecarDiagnostics implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('tawsim-sidecar');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per document, the latest check started, so a slow read of the text cannot publish stale results. */
  private readonly runs = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly stores: AnnotationStores,
    private readonly labels: () => readonly LabelDefinition[],
    private readonly schema: () => ProjectSchema = () => DEFAULT_PROJECT_SCHEMA,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      // The annotated text changed: offsets in an open sidecar may now point elsewhere.
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (!isSidecarDocument(d)) this.recheckAll();
      }),
      // A store loading its sidecar decides whether ProblemReporter already shows its problems.
      stores.onDidOpen(() => this.recheckAll()),
    );
    this.recheckAll();
  }

  /** Re-checks every open sidecar (labels or settings changed). */
  recheckAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isSidecarDocument(document) || document.uri.scheme === 'git') return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, delay),
    );
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    if (document.isClosed) return;
    const key = document.uri.toString();
    const run = (this.runs.get(key) ?? 0) + 1;
    this.runs.set(key, run);
    const text = document.getText();
    const parsed = parseSidecar(text, { labels: this.labels(), schema: this.schema() });
    const out: vscode.Diagnostic[] = [];
    // A store that loaded exactly this content has its problems in the Problems panel already
    // (ProblemReporter); repeating them would list every error twice.
    const store = this.stores.all().find((s) => s.sidecarUri.toString() === key);
    if (store?.diskContent !== text) out.push(...parsed.problems.map((p) => this.toDiagnostic(document, p)));
    if (parsed.sidecar) out.push(...(await this.checkAgainstText(document)));
    if (this.runs.get(key) !== run || document.isClosed) return;
    this.diagnostics.set(document.uri, out);
  }

  /** Annotations whose `text` differs from the document at their offsets, and a missing document. */
  private async checkAgainstText(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
    const outline = outlineOf(document);
    if (outline.documentPath === undefined) return [];
    const textUri = textUriOf(document.uri, outline.documentPath);
    // Offsets in a sidecar describe the text as saved, not unsaved edits of it.
    const content = await readAnnotatedText(textUri, 'saved');
    const out: vscode.Diagnostic[] = [];
    if (content === undefined) {
      const line = outline.documentPathLine ?? 0;
      out.push(this.lineDiagnostic(document, line, vscode.l10n.t('The text {0} was not found beside this sidecar.', outline.documentPath), vscode.DiagnosticSeverity.Warning));
      return out;
    }
    const index = new CodePointIndex(content);
    for (const entry of outline.entries) {
      if (entry.start === undefined || entry.end === undefined || entry.text === undefined) continue;
      if (entry.end > index.codePointLength || entry.start > entry.end) continue;
      const actual = content.slice(index.toUtf16(entry.start), index.toUtf16(entry.end));
      if (actual === entry.text) continue;
      out.push(
        this.lineDiagnostic(
          document,
          entry.textLine ?? entry.line,
          vscode.l10n.t(
            '«{0}» is not the text at {1}–{2}, which reads «{3}»; Tawsim re-anchors the annotation when the text is opened.',
            entry.text,
            entry.start,
            entry.end,
            actual,
          ),
          vscode.DiagnosticSeverity.Warning,
        ),
      );
    }
    return out;
  }

  private toDiagnostic(document: vscode.TextDocument, p: SidecarProblem): vscode.Diagnostic {
    const line = Math.min(Math.max(0, (p.line ?? 1) - 1), document.lineCount - 1);
    const text = document.lineAt(line).text;
    const column = Math.min(Math.max(0, (p.column ?? 1) - 1), text.length);
    // From the problem's column to the end of the line's content, so the squiggle is visible.
    const end = Math.min(text.length, Math.max(column + 1, text.trimEnd().length));
    const d = new vscode.Diagnostic(
      new vscode.Range(line, column, line, end),
      p.message,
      p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
    );
    d.source = 'Tawsim';
    return d;
  }

  private lineDiagnostic(document: vscode.TextDocument, line: number, message: string, severity: vscode.DiagnosticSeverity): vscode.Diagnostic {
    const safe = Math.min(Math.max(0, line), document.lineCount - 1);
    const text = document.lineAt(safe).text;
    const start = text.length - text.trimStart().length;
    const d = new vscode.Diagnostic(new vscode.Range(safe, start, safe, text.trimEnd().length), message, severity);
    d.source = 'Tawsim';
    return d;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.runs.delete(key);
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
    this.diagnostics.dispose();
  }
}
