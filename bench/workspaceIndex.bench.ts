/**
 * The workspace sidecar index on a generated corpus (10,000 texts, 30 annotations each: 300,000):
 * a cold build (no cache: every sidecar read and summarised), a warm build (the persisted cache
 * present: the folder listed and stat'ed, nothing read), one sidecar changed, and the memory the
 * index holds; each against a naive full read (read and parse every sidecar) in the same run.
 * The files are in the operating system's page cache in both, so "cold" is the index's own cold.
 *
 *   node --expose-gc --import tsx bench/workspaceIndex.bench.ts [documents]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseIndexCache, serializeIndexCache } from '../src/core/index/indexCache';
import { isExcludedPath, sidecarNameMatcher } from '../src/core/index/sidecarNamePattern';
import { SidecarIndexState } from '../src/core/index/sidecarIndexState';
import type { FileStat, IndexReader } from '../src/core/index/sidecarIndexState';
import { summariseSidecar } from '../src/core/index/sidecarSummary';
import { parseSidecar } from '../src/core/sidecar/parseSidecar';
import { DEFAULT_SIDECAR_PATTERN } from '../src/core/sidecar/sidecarPath';
import { emitRows } from './benchRows';
import { writeCorpus } from './generatedCorpus';

const documents = Number(process.argv[2] ?? '10000');
const PER_DOCUMENT = 30;
const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-index-bench-'));
const sidecars = writeCorpus(root, documents, PER_DOCUMENT);
// A dependency folder the index must not enter.
fs.mkdirSync(path.join(root, 'node_modules', 'dep'), { recursive: true });
fs.copyFileSync(sidecars[0] as string, path.join(root, 'node_modules', 'dep', 'x.txt.ann.yaml'));

const matches = sidecarNameMatcher([DEFAULT_SIDECAR_PATTERN, '${file}.gold.ann.yaml']);
async function listing(): Promise<Map<string, FileStat>> {
  const out = new Map<string, FileStat>();
  const entries = await fs.promises.readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && matches(e.name)).map((e) => path.join(e.parentPath, e.name));
  const relevant = files.filter((f) => !isExcludedPath(path.relative(root, f).split(path.sep).join('/')));
  for (let i = 0; i < relevant.length; i += 64) {
    const batch = relevant.slice(i, i + 64);
    const stats = await Promise.all(batch.map((f) => fs.promises.stat(f)));
    batch.forEach((f, k) => out.set(f, { size: (stats[k] as fs.Stats).size, mtime: (stats[k] as fs.Stats).mtimeMs }));
  }
  return out;
}
const reader: IndexReader = {
  async read(key) {
    try {
      const s = await fs.promises.stat(key);
      return { content: await fs.promises.readFile(key, 'utf8'), stat: { size: s.size, mtime: s.mtimeMs } };
    } catch {
      return undefined;
    }
  },
  pause: () => new Promise((resolve) => setImmediate(resolve)),
};
const cacheFile = path.join(root, '.cache', 'sidecar-index.json');
fs.mkdirSync(path.dirname(cacheFile));

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await run();
  return [performance.now() - t0, value];
}

async function main(): Promise<void> {
  // Both paths warmed up first, so neither pays for the compiler alone.
  for (const file of sidecars.slice(0, 200)) summariseSidecar(fs.readFileSync(file, 'utf8'));
  // Baseline: what each feature did before, once: find every sidecar and parse it whole.
  // What Find would need from each summary to search without reading sidecars: every annotation's text, label and status.
  let findFieldsBytes = 0;
  const [naive, annotationsRead] = await time(async () => {
    let n = 0;
    for (const [file] of await listing()) {
      const annotations = parseSidecar(await fs.promises.readFile(file, 'utf8')).sidecar?.annotations ?? [];
      n += annotations.length;
      findFieldsBytes += Buffer.byteLength(JSON.stringify(annotations.map((a) => [a.text, a.label, a.status, a.start])));
    }
    return n;
  });
  if (annotationsRead !== documents * PER_DOCUMENT) throw new Error(`the naive read found ${annotationsRead} annotations`);

  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const [cold, coldState] = await time(async () => {
    const state = new SidecarIndexState((c) => summariseSidecar(c));
    const outcome = await state.reconcile(await listing(), reader);
    if (outcome.read !== documents) throw new Error(`the cold build read ${outcome.read} sidecars`);
    await fs.promises.writeFile(cacheFile, serializeIndexCache(new Map(state.entries())));
    return state;
  });
  gc();
  const heap = process.memoryUsage().heapUsed - heapBefore;
  const rss = process.memoryUsage().rss - rssBefore;

  const [warm] = await time(async () => {
    const state = new SidecarIndexState((c) => summariseSidecar(c));
    state.seed(parseIndexCache(await fs.promises.readFile(cacheFile, 'utf8'), cacheFile).entries);
    const outcome = await state.reconcile(await listing(), reader);
    if (outcome.read !== 0 || outcome.reused !== documents) throw new Error(`the warm build read ${outcome.read} sidecars`);
    return state;
  });

  // One sidecar changed: what the watcher's event costs (read and summarise that file).
  const changed = sidecars[Math.floor(documents / 2)] as string;
  const content = fs.readFileSync(changed, 'utf8');
  const changes: number[] = [];
  for (let i = 0; i < 5; i++) {
    fs.writeFileSync(changed, content.replace(/status: suggested/u, i % 2 === 0 ? 'status: rejected' : 'status: suggested'));
    const [ms, updated] = await time(() => coldState.update(changed, reader));
    if (!updated) throw new Error('the change was not seen');
    changes.push(ms);
  }
  const change = Math.min(...changes);
  const cacheBytes = fs.statSync(cacheFile).size;
  const perFile = naive / documents;

  fs.rmSync(root, { recursive: true, force: true });
  const k = `${documents / 1000}k texts, ${(documents * PER_DOCUMENT) / 1000}k annotations`;
  console.log(
    `index ${k}: naive ${naive.toFixed(0)} ms, cold ${cold.toFixed(0)} ms, warm ${warm.toFixed(0)} ms, one change ${change.toFixed(1)} ms, cache ${(cacheBytes / 1e6).toFixed(1)} MB (+${(findFieldsBytes / 1e6).toFixed(1)} MB with Find's fields), heap ${(heap / 1e6).toFixed(1)} MB, RSS ${(rss / 1e6).toFixed(1)} MB`,
  );
  emitRows([
    {
      name: `workspace index cold build, ${k}`,
      value: `${cold.toFixed(0)} ms`,
      baseline: `full read of every sidecar ${naive.toFixed(0)} ms`,
      ratio: `${(cold / naive).toFixed(2)}×`,
      target: '≤ 10 s',
    },
    {
      name: `workspace index warm build (cache), ${k}`,
      value: `${warm.toFixed(0)} ms`,
      baseline: `full read of every sidecar ${naive.toFixed(0)} ms`,
      ratio: `${(warm / naive).toFixed(2)}×`,
      target: '≤ 2 s',
    },
    {
      name: 'workspace index, one sidecar changed',
      value: `${change.toFixed(1)} ms`,
      baseline: `full read, per sidecar ${perFile.toFixed(2)} ms`,
      ratio: `${(change / perFile).toFixed(2)}×`,
      target: '< 50 ms',
    },
    {
      name: `workspace index cache file, ${k}`,
      value: `${(cacheBytes / 1e6).toFixed(1)} MB`,
      baseline: `with Find's fields (text, label, status, start) ${((cacheBytes + findFieldsBytes) / 1e6).toFixed(1)} MB`,
      ratio: `${(cacheBytes / (cacheBytes + findFieldsBytes)).toFixed(2)}×`,
      target: '',
    },
    { name: `workspace index memory, ${k}`, value: `${(heap / 1e6).toFixed(1)} MB heap, ${(rss / 1e6).toFixed(1)} MB RSS`, baseline: '', ratio: '', target: '< 300 MB' },
  ]);
}

void main();
