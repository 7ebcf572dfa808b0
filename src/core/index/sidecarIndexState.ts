import { isFresh } from './indexCache';
import type { IndexEntry } from './indexCache';
import type { SidecarSummary } from './sidecarSummary';
import { EMPTY_TALLY } from '../stats/annotationTally';
import { LearnedPairs } from './learnedPairs';

/** A sidecar as listed: its size in bytes and modification time in milliseconds. */
export interface FileStat {
  readonly size: number;
  readonly mtime: number;
}

/** How the index reaches files; the editor gives `workspace.fs`, the bench and tests Node's fs. */
export interface IndexReader {
  /** The file's content and its stat as read, or undefined when it is gone. */
  read(key: string): Promise<{ readonly content: string; readonly stat: FileStat } | undefined>;
  /** Lets the host run other work; awaited between slices of reading. */
  pause(): Promise<void>;
}

export interface ReconcileOutcome {
  /** Sidecars read because they were new or their size or time changed. */
  readonly read: number;
  /** Sidecars whose summary was taken from the cache. */
  readonly reused: number;
  readonly removed: number;
  /** The keys read or removed: the ones whose summary may differ from before. */
  readonly changed: readonly string[];
}

/** Reads run this many at a time: thousands of parallel reads stall remote file systems. */
const PARALLEL_READS = 16;
/** Work goes on for at most this long before the host gets a turn. */
const SLICE_MS = 25;

/**
 * The index's state: a summary per sidecar, keyed by the file's URI (or path), valid for the size
 * and modification time it was read at. Pure: it reads through the reader it is given and yields
 * to the host every few milliseconds, so a corpus of thousands of files never blocks the host.
 */
export class SidecarIndexState {
  private readonly map = new Map<string, IndexEntry>();
  /** Set when the state differs from what was last persisted. */
  changedSincePersist = false;
  /** The learned names of every summary, one pair per distinct name (kept while the index lives). */
  private readonly pairs = new LearnedPairs();

  constructor(private readonly summarise: (content: string) => SidecarSummary) {}

  /** Entries from a persisted cache; those still matching their file are used without reading it. */
  seed(entries: ReadonlyMap<string, IndexEntry>): void {
    // A cache's summaries share their learned pairs already (parseIndexCache).
    for (const [key, entry] of entries) this.map.set(key, entry);
  }

  get(key: string): IndexEntry | undefined {
    return this.map.get(key);
  }

  get size(): number {
    return this.map.size;
  }

  entries(): IterableIterator<[string, IndexEntry]> {
    return this.map.entries();
  }

  /**
   * Brings the state in line with a listing of every sidecar: entries of files no longer listed
   * go, files that are new or whose size or time changed are read; the rest keep their summary.
   */
  async reconcile(listing: ReadonlyMap<string, FileStat>, reader: IndexReader, isCancelled: () => boolean = () => false): Promise<ReconcileOutcome> {
    const gone: string[] = [];
    for (const key of [...this.map.keys()]) {
      if (!listing.has(key)) {
        this.map.delete(key);
        gone.push(key);
      }
    }
    const removed = gone.length;
    const stale: string[] = [];
    for (const [key, stat] of listing) if (!isFresh(this.map.get(key), stat)) stale.push(key);
    if (removed > 0 || stale.length > 0) this.changedSincePersist = true;
    let sliceStart = Date.now();
    for (let i = 0; i < stale.length && !isCancelled(); i += PARALLEL_READS) {
      const batch = stale.slice(i, i + PARALLEL_READS);
      const read = await Promise.all(batch.map((key) => reader.read(key).catch((e: unknown) => ({ error: e as Error }))));
      batch.forEach((key, k) => this.store(key, read[k]));
      if (Date.now() - sliceStart >= SLICE_MS) {
        await reader.pause();
        sliceStart = Date.now();
      }
    }
    return { read: stale.length, reused: listing.size - stale.length, removed, changed: [...stale, ...gone] };
  }

  /** One file changed, was created or was written by the editor: read it unless its stat says it is the same. Returns whether anything changed. */
  async update(key: string, reader: IndexReader, stat?: FileStat): Promise<boolean> {
    if (stat && isFresh(this.map.get(key), stat)) return false;
    const read = await reader.read(key).catch((e: unknown) => ({ error: e as Error }));
    const before = this.map.get(key);
    this.store(key, read);
    return before !== this.map.get(key);
  }

  /** A file was deleted. Returns whether the index had it. */
  remove(key: string): boolean {
    const had = this.map.delete(key);
    if (had) this.changedSincePersist = true;
    return had;
  }

  private store(key: string, read: { readonly content: string; readonly stat: FileStat } | { readonly error: Error } | undefined): void {
    if (read === undefined) {
      this.remove(key);
      return;
    }
    this.changedSincePersist = true;
    if ('error' in read) {
      // Not cached as fresh (size and time unknown): the next reconcile tries again.
      this.map.set(key, {
        size: -1,
        mtime: -1,
        summary: { annotations: 0, tally: EMPTY_TALLY, learned: [], decided: false, errors: 1, warnings: 0, problem: read.error.message },
      });
      return;
    }
    this.map.set(key, { size: read.stat.size, mtime: read.stat.mtime, summary: this.pairs.share(this.summarise(read.content)) });
  }
}
