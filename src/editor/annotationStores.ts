import * as vscode from 'vscode';
import { AnnotationDocument } from './annotationDocument';
import type { StoreChange } from './annotationDocument';
import type { SidecarSync } from './sidecarSync';
import { exists, isSidecarUri, sidecarUriFor } from './sidecarFiles';
import type { TawsimSettings } from './settings';
import type { Logger } from './logger';
import type { SidecarWatcher } from './sidecarWatcher';

/** URI schemes of documents that can have a sidecar beside them. */
const FILE_SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs', 'vscode-test-web']);
/** Annotation changes on a clean document are written after this pause, so bursts give one write. */
const WRITE_DELAY_MS = 300;

/** A store being created: for which document object, and whether the user asked for it. */
interface Loading {
  readonly document: vscode.TextDocument;
  readonly forced: boolean;
  readonly done: Promise<AnnotationDocument | undefined>;
}

/**
 * The owner of every open annotated text's `AnnotationDocument`: decides which documents are
 * annotated, loads their sidecars, follows their edits, and writes their sidecars on save (or at
 * once, debounced, while the text is clean).
 *
 * A store is handed to nobody before its sidecar has been read and placed: `get` does not see it
 * and `ensure` waits for it, so a command issued right after opening a file acts on the loaded
 * annotations, never on an empty store that the load then replaces.
 */
export class AnnotationStores implements vscode.Disposable {
  private readonly stores = new Map<string, AnnotationDocument>();
  private readonly loading = new Map<string, Loading>();
  /** Documents the user asked to annotate although no setting or sidecar says so. */
  private readonly optedIn = new Set<string>();
  private readonly writeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per store, its subscriptions, ended when the store goes. */
  private readonly listeners = new Map<AnnotationDocument, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<AnnotationDocument>();
  /** Fires when a store's annotations or state change (decorations, status bar, views listen). */
  readonly onDidChange = this.changed.event;
  private readonly detailed = new vscode.EventEmitter<{ readonly store: AnnotationDocument; readonly change: StoreChange }>();
  /** Fires with what changed in a store's annotations (the painter redoes only that part). */
  readonly onDidChangeAnnotations = this.detailed.event;
  private readonly opened = new vscode.EventEmitter<AnnotationDocument>();
  /** Fires once per store, when its sidecar is loaded and it is handed out. */
  readonly onDidOpen = this.opened.event;
  private readonly closed = new vscode.EventEmitter<AnnotationDocument>();
  /** Fires when a store is gone (its document closed), after its last write. */
  readonly onDidClose = this.closed.event;
  private disposed = false;

  constructor(
    private settings: TawsimSettings,
    private readonly sync: SidecarSync,
    private readonly log: Logger,
    sidecarFiles: SidecarWatcher,
  ) {
    this.disposables.push(
      this.changed,
      this.detailed,
      this.opened,
      this.closed,
      vscode.workspace.onDidOpenTextDocument((d) => void this.ensure(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onTextChange(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.onSave(d)),
      vscode.workspace.onDidCloseTextDocument((d) => void this.onClose(d)),
      sidecarFiles.onAny((uri) => this.onSidecarDiskChange(uri)),
    );
    for (const d of vscode.workspace.textDocuments) void this.ensure(d);
  }

  /** Settings changed: new documents follow them; open ones keep their sidecar until reopened. */
  updateSettings(settings: TawsimSettings): void {
    this.settings = settings;
    for (const d of vscode.workspace.textDocuments) void this.ensure(d);
  }

  /** The loaded store of a document, if it is annotated and its sidecar has been read. */
  get(uri: vscode.Uri): AnnotationDocument | undefined {
    return this.stores.get(uri.toString());
  }

  all(): AnnotationDocument[] {
    return [...this.stores.values()];
  }

  documentOf(store: AnnotationDocument): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === store.uri.toString());
  }

  /**
   * The store of a document once its sidecar is loaded, created if the document is annotated (or
   * `force`: the user ran a Tawsim command on it). Calls that come while it loads wait for it.
   */
  async ensure(document: vscode.TextDocument, force = false): Promise<AnnotationDocument | undefined> {
    if (!FILE_SCHEMES.has(document.uri.scheme) || isSidecarUri(document.uri)) return undefined;
    const key = document.uri.toString();
    if (force) this.optedIn.add(key);
    for (;;) {
      const existing = this.stores.get(key);
      if (existing) return existing;
      if (document.isClosed || this.disposed) return undefined;
      const pending = this.loading.get(key);
      if (!pending) return this.startLoading(document, force);
      const store = await pending.done;
      if (store) return store;
      // That load was for a document object closed since, or decided before the user asked for
      // this one: decide again for this one.
      if (pending.document === document && (pending.forced || !force)) return undefined;
    }
  }

  private startLoading(document: vscode.TextDocument, forced: boolean): Promise<AnnotationDocument | undefined> {
    const key = document.uri.toString();
    const done = this.create(document).finally(() => {
      if (this.loading.get(key)?.done === done) this.loading.delete(key);
    });
    this.loading.set(key, { document, forced, done });
    return done;
  }

  private async create(document: vscode.TextDocument): Promise<AnnotationDocument | undefined> {
    const key = document.uri.toString();
    const sidecarUri = sidecarUriFor(document.uri, this.settings.annotator, this.settings.sidecarPattern);
    const wanted = this.optedIn.has(key) || this.matchesFiles(document) || (await exists(sidecarUri));
    if (!wanted || document.isClosed || this.disposed) return undefined;
    const store = new AnnotationDocument(document.uri, sidecarUri, this.settings.annotator);
    const read = await this.sync.read(store);
    if (document.isClosed || this.disposed) {
      store.dispose();
      return undefined;
    }
    // From here to the end nothing awaits: no text edit, save or close can come between placing
    // the annotations on the current text and following that text's edits.
    this.sync.apply(store, document, read);
    this.stores.set(key, store);
    this.listeners.set(
      store,
      vscode.Disposable.from(
        store.onDidChange((change) => {
          if (this.stores.get(store.uri.toString()) === store) this.detailed.fire({ store, change });
          this.onStoreChange(store, true);
        }),
        store.onDidChangeState(() => this.onStoreChange(store, false)),
      ),
    );
    this.log.debug(`Annotating ${key}`);
    this.opened.fire(store);
    this.onStoreChange(store, false);
    return store;
  }

  private matchesFiles(document: vscode.TextDocument): boolean {
    return this.settings.files.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
  }

  private onTextChange(event: vscode.TextDocumentChangeEvent): void {
    const store = this.stores.get(event.document.uri.toString());
    if (!store || event.contentChanges.length === 0) return;
    store.applyTextChange(event);
    // A change that leaves the document clean came from disk (or undid to the saved state): the
    // sidecar must follow the text on disk.
    if (!event.document.isDirty && store.unsaved) this.scheduleWrite(store);
  }

  /**
   * An annotation change (by the user, an edit or a reload) or a state change of a store. A clean
   * document's unsaved annotations are written after a pause. After a conflict the user left
   * unanswered, only a new annotation change asks again, never the state change itself.
   */
  private onStoreChange(store: AnnotationDocument, annotationsChanged: boolean): void {
    if (this.stores.get(store.uri.toString()) !== store) return;
    const document = this.documentOf(store);
    const due = store.unsaved && store.writable && (annotationsChanged || !store.state.conflict);
    if (document && !document.isDirty && due) this.scheduleWrite(store);
    this.changed.fire(store);
  }

  private scheduleWrite(store: AnnotationDocument): void {
    const key = store.uri.toString();
    clearTimeout(this.writeTimers.get(key));
    this.writeTimers.set(
      key,
      setTimeout(() => {
        this.writeTimers.delete(key);
        const document = this.documentOf(store);
        if (document && !document.isDirty) void this.sync.write(store, document);
      }, WRITE_DELAY_MS),
    );
  }

  /** Takes the write timer of a store, if one is set: its write is due now. */
  private takeTimer(store: AnnotationDocument): boolean {
    const key = store.uri.toString();
    const timer = this.writeTimers.get(key);
    if (timer === undefined) return false;
    clearTimeout(timer);
    this.writeTimers.delete(key);
    return true;
  }

  /**
   * Saves a store's annotations: saves the text if it has changes (the sidecar is written with it),
   * else writes the sidecar. Resolves when the sidecar on disk holds them.
   */
  async save(store: AnnotationDocument): Promise<void> {
    const document = this.documentOf(store);
    if (!document) return;
    this.takeTimer(store);
    if (document.isDirty) await document.save();
    await this.sync.write(store, document);
  }

  private async onSave(document: vscode.TextDocument): Promise<void> {
    const store = this.stores.get(document.uri.toString()) ?? (await this.loading.get(document.uri.toString())?.done);
    if (!store || this.stores.get(document.uri.toString()) !== store) return;
    this.takeTimer(store);
    await this.sync.write(store, document);
  }

  private async onClose(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    await this.loading.get(key)?.done;
    const store = this.stores.get(key);
    if (!store || (this.documentOf(store) && this.documentOf(store) !== document)) return;
    this.stores.delete(key);
    // A pending write of a clean document still describes the text on disk: it is done now.
    if (this.takeTimer(store) || (store.unsaved && !document.isDirty)) await this.sync.write(store, document);
    await this.sync.idle(store);
    this.listeners.get(store)?.dispose();
    this.listeners.delete(store);
    this.closed.fire(store);
    store.dispose();
  }

  private onSidecarDiskChange(uri: vscode.Uri): void {
    const store = this.all().find((s) => s.sidecarUri.toString() === uri.toString());
    const document = store && this.documentOf(store);
    if (store && document) void this.sync.onDiskChange(store, document);
  }

  /**
   * Resolves when every store's sidecar is on disk: pending debounced writes are done at once,
   * in order, and writes in flight have finished. Used on deactivation and by tests.
   */
  async flush(): Promise<void> {
    await Promise.all([...this.loading.values()].map((l) => l.done));
    for (const store of this.all()) {
      const document = this.documentOf(store);
      if (this.takeTimer(store) && document && !document.isDirty) await this.sync.write(store, document);
    }
    await this.sync.idle();
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.writeTimers.values()) clearTimeout(timer);
    for (const listener of this.listeners.values()) listener.dispose();
    for (const store of this.stores.values()) store.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
