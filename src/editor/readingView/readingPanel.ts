import * as vscode from 'vscode';
import { isThemed } from '../labelStyles';
import { commandArgs, parsePageMessage } from '../../core/reading/pageMessages';
import type { HostMessage, LabelStyle, PageMessage, PagePosition } from '../../core/reading/readingProtocol';
import { inOrder } from '../../core/reading/readingOffsets';
import { SentBlocks } from '../../core/reading/sentBlocks';
import { CommandId } from '../commandIds';
import { webviewPage, webviewRoots } from '../webviewPage';
import type { ReadingInputs } from './readingSource';
import { ReadingSource } from './readingSource';
import { readingStrings } from './readingStrings';
import type { ReadingViewSettings } from './readingViewSettings';
import { readReadingViewSettings } from './readingViewSettings';

export const READING_VIEW_TYPE = 'tawsim.readingView';

/** Changes come in bursts (a paste, a reload, a batch of suggestions): the page is updated once after them. */
const UPDATE_DELAY_MS = 15;
/** After one side scrolls the other, the other's own scroll event is its echo, not the reader's. */
const ECHO_MS = 400;
/** Paragraphs sent with the document, around the editor's first visible line. */
const OPENING_BEFORE = 5;
const OPENING_AFTER = 40;

/**
 * One reading view: a webview beside the editor that shows one document right to left, with its
 * tags, suggestions and review, and lets the reader tag and decide from there. The page holds only
 * the paragraphs around what it shows and says which (`window`); after every change of the text,
 * the tags, the suggestions or the review, the paragraphs of that window are built again and only
 * those that differ are sent. Everything the reader does goes through Tawsim's commands and the
 * annotation store, so there is one behaviour and one annotation history.
 */
export class ReadingPanel implements vscode.Disposable {
  /** The document shown; another object for the same file after VS Code closed and reopened it. */
  document: vscode.TextDocument;
  private source: ReadingSource;
  private readonly sent = new SentBlocks();
  private ready = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastStatus = '';
  private settings: ReadingViewSettings;
  /** Until when a scroll of the editor is the echo of one the view asked for. */
  private editorEchoUntil = 0;
  private disposed = false;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  /** Every message sent to the page (tests follow the protocol through it). */
  readonly onDidPost = this.posted.event;
  private readonly handled = new vscode.EventEmitter<PageMessage>();
  /** Every page message, once it has been acted on. */
  readonly onDidHandle = this.handled.event;
  private readonly closed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.closed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    document: vscode.TextDocument,
    private readonly inputs: ReadingInputs,
    extensionUri: vscode.Uri,
    /** Fires when the document's review changes. */
    onReview: vscode.Event<vscode.Uri>,
    /** Fires when a document's suggestions change. */
    onSuggestions: vscode.Event<{ readonly uri: vscode.Uri }>,
  ) {
    this.document = document;
    this.source = new ReadingSource(document, inputs);
    this.settings = readReadingViewSettings(document.uri);
    panel.webview.options = { enableScripts: true, localResourceRoots: webviewRoots(extensionUri, 'readingView', [vscode.Uri.joinPath(extensionUri, 'dist', 'readingView')]) };
    panel.webview.html = webviewPage(
      panel.webview,
      extensionUri,
      { folder: 'readingView', script: 'readingView.js', style: 'readingView.css', scriptPath: ['dist', 'readingView', 'readingView.js'] },
      panel.title,
    );
    const mine = (uri: vscode.Uri): boolean => uri.toString() === document.uri.toString();
    this.disposables.push(
      this.posted,
      this.handled,
      this.closed,
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) this.onTextChange(e);
      }),
      inputs.stores.onDidChange((store) => {
        if (mine(store.uri)) this.schedule();
      }),
      onSuggestions((e) => {
        if (!mine(e.uri)) return;
        this.source.suggestionsPublished();
        this.schedule();
      }),
      onReview((uri) => {
        if (!mine(uri)) return;
        this.source.reviewRebuilt();
        this.schedule();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document === this.document) this.followEditor(e.textEditor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tawsim.readingView') || e.affectsConfiguration('tawsim.labels')) this.restyle();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) void this.reopen();
      }),
    );
  }

  /** Handles a message from the page; public so that tests can speak for the page. */
  async receive(raw: unknown): Promise<void> {
    const message = parsePageMessage(raw);
    if (!message || this.disposed) return;
    try {
      await this.handle(message);
    } finally {
      this.handled.fire(message);
    }
  }

  private async handle(message: PageMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        this.sent.clear();
        this.lastStatus = '';
        // The paragraphs where the editor is come with the document: the page draws them at once.
        const top = this.editors()[0]?.visibleRanges[0]?.start ?? new vscode.Position(0, 0);
        this.sent.setWindow(Math.max(0, top.line - OPENING_BEFORE), top.line + OPENING_AFTER);
        const { blocks } = this.sent.changed(this.source.lineCount, (line) => this.source.block(line));
        await this.post({
          type: 'init',
          uri: this.document.uri.toString(),
          fileName: this.document.uri.path.split('/').pop() ?? '',
          strings: readingStrings(),
          labels: this.labelStyles(),
          settings: this.settings,
          lengths: this.source.lengths(),
          top: { line: top.line, character: top.character },
          window: this.sent.window,
          blocks,
        });
        this.update();
        return;
      }
      case 'window':
        this.sent.setWindow(message.first, message.last);
        this.update();
        return;
      case 'scrolled':
        return this.scrollEditors(message.at);
      case 'select':
        return this.selectInEditor(message.from, message.to);
      case 'tag':
        return this.tag(message.label, message.from, message.to, message.quote);
      case 'run':
        await vscode.commands.executeCommand(message.command, commandArgs(message.args, this.document.uri.toString()));
        return;
      case 'undo':
      case 'redo': {
        const store = this.source.store();
        const done = message.type === 'undo' ? store?.undo() : store?.redo();
        if (!done) void vscode.window.setStatusBarMessage(message.type === 'undo' ? vscode.l10n.t('Nothing to undo') : vscode.l10n.t('Nothing to redo'), 3000);
        return;
      }
      case 'navigate':
        return this.navigate(message.from, message.direction);
    }
  }

  /** Tags what the reader selected in the view, through `tawsim.tag`, in code points. */
  private async tag(label: string, a: PagePosition, b: PagePosition, quote: string): Promise<void> {
    const [from, to] = inOrder(a, b);
    const range = new vscode.Range(this.source.positionOf(from), this.source.positionOf(to));
    // The page may have sent this before an edit reached it: tag only the text it showed.
    if (this.document.getText(range).replace(/\r\n?/g, '\n') !== quote) {
      await this.post({ type: 'announce', text: readingStrings().textChanged });
      return;
    }
    const put = await vscode.commands.executeCommand<unknown[]>(CommandId.tag, {
      label,
      uri: this.document.uri.toString(),
      start: this.source.codePointOf(from),
      end: this.source.codePointOf(to),
    });
    if (Array.isArray(put) && put.length > 0) await this.post({ type: 'announce', text: readingStrings().tagged.replace('{0}', quote.trim()).replace('{1}', label) });
  }

  private async navigate(from: PagePosition, direction: 1 | -1): Promise<void> {
    const at = this.source.offsetOf(from);
    const spans = this.source.navigable();
    const next = direction > 0 ? spans.find((s) => s.start > at) : [...spans].reverse().find((s) => s.start < at);
    if (!next) return;
    const start = this.document.positionAt(next.start);
    const end = this.document.positionAt(next.end);
    this.revealInEditors(new vscode.Range(start, end), true);
    await this.post({
      type: 'focusSpan',
      line: start.line,
      start: start.character,
      end: start.line === end.line ? end.character : this.document.lineAt(start.line).text.length,
      label: next.label,
    });
  }

  private selectInEditor(a: PagePosition, b: PagePosition): void {
    const [from, to] = inOrder(a, b);
    this.revealInEditors(new vscode.Range(this.source.positionOf(from), this.source.positionOf(to)), true);
  }

  private revealInEditors(range: vscode.Range, select: boolean): void {
    for (const editor of this.editors()) {
      if (select) editor.selection = new vscode.Selection(range.start, range.end);
      const visible = editor.visibleRanges.some((r) => r.contains(range));
      if (!visible) {
        this.editorEchoUntil = Date.now() + ECHO_MS;
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    }
  }

  private scrollEditors(at: PagePosition): void {
    if (!this.settings.followEditor) return;
    const p = this.source.positionOf(at);
    for (const editor of this.editors()) {
      const top = editor.visibleRanges[0]?.start;
      if (top && top.line === p.line) continue;
      this.editorEchoUntil = Date.now() + ECHO_MS;
      editor.revealRange(new vscode.Range(p, p), vscode.TextEditorRevealType.AtTop);
    }
  }

  private followEditor(editor: vscode.TextEditor | undefined): void {
    if (!editor || !this.ready || !this.settings.followEditor || Date.now() < this.editorEchoUntil) return;
    const top = editor.visibleRanges[0]?.start;
    if (top) void this.post({ type: 'scrollTo', line: top.line, character: top.character });
  }

  private editors(): vscode.TextEditor[] {
    return vscode.window.visibleTextEditors.filter((e) => e.document === this.document);
  }

  /**
   * VS Code closes a document a while after its last editor closes, whoever else shows it: the
   * view opens it again (its store loads the sidecar again) and starts the page afresh.
   */
  private async reopen(): Promise<void> {
    try {
      const document = await vscode.workspace.openTextDocument(this.document.uri);
      if (this.disposed) return;
      this.document = document;
      this.source = new ReadingSource(document, this.inputs);
      await this.inputs.stores.ensure(document);
      if (this.ready) await this.handle({ type: 'ready' });
    } catch {
      // The file is gone: there is nothing left to read.
      this.panel.dispose();
    }
  }

  private onTextChange(event: vscode.TextDocumentChangeEvent): void {
    const splice = this.source.applyTextChange(event);
    if (!splice || !this.ready) return;
    this.sent.splice(splice);
    // The store has followed the edit already (it listens first), so the new lines' spans are right.
    const { blocks, starts } = this.sent.changed(this.source.lineCount, (line) => this.source.block(line));
    void this.post({ type: 'splice', at: splice.at, removed: splice.removed, lengths: this.source.lengths(splice.at, splice.inserted), blocks, starts });
  }

  private schedule(): void {
    if (!this.ready || this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, UPDATE_DELAY_MS);
  }

  /** Sends what changed in the page's window, and the banner when it changed. */
  private update(): void {
    if (!this.ready || this.disposed) return;
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const { blocks, starts } = this.sent.changed(this.source.lineCount, (line) => this.source.block(line));
    if (blocks.length > 0 || starts.length > 0) void this.post({ type: 'blocks', blocks, starts });
    const status = this.source.status();
    const key = JSON.stringify(status);
    if (key !== this.lastStatus) {
      this.lastStatus = key;
      void this.post({ type: 'status', status });
    }
  }

  private restyle(): void {
    this.settings = readReadingViewSettings(this.document.uri);
    if (!this.ready) return;
    void this.post({ type: 'style', labels: this.labelStyles(), settings: this.settings });
    this.sent.clear();
    this.update();
  }

  private labelStyles(): LabelStyle[] {
    const names = this.settings.labelNames;
    const arabic = names === 'arabic' || (names === 'auto' && vscode.env.language.startsWith('ar'));
    return this.inputs.labels().map((l) => ({
      id: l.id,
      name: names === 'id' ? l.id : arabic ? l.ar : l.en,
      color: l.color,
      themed: isThemed(l),
      ...(l.key !== undefined ? { key: l.key } : {}),
    }));
  }

  private async post(message: HostMessage): Promise<void> {
    if (this.disposed) return;
    this.posted.fire(message);
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.closed.fire();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}
