import type { SidecarSummary } from './sidecarSummary';
import { DOCUMENT_STATUSES } from '../sidecar/sidecarTypes';
import type { DocumentStatus } from '../sidecar/sidecarTypes';
import { isCount, isTally } from '../stats/annotationTally';

/** Raised whenever the summary's shape or meaning changes: an older cache is then built anew. */
export const INDEX_CACHE_VERSION = 4;

/** What the index knows of one sidecar: the size and modification time it was read at, and its summary. */
export interface IndexEntry {
  readonly size: number;
  readonly mtime: number;
  readonly summary: SidecarSummary;
}

/** Whether an entry still describes a file of this size and modification time (nothing else is compared). */
export function isFresh(entry: IndexEntry | undefined, stat: { readonly size: number; readonly mtime: number }): entry is IndexEntry {
  return entry !== undefined && entry.size === stat.size && entry.mtime === stat.mtime;
}

/**
 * The cache file's content: one JSON line, entries in key order so two caches of one state are
 * equal. The learned names are one table (`names`, each `[text, label]` once) and each summary
 * lists indices into it: a corpus repeats its names across thousands of sidecars, and reading
 * the cache then makes one pair per name, shared, instead of one per sidecar and name.
 */
export function serializeIndexCache(entries: ReadonlyMap<string, IndexEntry>): string {
  const names: (readonly [string, string])[] = [];
  const numbers = new Map<string, number>();
  const numberOf = (pair: readonly [string, string]): number => {
    const key = `${pair[0]}\u0000${pair[1]}`;
    let n = numbers.get(key);
    if (n === undefined) {
      n = names.length;
      names.push(pair);
      numbers.set(key, n);
    }
    return n;
  };
  // An entry whose read failed has no size or time to be checked against: it is read again next time.
  const rows = [...entries.entries()]
    .filter(([, e]) => e.size >= 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, e]) => [key, e.size, e.mtime, { ...e.summary, learned: e.summary.learned.map(numberOf) }]);
  return JSON.stringify({ tawsimIndex: INDEX_CACHE_VERSION, names, entries: rows });
}

export interface ParsedIndexCache {
  readonly entries: Map<string, IndexEntry>;
  /** Why the cache (or some entries of it) was not used; the index then reads those sidecars again. */
  readonly problem?: string;
}

/**
 * Reads a cache file. A cache is only ever a shortcut: anything wrong with it (not JSON, another
 * version, an entry of the wrong shape) drops what is wrong, says so, and the sidecars are read.
 */
export function parseIndexCache(content: string, name: string): ParsedIndexCache {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (e) {
    return { entries: new Map(), problem: `${name}: the index cache is not valid JSON (${(e as Error).message}); the sidecars are read again` };
  }
  if (!isRecord(value) || !Array.isArray(value['entries'])) return { entries: new Map(), problem: `${name}: not an index cache; the sidecars are read again` };
  if (value['tawsimIndex'] !== INDEX_CACHE_VERSION) {
    return { entries: new Map(), problem: `${name}: an index cache of version ${String(value['tawsimIndex'])}, not ${INDEX_CACHE_VERSION}; the sidecars are read again` };
  }
  const table = value['names'];
  if (!Array.isArray(table) || !table.every(isPair)) return { entries: new Map(), problem: `${name}: the index cache's table of names is malformed; the sidecars are read again` };
  const names = table.map((pair) => Object.freeze([pair[0], pair[1]] as const));
  const entries = new Map<string, IndexEntry>();
  let bad = 0;
  for (const row of value['entries'] as unknown[]) {
    const entry = entryOf(row, names);
    if (entry) entries.set(entry[0], entry[1]);
    else bad++;
  }
  return bad === 0 ? { entries } : { entries, problem: `${name}: ${bad} entries of the index cache were malformed and are read again` };
}

function entryOf(row: unknown, names: readonly (readonly [string, string])[]): [string, IndexEntry] | undefined {
  if (!Array.isArray(row) || row.length !== 4) return undefined;
  const [key, size, mtime, summary] = row as unknown[];
  if (typeof key !== 'string' || !isCount(size) || typeof mtime !== 'number' || !Number.isFinite(mtime) || !isSummary(summary)) return undefined;
  const numbers = summary['learned'];
  if (!Array.isArray(numbers) || !numbers.every((n) => Number.isInteger(n) && n >= 0 && n < names.length)) return undefined;
  return [key, { size, mtime, summary: { ...(summary as unknown as SidecarSummary), learned: numbers.map((n: number) => names[n] as readonly [string, string]) } }];
}

function isPair(p: unknown): p is [string, string] {
  return Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string';
}

/** A summary as the cache stores it: the learned names are checked against the table by the caller. */
function isSummary(s: unknown): s is Record<string, unknown> {
  if (!isRecord(s)) return false;
  if (!isCount(s['annotations']) || !isCount(s['errors']) || !isCount(s['warnings']) || typeof s['decided'] !== 'boolean') return false;
  if (!optionalString(s['documentPath']) || !optionalString(s['annotator']) || !optionalString(s['problem'])) return false;
  if (s['newer'] !== undefined && s['newer'] !== true) return false;
  if (s['status'] !== undefined && !DOCUMENT_STATUSES.includes(s['status'] as DocumentStatus)) return false;
  return isTally(s['tally']);
}

function optionalString(v: unknown): boolean {
  return v === undefined || typeof v === 'string';
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
