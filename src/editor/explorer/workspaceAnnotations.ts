import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import type { Relation } from '../../core/model/relation';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { safeRelativePath } from '../../core/formats/safeRelativePath';
import type { AnnotationDocument } from '../annotationDocument';
import type { Services } from '../services';
import { basename, readTextFile } from '../sidecarFiles';
import { goldFileName } from '../review/reviewSettings';

/** One annotation as the views show it; offsets in the unit of its set. */
export type FoundAnnotation = Pick<Annotation, 'id' | 'label' | 'start' | 'end' | 'text' | 'status' | 'source' | 'value' | 'note' | 'review' | 'orphan'>;

/** The annotations of one sidecar: live from an open document, or as read from disk. */
export interface AnnotationSet {
  /** The sidecar's URI as a string: one set per sidecar. */
  readonly key: string;
  readonly textUri: vscode.Uri;
  readonly sidecarUri: vscode.Uri;
  readonly annotator: string;
  /** The reviewer's adjudicated sidecar. */
  readonly gold: boolean;
  /**
   * `utf16` for an open document (offsets follow the text as it is edited), `codePoints` for a
   * sidecar read from disk (converted when revealed, since the text is not loaded to list it).
   */
  readonly unit: 'utf16' | 'codePoints';
  readonly annotations: readonly FoundAnnotation[];
  /** Relations between the set's annotations, by id (sidecar schema 2). */
  readonly relations: readonly Relation[];
}

/** A sidecar that could not be read; listed so that the user learns about it. */
export interface UnreadableSidecar {
  readonly uri: vscode.Uri;
  readonly reason: string;
}

export interface AnnotationsSnapshot {
  readonly sets: readonly AnnotationSet[];
  readonly unreadable: readonly UnreadableSidecar[];
}

/** Store edits and file events are gathered for this long before views refresh. */
const REFRESH_DELAY_MS = 250;
const GOLD_SUFFIX = /\.gold\.ann\.yaml$/;

/**
 * Every annotation in the workspace, for the Annotations view, Find and Statistics: the sidecars on
 * disk (read through `workspace.fs`, kept current by a file watcher) with each open document's live
 * annotations in place of its sidecar, so unsaved tags show at once. Listeners hear of changes
 * debounced; the snapshot is rebuilt only when something changed.
 */
export class WorkspaceAnnotations implements vscode.Disposable {
  private readonly disk = new Map<string, AnnotationSet | UnreadableSidecar>();
  private scan: Promise<void> | undefined;
  private cached: AnnotationsSnapshot | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires, debounced, after sidecars on disk or open documents' annotations changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly services: Services) {
    this.disposables.push(
      // The index hears of files created, changed and deleted (and of its rebuilds) and says which.
      services.index.onDidChange((uris) => {
        // Before the first scan there is nothing to update: the scan reads the files anyway.
        if (!this.scan) return;
        void Promise.all(uris.map((uri) => this.read(uri))).then(() => this.schedule());
      }),
      services.stores.onDidChange(() => this.schedule()),
    );
  }

  /** Everything now; the first call reads the workspace's sidecars. */
  async snapshot(): Promise<AnnotationsSnapshot> {
    await (this.scan ??= this.readAll());
    this.cached ??= this.build();
    return this.cached;
  }

  /** Lists the workspace again and reads every sidecar again (the view's Refresh). */
  async refresh(): Promise<void> {
    await this.services.index.rebuild();
    this.scan = this.readAll();
    await this.scan;
    this.cached = undefined;
    this.changed.fire();
  }

  private schedule(): void {
    this.cached = undefined;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), REFRESH_DELAY_MS);
  }

  private async readAll(): Promise<void> {
    const files = (await this.services.index.sidecars()).map((s) => s.uri);
    this.disk.clear();
    // A few at a time: thousands of parallel reads stall remote file systems.
    for (let i = 0; i < files.length; i += 16) await Promise.all(files.slice(i, i + 16).map((uri) => this.read(uri)));
    this.cached = undefined;
  }

  private async read(uri: vscode.Uri): Promise<void> {
    const name = basename(uri);
    const key = uri.toString();
    const summary = this.services.index.summary(uri);
    if (!summary) {
      this.disk.delete(key);
      return;
    }
    // The index has read it already and found it broken: no need to read it again to say so.
    if (summary.problem !== undefined) {
      this.disk.set(key, { uri, reason: summary.problem });
      return;
    }
    try {
      const content = await readTextFile(uri);
      if (content === undefined) {
        this.disk.delete(key);
        return;
      }
      const parsed = parseSidecar(content, { labels: this.services.labels() });
      const sidecar = parsed.sidecar;
      if (!sidecar) {
        const first = parsed.problems.find((p) => p.severity === 'error') ?? parsed.problems[0];
        this.disk.set(key, { uri, reason: first ? `${first.line !== undefined ? `${first.line}: ` : ''}${first.message}` : vscode.l10n.t('the file could not be read') });
        return;
      }
      const path = safeRelativePath(sidecar.document.path);
      if (!path.ok) {
        this.disk.set(key, { uri, reason: path.reason });
        return;
      }
      const textUri = vscode.Uri.joinPath(uri, '..', path.path);
      const gold = GOLD_SUFFIX.test(name) || name === goldFileName(textUri, sidecar.annotator);
      this.disk.set(key, {
        key,
        textUri,
        sidecarUri: uri,
        annotator: sidecar.annotator,
        gold,
        unit: 'codePoints',
        annotations: sidecar.annotations,
        relations: sidecar.relations ?? [],
      });
    } catch (e) {
      this.disk.set(key, { uri, reason: (e as Error).message });
    }
  }

  private build(): AnnotationsSnapshot {
    const sets = new Map<string, AnnotationSet>();
    const unreadable: UnreadableSidecar[] = [];
    for (const [key, entry] of this.disk) {
      if ('key' in entry) sets.set(key, entry);
      else unreadable.push(entry);
    }
    // An open document's annotations replace its sidecar's: they include unsaved changes and
    // follow the text as it is edited.
    for (const store of this.services.stores.all()) {
      if (!store.loaded) continue;
      const live = liveSet(store, this.services.stores.documentOf(store));
      const key = store.sidecarUri.toString();
      if (live.annotations.length > 0 || sets.has(key)) sets.set(key, live);
    }
    const ordered = [...sets.values()].sort((a, b) => compare(a.textUri.toString(), b.textUri.toString()) || Number(a.gold) - Number(b.gold) || compare(a.annotator, b.annotator));
    return { sets: ordered, unreadable: unreadable.sort((a, b) => compare(a.uri.toString(), b.uri.toString())) };
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function liveSet(store: AnnotationDocument, document: vscode.TextDocument | undefined): AnnotationSet {
  // The quote is read from the text: a span's recorded text is refreshed only when it is saved.
  const text = document?.getText();
  const annotations: FoundAnnotation[] = store.tracked.all.map((a) => (text === undefined ? a : { ...a, text: text.slice(a.start, a.end) }));
  // Orphans keep their code point offsets and have no place to reveal; they are listed as such.
  for (const o of store.tracked.orphans) annotations.push({ ...o, orphan: true });
  return {
    key: store.sidecarUri.toString(),
    textUri: store.uri,
    sidecarUri: store.sidecarUri,
    annotator: store.annotator,
    gold: false,
    unit: 'utf16',
    annotations,
    relations: store.tracked.relations,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
