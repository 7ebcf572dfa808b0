import type * as vscode from 'vscode';
import type { LearnedEntry } from '../../core/recognize/recognizeTypes';
import type { AnnotationStores } from '../annotationStores';
import type { WorkspaceAnnotations } from '../explorer/workspaceAnnotations';
import type { Logger } from '../logger';

/**
 * What the annotator has tagged, in open documents and in the workspace's other sidecars, as
 * entries the recogniser suggests wherever their text occurs again. The workspace's sidecars come
 * from the one index the Annotations view also reads, so each sidecar is read and parsed once. The
 * list is rebuilt only when tags change, and kept as one array so the recogniser's per-array cache
 * stays valid.
 */
export class LearnedEntries implements vscode.Disposable {
  private fromWorkspace = new Map<string, LearnedEntry[]>();
  private current: readonly LearnedEntry[] = [];
  private key = '';
  /** Bumped when the workspace's sidecars are read again, so `entries()` can skip work when nothing changed. */
  private workspaceVersion = 0;
  private signature = '';
  private readonly disposables: vscode.Disposable[] = [];
  private readonly perStore = new WeakMap<object, { version: number; entries: LearnedEntry[] }>();

  constructor(
    private readonly stores: AnnotationStores,
    private readonly log: Logger,
    private readonly workspace: WorkspaceAnnotations,
  ) {}

  /** Reads the workspace's sidecars through the index in the background, and follows its changes. */
  async scanWorkspace(): Promise<void> {
    await this.reload();
    this.disposables.push(this.workspace.onDidChange(() => void this.reload()));
    this.log.info(`Learning from ${this.fromWorkspace.size} sidecars in the workspace`);
  }

  private async reload(): Promise<void> {
    const snapshot = await this.workspace.snapshot();
    // Sidecars read from disk; open documents' live annotations are taken from their stores. The
    // index keeps a sidecar's set object until the file is read again, so an unchanged set of
    // objects means nothing to relearn (the index also fires on every edit of an open document).
    const onDisk = snapshot.sets.filter((set) => set.unit === 'codePoints');
    if (onDisk.length === this.learnedFrom.length && onDisk.every((set, i) => set === this.learnedFrom[i])) return;
    this.learnedFrom = onDisk;
    this.fromWorkspace = new Map(onDisk.map((set) => [set.key, set.annotations.filter((a) => a.status === 'accepted').map(toEntry)]));
    this.workspaceVersion++;
  }

  private learnedFrom: readonly object[] = [];

  /** The learned entries now; the same array as last time when nothing changed. */
  entries(): readonly LearnedEntry[] {
    const signature = `${this.workspaceVersion}|${this.stores
      .all()
      .map((s) => `${s.uri.toString()}@${s.tagVersion}`)
      .join('|')}`;
    if (signature === this.signature) return this.current;
    this.signature = signature;
    const seen = new Map<string, LearnedEntry>();
    const add = (e: LearnedEntry): void => {
      if (e.text.trim().length >= 2) seen.set(`${e.label}\u0000${e.text}`, e);
    };
    const openSidecars = new Set<string>();
    for (const store of this.stores.all()) {
      openSidecars.add(store.sidecarUri.toString());
      let cached = this.perStore.get(store);
      if (cached?.version !== store.tagVersion) {
        cached = { version: store.tagVersion, entries: store.tracked.all.filter((a) => a.status === 'accepted').map(toEntry) };
        this.perStore.set(store, cached);
      }
      cached.entries.forEach(add);
    }
    for (const [uri, list] of this.fromWorkspace) if (!openSidecars.has(uri)) list.forEach(add);
    const key = [...seen.keys()].sort().join('\u0001');
    if (key !== this.key) {
      this.key = key;
      this.current = [...seen.values()];
    }
    return this.current;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function toEntry(a: { text: string; label: string; value?: string }): LearnedEntry {
  // Dates are learned without their value: "الثلاثاء" in another article is another Tuesday.
  return { text: a.text, label: a.label };
}
