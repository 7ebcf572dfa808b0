import * as vscode from 'vscode';
import { AnnotationDocument } from './annotationDocument';
import type { SidecarSync } from './sidecarSync';
import { exists, isSidecarUri, sidecarUriFor } from './sidecarFiles';
import type { TawsimSettings } from './settings';
import type { Logger } from './logger';
import type { SidecarWatcher } from './sidecarWatcher';

/** URI schemes of documents that can have a sidecar beside them. */
const FILE_SCHEMES = new Set(['file', 'vscode-remote', 'vscode-vfs', 'vscode-test-web']);
/** Annotation changes on a clean document are written after this pause, so bursts give one write. */
const WRITE_DELAY_MS = 300;

/**
 * One `AnnotationDocument` per open annotated text: decides which documents are annotated, loads
 * their sidecars, follows their edits, and writes their sidecars on save (or at once, debounced,
 * while the text is clean).
 */
export class AnnotationStores implements vscode.Disposable {
  private readonly stores = new Map<string, AnnotationDocument>();
  private readonly loading = new Map<string, Promise<AnnotationDocument | undefined>>();
  /** Documents the user asked to annotate although no setting or sidecar says so. */
  private readonly optedIn = new Set<string>();
  private readonly writeTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<AnnotationDocument>();
  /** Fires when a store's annotations or state change (decorations, status bar, views listen). */
  readonly onDidChange = this.changed.event;
  private readonly opened = new vscode.EventEmitter<AnnotationDocument>();
  readonly onDidOpen = this.opened.event;

  constructor(
    private settings: TawsimSettings,
    private readonly sync: SidecarSync,
    private readonly log: Logger,
    sidecarFiles: SidecarWatcher,
  ) {
    this.disposables.push(
      this.changed,
      this.opened,
      vscode.workspace.onDidOpenTextDocument((d) => void this.ensure(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onTextChange(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.onSave(d)),
      vscode.workspace.onDidCloseTextDocument((d) => void this.onClose(d)),
    );
    this.disposables.push(
      sidecarFiles.onAny((uri) => void this.onSidecarDiskChange(uri).catch((e: unknown) => this.log.error(`Reloading ${uri.toString()} failed: ${(e as Error).message}`))),
    );
    for (const d of vscode.workspace.textDocuments) void this.ensure(d);
  }

  /** Settings changed: new documents follow them; open ones keep their sidecar until reopened. */
  updateSettings(settings: TawsimSettings): void {
    this.settings = settings;
    for (const d of vscode.workspace.textDocuments) void this.ensure(d);
  }

  get(uri: vscode.Uri): AnnotationDocument | undefined {
    return this.stores.get(uri.toString());
  }

  all(): AnnotationDocument[] {
    return [...this.stores.values()];
  }

  documentOf(store: AnnotationDocument): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === store.uri.toString());
  }

  /** The store of a document, created and loaded if the document is annotated (or `force`). */
  async ensure(document: vscode.TextDocument, force = false): Promise<AnnotationDocument | undefined> {
    const key = document.uri.toString();
    const existing = this.stores.get(key);
    if (existing) return existing;
    if (!FILE_SCHEMES.has(document.uri.scheme) || isSidecarUri(document.uri)) return undefined;
    if (force) this.optedIn.add(key);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const load = this.create(document).finally(() => this.loading.delete(key));
    this.loading.set(key, load);
    return load;
  }

  private async create(document: vscode.TextDocument): Promise<AnnotationDocument | undefined> {
    const key = document.uri.toString();
    const sidecarUri = sidecarUriFor(document.uri, this.settings.annotator, this.settings.sidecarPattern);
    const wanted = this.optedIn.has(key) || this.matchesFiles(document) || (await exists(sidecarUri));
    if (!wanted || document.isClosed) return undefined;
    const store = new AnnotationDocument(document.uri, sidecarUri, this.settings.annotator);
    this.stores.set(key, store);
    store.onDidChange(() => this.onStoreChange(store));
    await this.sync.load(store, document);
    this.log.debug(`Annotating ${key}`);
    this.opened.fire(store);
    this.changed.fire(store);
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

  private onStoreChange(store: AnnotationDocument): void {
    const document = this.documentOf(store);
    if (document && !document.isDirty && store.unsaved) this.scheduleWrite(store);
    this.changed.fire(store);
  }

  /** A store's state changed outside an annotation edit (loaded, re-anchored, written). */
  notify(store: AnnotationDocument): void {
    this.onStoreChange(store);
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

  /** Writes now if the text is clean; otherwise saves the text, which writes the sidecar. */
  async save(store: AnnotationDocument): Promise<void> {
    const document = this.documentOf(store);
    if (!document) return;
    clearTimeout(this.writeTimers.get(store.uri.toString()));
    if (document.isDirty) await document.save();
    else await this.sync.write(store, document);
  }

  private async onSave(document: vscode.TextDocument): Promise<void> {
    const store = this.stores.get(document.uri.toString()) ?? (await this.loading.get(document.uri.toString()));
    if (!store) return;
    clearTimeout(this.writeTimers.get(store.uri.toString()));
    await this.sync.write(store, document);
  }

  private async onClose(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const store = this.stores.get(key);
    if (!store) return;
    const timer = this.writeTimers.get(key);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.writeTimers.delete(key);
      // A pending write of a clean document still describes the text on disk.
      await this.sync.write(store, document);
    }
    this.stores.delete(key);
    store.dispose();
  }

  private async onSidecarDiskChange(uri: vscode.Uri): Promise<void> {
    const store = this.all().find((s) => s.sidecarUri.toString() === uri.toString());
    const document = store && this.documentOf(store);
    if (store && document) {
      await this.sync.onDiskChange(store, document);
      this.changed.fire(store);
    }
  }

  /** Waits until pending writes are done (used on deactivation and by tests). */
  async flush(): Promise<void> {
    const pending = [...this.writeTimers.keys()];
    for (const key of pending) {
      clearTimeout(this.writeTimers.get(key));
      this.writeTimers.delete(key);
      const store = this.stores.get(key);
      const document = store && this.documentOf(store);
      if (store && document && !document.isDirty) await this.sync.write(store, document);
    }
  }

  dispose(): void {
    for (const timer of this.writeTimers.values()) clearTimeout(timer);
    for (const store of this.stores.values()) store.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
