import * as vscode from 'vscode';
import type { LearnedEntry } from '../../core/recognize/recognizeTypes';
import type { AnnotationStores } from '../annotationStores';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { readTextFile } from '../sidecarFiles';
import type { Logger } from '../logger';
import type { SidecarWatcher } from '../sidecarWatcher';

/** At most this many sidecars are read from the workspace for learning; the rest are skipped. */
const MAX_WORKSPACE_SIDECARS = 2000;

/**
 * What the annotator has tagged, in open documents and in the workspace's other sidecars, as
 * entries the recogniser suggests wherever their text occurs again. The list is rebuilt only when
 * tags change, and kept as one array so the recogniser's per-array cache stays valid.
 */
export class LearnedEntries implements vscode.Disposable {
  private fromWorkspace = new Map<string, LearnedEntry[]>();
  private current: readonly LearnedEntry[] = [];
  private key = '';
  /** Bumped when a workspace sidecar is read, so `entries()` can skip work when nothing changed. */
  private workspaceVersion = 0;
  private signature = '';
  private readonly disposables: vscode.Disposable[] = [];
  private readonly perStore = new WeakMap<object, { version: number; entries: LearnedEntry[] }>();

  constructor(
    private readonly stores: AnnotationStores,
    private readonly log: Logger,
    private readonly sidecarFiles: SidecarWatcher,
  ) {}

  /** Reads the workspace's sidecars once, in the background. */
  async scanWorkspace(): Promise<void> {
    const files = await vscode.workspace.findFiles('**/*.ann.yaml', '**/node_modules/**', MAX_WORKSPACE_SIDECARS);
    for (const uri of files) await this.readSidecar(uri);
    this.disposables.push(
      this.sidecarFiles.onDidChange((u) => void this.readSidecar(u)),
      this.sidecarFiles.onDidCreate((u) => void this.readSidecar(u)),
      this.sidecarFiles.onDidDelete((u) => this.fromWorkspace.delete(u.toString())),
    );
    this.log.info(`Learning from ${files.length} sidecars in the workspace`);
  }

  private async readSidecar(uri: vscode.Uri): Promise<void> {
    try {
      const content = await readTextFile(uri);
      const sidecar = content === undefined ? undefined : parseSidecar(content).sidecar;
      if (sidecar) this.fromWorkspace.set(uri.toString(), sidecar.annotations.filter((a) => a.status === 'accepted').map(toEntry));
      this.workspaceVersion++;
    } catch {
      // A broken sidecar teaches nothing; the store that owns it reports it.
    }
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
