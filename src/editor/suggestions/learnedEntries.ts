import type * as vscode from 'vscode';
import type { LearnedEntry } from '../../core/recognize/recognizeTypes';
import type { AnnotationStores } from '../annotationStores';
import type { Logger } from '../logger';
import type { SidecarIndex } from '../index/sidecarIndex';
import type { SidecarSummary } from '../../core/index/sidecarSummary';

/**
 * What the annotator has tagged, in open documents and in the workspace's other sidecars, as
 * entries the recogniser suggests wherever their text occurs again. The list is rebuilt only when
 * tags change, and kept as one array so the recogniser's per-array cache stays valid.
 */
export class LearnedEntries implements vscode.Disposable {
  /** Each workspace sidecar's accepted names, as the index's summaries share them (no copy per sidecar). */
  private readonly fromWorkspace = new Map<string, SidecarSummary['learned']>();
  private current: readonly LearnedEntry[] = [];
  private key = '';
  /** Bumped when a workspace sidecar is read, so `entries()` can skip work when nothing changed. */
  private workspaceVersion = 0;
  private signature = '';
  private readonly disposables: vscode.Disposable[] = [];
  private readonly perStore = new WeakMap<object, { version: number; entries: LearnedEntry[] }>();
  private loaded: () => void = () => undefined;
  /**
   * Resolves once the workspace's sidecars are in the list: from the index's cache on a warm
   * start (before the workspace is listed again), else when its first build is done.
   */
  readonly ready = new Promise<void>((resolve) => (this.loaded = resolve));

  constructor(
    private readonly stores: AnnotationStores,
    private readonly log: Logger,
    private readonly index: SidecarIndex,
  ) {}

  /** Follows the sidecar index: its summaries carry each sidecar's accepted text and label pairs. */
  follow(): void {
    this.disposables.push(
      this.index.onDidChange((uris) => {
        for (const uri of uris) {
          const summary = this.index.summary(uri);
          if (summary) this.fromWorkspace.set(uri.toString(), summary.learned);
          else this.fromWorkspace.delete(uri.toString());
        }
        this.workspaceVersion++;
      }),
    );
    // What the index knows now is current; a change heard of before this answers is newer still.
    void this.index.knownSidecars().then(
      (known) => {
        for (const { uri, summary } of known) if (!this.fromWorkspace.has(uri.toString())) this.fromWorkspace.set(uri.toString(), summary.learned);
        this.workspaceVersion++;
        this.loaded();
      },
      (e: unknown) => {
        this.log.warn(`Learned suggestions: the workspace's sidecars could not be listed (${(e as Error).message})`);
        this.loaded();
      },
    );
  }

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
    for (const [uri, pairs] of this.fromWorkspace) {
      if (openSidecars.has(uri)) continue;
      for (const [text, label] of pairs) if (!seen.has(`${label}\u0000${text}`)) add({ text, label });
    }
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
