import * as vscode from 'vscode';
import { parseIndexCache, serializeIndexCache } from '../../core/index/indexCache';
import { SidecarIndexState } from '../../core/index/sidecarIndexState';
import type { FileStat, IndexReader } from '../../core/index/sidecarIndexState';
import { INDEX_EXCLUDE_GLOB, INDEX_EXCLUDED_FOLDERS, isExcludedPath, sidecarNameGlob, sidecarNameMatcher } from '../../core/index/sidecarNamePattern';
import { summariseSidecar } from '../../core/index/sidecarSummary';
import type { SidecarSummary } from '../../core/index/sidecarSummary';
import type { HostReads } from '../files/hostReads';
import type { Logger } from '../logger';
import { readReviewSettings } from '../review/reviewSettings';
import { readSettings } from '../settings';
import { basename, readTextFile } from '../sidecarFiles';
import type { SidecarWatcher } from '../sidecarWatcher';

/** One sidecar the index knows, with what its consumers need of it. */
export interface IndexedSidecar {
  readonly uri: vscode.Uri;
  readonly summary: SidecarSummary;
}

/** The persisted cache, in the extension's storage for this workspace. */
export const INDEX_CACHE_FILE = 'sidecar-index.json';
/** Changes are gathered this long before the cache is written again. */
const PERSIST_DELAY_MS = 2000;
/** Listeners hear of file events gathered over this long. */
const NOTIFY_DELAY_MS = 100;
/** Bounds the folder walk used where the host has no file search. */
const MAX_WALK_ENTRIES = 200_000;
const STATS_AT_ONCE = 64;

/**
 * The one index of the workspace's sidecars: which files there are (under the sidecar and gold
 * patterns, outside node_modules and .git) and a summary of each. Built in the background after
 * activation, from a cache in workspace storage keyed by size and modification time, so a warm
 * start reads only the sidecars that changed; kept current by the sidecar watcher and the editor's
 * own writes. The Annotations view, statistics, agreement, validation and learning ask it.
 */
export class SidecarIndex implements vscode.Disposable {
  private readonly state = new SidecarIndexState((content) => summariseSidecar(content));
  private readonly uris = new Map<string, vscode.Uri>();
  private building: Promise<void> | undefined;
  private generation = 0;
  /** Whether listeners have heard of every file once (the first build that finished). */
  private announced = false;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  private pending = new Map<string, vscode.Uri>();
  private matchers = new Map<string, (name: string) => boolean>();
  /** The patterns of every folder at the last listing, as one string; undefined before the first. */
  private listedPatterns: string | undefined;
  private readonly changed = new vscode.EventEmitter<readonly vscode.Uri[]>();
  /** Fires with the sidecars whose summary changed, appeared or went (all of them after a rebuild). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Resolves once a warm start's cache has seeded the state (never on a cold start). */
  private readonly cacheSeeded: Promise<void>;
  private seeded: () => void = () => undefined;
  private readonly reader: IndexReader = {
    read: (key) => this.reads.read(this.uris.get(key) ?? vscode.Uri.parse(key)),
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
  };

  constructor(
    private readonly log: Logger,
    private readonly storage: vscode.Uri | undefined,
    watcher: SidecarWatcher,
    onDidWrite: vscode.Event<vscode.Uri>,
    private readonly reads: HostReads,
  ) {
    this.cacheSeeded = new Promise((resolve) => (this.seeded = resolve));
    const changedOnDisk = (uri: vscode.Uri): void => void this.fileChanged(uri);
    this.disposables.push(
      watcher.onDidCreate(changedOnDisk),
      watcher.onDidChange(changedOnDisk),
      onDidWrite(changedOnDisk),
      watcher.onDidDelete((uri) => {
        if (this.building && this.state.remove(uri.toString())) this.notify(uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()),
    );
  }

  /** Starts building after activation has returned: activation itself reads nothing. */
  start(): void {
    this.startTimer = setTimeout(() => void this.ready(), 0);
  }

  /** Resolves once every sidecar has a summary. */
  ready(): Promise<void> {
    return (this.building ??= this.build());
  }

  /** Every indexed sidecar, in path order; only under `folder` when one is given. */
  async sidecars(folder?: vscode.Uri): Promise<IndexedSidecar[]> {
    await this.ready();
    return this.entriesNow(folder);
  }

  /**
   * Every sidecar the index knows as soon as it can say: on a warm start, the persisted cache as it
   * was left, before the workspace has been listed again (listing and checking ten thousand files
   * takes seconds); else, as `sidecars`. Views answer from this at once and follow `onDidChange`,
   * which fires for every file when the first build is done.
   */
  async knownSidecars(): Promise<IndexedSidecar[]> {
    const built = this.ready();
    await Promise.race([built, this.cacheSeeded]);
    return this.entriesNow();
  }

  private entriesNow(folder?: vscode.Uri): IndexedSidecar[] {
    const inside = folder ? `${folder.toString().replace(/\/$/u, '')}/` : '';
    const out: IndexedSidecar[] = [];
    for (const [key, entry] of this.state.entries()) {
      // Entries from the cache have no URI of a listing yet: their key is one.
      const uri = this.uris.get(key) ?? (this.announced ? undefined : vscode.Uri.parse(key));
      if (uri && key.startsWith(inside)) out.push({ uri, summary: entry.summary });
    }
    return out.sort((a, b) => (a.uri.path < b.uri.path ? -1 : a.uri.path > b.uri.path ? 1 : 0));
  }

  /** The summary of one sidecar, if the index has it. */
  summary(uri: vscode.Uri): SidecarSummary | undefined {
    return this.state.get(uri.toString())?.summary;
  }

  /** Lists the workspace again (settings or folders changed, or the user asked); unchanged files are not read. */
  async rebuild(): Promise<void> {
    this.building = this.build();
    await this.building;
  }

  /**
   * Rebuilds when the sidecar or gold pattern of some folder is not the one the last listing used
   * (a setting or the project file changed); other changes of settings cost nothing.
   */
  async patternsMayHaveChanged(): Promise<void> {
    if (this.listedPatterns === undefined || this.listedPatterns === this.patternKey()) return;
    await this.rebuild();
  }

  private patternKey(): string {
    return JSON.stringify((vscode.workspace.workspaceFolders ?? []).map((f) => this.patternsOf(f)));
  }

  private async build(): Promise<void> {
    const generation = ++this.generation;
    const t0 = Date.now();
    if (generation === 1) await this.loadCache();
    const before = new Map(this.uris);
    const listing = await this.list();
    if (generation !== this.generation) return;
    const outcome = await this.state.reconcile(listing, this.reader, () => generation !== this.generation);
    if (generation !== this.generation) return;
    this.log.info(`Sidecar index: ${listing.size} sidecars in ${Date.now() - t0} ms (${outcome.read} read, ${outcome.reused} from the cache, ${outcome.removed} gone)`);
    this.schedulePersist();
    // The first build is news of every file, and of those the cache knew that are gone (views may
    // have shown them from it); later ones of those read again or gone.
    const uriOf = (key: string): vscode.Uri => this.uris.get(key) ?? before.get(key) ?? vscode.Uri.parse(key);
    const news = !this.announced ? [...this.uris.values(), ...outcome.changed.filter((key) => !this.uris.has(key)).map(uriOf)] : outcome.changed.map(uriOf);
    this.announced = true;
    if (news.length > 0) this.changed.fire(news);
  }

  private async fileChanged(uri: vscode.Uri): Promise<void> {
    // Before the first build there is nothing to update: the build reads the file anyway.
    if (!this.building || !this.belongs(uri)) return;
    await this.building;
    const key = uri.toString();
    this.uris.set(key, uri);
    if (await this.state.update(key, this.reader)) this.notify(uri);
  }

  private notify(uri: vscode.Uri): void {
    this.pending.set(uri.toString(), uri);
    this.schedulePersist();
    clearTimeout(this.notifyTimer);
    this.notifyTimer = setTimeout(() => {
      const uris = [...this.pending.values()];
      this.pending = new Map();
      this.changed.fire(uris);
    }, NOTIFY_DELAY_MS);
  }

  private belongs(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    if (isExcludedPath(vscode.workspace.asRelativePath(uri, false))) return false;
    return this.matcherFor(folder)(basename(uri));
  }

  private patternsOf(folder: vscode.WorkspaceFolder): string[] {
    return [readSettings(folder.uri).sidecarPattern, readReviewSettings(folder.uri).goldPattern];
  }

  private matcherFor(folder: vscode.WorkspaceFolder): (name: string) => boolean {
    const key = folder.uri.toString();
    let matcher = this.matchers.get(key);
    if (!matcher) {
      matcher = sidecarNameMatcher(this.patternsOf(folder));
      this.matchers.set(key, matcher);
    }
    return matcher;
  }

  /** Every sidecar of every folder with its size and time: the host's own walk where it has one, else file search. */
  private async list(): Promise<Map<string, FileStat>> {
    this.matchers = new Map();
    this.listedPatterns = this.patternKey();
    const found: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const matches = this.matcherFor(folder);
      const walked = await this.reads.list(
        folder.uri,
        (path) => matches(path.slice(path.lastIndexOf('/') + 1)),
        (name) => INDEX_EXCLUDED_FOLDERS.includes(name),
      );
      found.push(...(walked ?? (await this.search(folder)).filter((u) => matches(basename(u)))));
    }
    const listing = new Map<string, FileStat>();
    this.uris.clear();
    for (let i = 0; i < found.length; i += STATS_AT_ONCE) {
      const batch = found.slice(i, i + STATS_AT_ONCE);
      const stats = await Promise.all(batch.map((u) => this.reads.stat(u)));
      batch.forEach((uri, k) => {
        const stat = stats[k];
        if (!stat) return;
        listing.set(uri.toString(), stat);
        this.uris.set(uri.toString(), uri);
      });
    }
    return listing;
  }

  private async search(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
    let uris: vscode.Uri[] = [];
    try {
      uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/${sidecarNameGlob(this.patternsOf(folder))}`), INDEX_EXCLUDE_GLOB);
    } catch {
      uris = [];
    }
    // Virtual file systems in browser hosts may have no search provider: findFiles then finds nothing.
    if (uris.length === 0 && vscode.env.uiKind === vscode.UIKind.Web) uris = await walk(folder.uri);
    return uris;
  }

  private get cacheUri(): vscode.Uri | undefined {
    return this.storage ? vscode.Uri.joinPath(this.storage, INDEX_CACHE_FILE) : undefined;
  }

  private async loadCache(): Promise<void> {
    const uri = this.cacheUri;
    if (!uri) return;
    let content: string | undefined;
    try {
      content = await readTextFile(uri);
    } catch (e) {
      this.log.warn(`The sidecar index cache could not be read (${(e as Error).message}); the sidecars are read again`);
      return;
    }
    if (content === undefined) return;
    const cache = parseIndexCache(content, uri.fsPath || uri.toString());
    if (cache.problem) this.log.warn(cache.problem);
    this.state.seed(cache.entries);
    if (cache.entries.size > 0) this.seeded();
  }

  private schedulePersist(): void {
    clearTimeout(this.persistTimer);
    this.persistTimer = setTimeout(() => void this.persist(), PERSIST_DELAY_MS);
  }

  /** Writes the cache now if anything changed (also for tests that restart from it). */
  async persist(): Promise<void> {
    clearTimeout(this.persistTimer);
    const uri = this.cacheUri;
    if (!uri || !this.storage || !this.state.changedSincePersist) return;
    this.state.changedSincePersist = false;
    try {
      await vscode.workspace.fs.createDirectory(this.storage);
      // A torn write is harmless: a cache that does not parse is ignored and the sidecars read.
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(serializeIndexCache(new Map(this.state.entries()))));
    } catch (e) {
      this.state.changedSincePersist = true;
      this.log.warn(`The sidecar index cache could not be written (${(e as Error).message}); the next start reads the sidecars again`);
    }
  }

  dispose(): void {
    this.generation++;
    clearTimeout(this.startTimer);
    clearTimeout(this.notifyTimer);
    // The last changes are kept for the next start, as far as the host lets the write finish.
    void this.persist();
    for (const d of this.disposables) d.dispose();
  }
}

/** A bounded walk of a folder for hosts without file search; hidden folders and node_modules are skipped. */
async function walk(root: vscode.Uri): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  let budget = MAX_WALK_ENTRIES;
  const visit = async (folder: vscode.Uri): Promise<void> => {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(folder);
    } catch {
      return;
    }
    for (const [name, type] of entries) {
      if (--budget < 0) return;
      if (name.startsWith('.') || name === 'node_modules') continue;
      const uri = vscode.Uri.joinPath(folder, name);
      if (type & vscode.FileType.Directory) await visit(uri);
      else if (name.endsWith('.ann.yaml')) out.push(uri);
    }
  };
  await visit(root);
  return out;
}
