import * as vscode from 'vscode';
import type { Annotation } from '../../core/model/annotation';
import type { Relation } from '../../core/model/relation';
import { parseSidecar } from '../../core/sidecar/parseSidecar';
import { safeRelativePath } from '../../core/formats/safeRelativePath';
import type { AnnotationDocument } from '../annotationDocument';
import type { Services } from '../services';
import { tallyAnnotations } from '../../core/stats/annotationTally';
import type { SetTally } from '../../core/stats/annotationTally';
import { basename } from '../sidecarFiles';
import { goldFileNamer } from '../review/reviewSettings';

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

/** One sidecar as the views list it before reading it: where it is, whose, and its counts. */
export interface SidecarOverview {
  /** The sidecar's URI as a string. */
  readonly key: string;
  readonly sidecarUri: vscode.Uri;
  readonly textUri: vscode.Uri;
  readonly annotator: string;
  readonly gold: boolean;
  readonly tally: SetTally;
}

/** The workspace's sidecars from the index's summaries: enough for the view's roots, its filter and Statistics. */
export interface WorkspaceOverview {
  readonly sidecars: readonly SidecarOverview[];
  readonly unreadable: readonly UnreadableSidecar[];
}

/** Store edits and file events are gathered for this long before views refresh. */
const REFRESH_DELAY_MS = 250;
/** Sidecars read at once when streaming: thousands of parallel reads stall remote file systems. */
const READS_AT_ONCE = 16;
const GOLD_SUFFIX = /\.gold\.ann\.yaml$/;

/**
 * Every annotation in the workspace, for the Annotations view, Find and Statistics. The overview
 * comes from the sidecar index's summaries (counts per label, status and annotator), so no sidecar
 * is read to list or count the workspace; a sidecar's annotations are read only when asked for (a
 * document's node expanded, Find streaming through the workspace). An open document's live
 * annotations stand in for its sidecar, so unsaved tags show at once. Listeners hear of changes
 * debounced.
 */
export class WorkspaceAnnotations implements vscode.Disposable {
  /** Sidecars read for an expanded node, until the index says they changed. */
  private readonly read = new Map<string, AnnotationSet | UnreadableSidecar>();
  private cached: Promise<WorkspaceOverview> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires, debounced, after sidecars on disk or open documents' annotations changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private reads = 0;

  constructor(private readonly services: Services) {
    this.disposables.push(
      // The index hears of files created, changed and deleted (and of its rebuilds) and says which.
      services.index.onDidChange((uris) => {
        for (const uri of uris) this.read.delete(uri.toString());
        this.schedule();
      }),
      services.stores.onDidChange(() => this.schedule()),
    );
  }

  /** Sidecars read from disk for the views so far (expanded nodes, Find), for tests and the bench. */
  get sidecarsRead(): number {
    return this.reads;
  }

  /**
   * Every sidecar with its counts, from the index: on a warm start its cache as it was left, at
   * once, and again when the index has checked the workspace (it then says every file changed).
   */
  overview(): Promise<WorkspaceOverview> {
    return (this.cached ??= this.buildOverview());
  }

  /** The annotations of these sidecars: an open document's live ones, else read from disk once. */
  async setsOf(sidecars: readonly SidecarOverview[]): Promise<AnnotationSet[]> {
    const out: AnnotationSet[] = [];
    for (const sidecar of sidecars) {
      const live = this.liveSet(sidecar.sidecarUri);
      if (live) {
        out.push(live);
        continue;
      }
      let set = this.read.get(sidecar.key);
      if (!set) {
        this.reads++;
        set = (await readSet(sidecar.sidecarUri, this.services)) ?? { uri: sidecar.sidecarUri, reason: vscode.l10n.t('the file could not be read') };
        this.read.set(sidecar.key, set);
      }
      if ('key' in set) out.push(set);
    }
    return out;
  }

  /**
   * Reads every sidecar in the background, a few at a time, handing each batch's sets over as they
   * come (open documents' live sets first); stops when `isCancelled` says so. Nothing is kept:
   * holding every annotation of a large corpus would cost the host hundreds of megabytes.
   */
  async stream(onSets: (sets: readonly AnnotationSet[], read: number, total: number) => void, isCancelled: () => boolean): Promise<void> {
    const { sidecars } = await this.overview();
    const live: AnnotationSet[] = [];
    const onDisk: SidecarOverview[] = [];
    for (const sidecar of sidecars) {
      const set = this.liveSet(sidecar.sidecarUri);
      if (set) live.push(set);
      else onDisk.push(sidecar);
    }
    let read = live.length;
    if (!isCancelled()) onSets(live, read, sidecars.length);
    const goldName = goldFileNamer();
    for (let i = 0; i < onDisk.length && !isCancelled(); i += READS_AT_ONCE) {
      const batch = onDisk.slice(i, i + READS_AT_ONCE);
      const contents = await Promise.all(batch.map((s) => this.read.get(s.key) ?? (this.reads++, readContent(s.sidecarUri, this.services))));
      // Parsed only once the whole batch is in and handed over at once: the parsed annotations die
      // young instead of waiting in the heap for the slowest read of the batch.
      const sets = batch.map((s, k) => {
        const content = contents[k];
        return typeof content === 'string' ? setOf(s.sidecarUri, content, this.services, goldName) : content;
      });
      read += batch.length;
      if (!isCancelled())
        onSets(
          sets.filter((s): s is AnnotationSet => s !== undefined && 'key' in s),
          read,
          sidecars.length,
        );
    }
  }

  /** Lists the workspace again and forgets what was read (the view's Refresh). */
  async refresh(): Promise<void> {
    await this.services.index.rebuild();
    this.read.clear();
    this.cached = undefined;
    this.changed.fire();
  }

  private schedule(): void {
    this.cached = undefined;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), REFRESH_DELAY_MS);
  }

  private async buildOverview(): Promise<WorkspaceOverview> {
    const sidecars = new Map<string, SidecarOverview>();
    const unreadable: UnreadableSidecar[] = [];
    const goldName = goldFileNamer();
    for (const { uri, summary } of await this.services.index.knownSidecars()) {
      // The index has read it already and found it broken: no need to read it again to say so.
      if (summary.problem !== undefined || summary.documentPath === undefined) {
        unreadable.push({ uri, reason: summary.problem ?? vscode.l10n.t('the file could not be read') });
        continue;
      }
      const path = safeRelativePath(summary.documentPath);
      if (!path.ok) {
        unreadable.push({ uri, reason: path.reason });
        continue;
      }
      const textUri = vscode.Uri.joinPath(uri, '..', path.path);
      const annotator = summary.annotator ?? '';
      sidecars.set(uri.toString(), { key: uri.toString(), sidecarUri: uri, textUri, annotator, gold: isGold(uri, textUri, annotator, goldName), tally: summary.tally });
    }
    // An open document's annotations replace its sidecar's: they include unsaved changes.
    for (const store of this.services.stores.all()) {
      if (!store.loaded) continue;
      const key = store.sidecarUri.toString();
      // Counting needs no quotes, so the text is not read.
      const { annotations } = liveSet(store, undefined);
      if (annotations.length === 0 && !sidecars.has(key)) continue;
      sidecars.set(key, { key, sidecarUri: store.sidecarUri, textUri: store.uri, annotator: store.annotator, gold: false, tally: tallyAnnotations(annotations) });
    }
    const ordered = [...sidecars.values()].sort(
      (a, b) => compare(a.textUri.toString(), b.textUri.toString()) || Number(a.gold) - Number(b.gold) || compare(a.annotator, b.annotator),
    );
    return { sidecars: ordered, unreadable: unreadable.sort((a, b) => compare(a.uri.toString(), b.uri.toString())) };
  }

  private liveSet(sidecarUri: vscode.Uri): AnnotationSet | undefined {
    const key = sidecarUri.toString();
    const store = this.services.stores.all().find((s) => s.loaded && s.sidecarUri.toString() === key);
    return store ? liveSet(store, this.services.stores.documentOf(store)) : undefined;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** One sidecar read from disk, or why it could not be; undefined when it is gone. */
async function readSet(uri: vscode.Uri, services: Services): Promise<AnnotationSet | UnreadableSidecar | undefined> {
  const content = await readContent(uri, services);
  return typeof content === 'string' ? setOf(uri, content, services, goldFileNamer()) : content;
}

/** A sidecar's text, or why it could not be read; undefined when it is gone. */
async function readContent(uri: vscode.Uri, services: Services): Promise<string | UnreadableSidecar | undefined> {
  try {
    return (await services.reads.read(uri))?.content;
  } catch (e) {
    return { uri, reason: (e as Error).message };
  }
}

/** The annotations of a sidecar's text, or why they cannot be read. */
function setOf(uri: vscode.Uri, content: string, services: Services, goldName: (textUri: vscode.Uri, reviewer: string) => string): AnnotationSet | UnreadableSidecar {
  try {
    const parsed = parseSidecar(content, { labels: services.labels() });
    const sidecar = parsed.sidecar;
    if (!sidecar) {
      const first = parsed.problems.find((p) => p.severity === 'error') ?? parsed.problems[0];
      return { uri, reason: first ? `${first.line !== undefined ? `${first.line}: ` : ''}${first.message}` : vscode.l10n.t('the file could not be read') };
    }
    const path = safeRelativePath(sidecar.document.path);
    if (!path.ok) return { uri, reason: path.reason };
    const textUri = vscode.Uri.joinPath(uri, '..', path.path);
    return {
      key: uri.toString(),
      textUri,
      sidecarUri: uri,
      annotator: sidecar.annotator,
      gold: isGold(uri, textUri, sidecar.annotator, goldName),
      unit: 'codePoints',
      annotations: sidecar.annotations,
      relations: sidecar.relations ?? [],
    };
  } catch (e) {
    return { uri, reason: (e as Error).message };
  }
}

/** Whether a sidecar is the reviewer's gold one; `goldName` as `goldFileNamer` gives. */
function isGold(sidecarUri: vscode.Uri, textUri: vscode.Uri, annotator: string, goldName: (textUri: vscode.Uri, reviewer: string) => string): boolean {
  const name = basename(sidecarUri);
  return GOLD_SUFFIX.test(name) || name === goldName(textUri, annotator);
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
