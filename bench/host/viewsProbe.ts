/**
 * Runs inside the extension host in place of a test suite (bench/hostViews.bench.ts launches it):
 * times, from the start of `activate`, the moment the Annotations view's roots, the Statistics
 * figures, Find's first match and the index behind learned suggestions are ready, all asked for at
 * once as a user opening the views would; then lets Find read the whole workspace and takes the
 * host's RSS. Writes the figures as JSON to TAWSIM_BENCH_OUT.
 */
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { TawsimApi } from '../../src/extension';
import { FindSession } from '../../src/editor/explorer/findSession';

/** Figures of one start of the host. */
export interface ProbeFigures {
  readonly activationMs: number;
  /** CPU time of the host process during `activate`: what a busy machine does not inflate. */
  readonly activationCpuMs: number;
  readonly rootsMs: number;
  readonly statisticsMs: number;
  readonly findFirstMs: number;
  readonly findAllMs: number;
  readonly indexReadyMs: number;
  /** Until learned suggestions hold the workspace's tags (from the cache on a warm start). */
  readonly learnedReadyMs: number;
  readonly learnedEntries: number;
  /** Annotators whose progress Statistics showed (the generated project assigns two). */
  readonly progressAnnotators: number;
  readonly documents: number;
  readonly annotations: number;
  readonly rssMb: number;
  readonly rssAfterFindMb: number;
  /** After a full garbage collection with Find still holding every annotation: what is kept, not what was read on the way. */
  readonly rssAfterFindCollectedMb: number;
  readonly heapAfterFindCollectedMb: number;
}

const QUERY = 'بوريطة';

export async function run(): Promise<void> {
  const out = process.env['TAWSIM_BENCH_OUT'];
  if (!out) throw new Error('TAWSIM_BENCH_OUT names the file for the figures');
  const ext = vscode.extensions.getExtension<TawsimApi>('tawsim.tawsim');
  if (!ext) throw new Error('the extension is not installed in this host');
  const api = await ext.activate();
  const since = (): number => performance.now() - api.activation.startedAt;
  const explorer = api.explorer;
  let findFirstMs: number | undefined;
  let session: FindSession | undefined;
  const findAll = new Promise<number>((resolve, reject) => {
    session = new FindSession(explorer.annotations, api.services.labels(), () => {
      if (findFirstMs === undefined && session && session.matches(QUERY).length > 0) findFirstMs = since();
    });
    session.finished.then(() => resolve(since()), reject);
  });
  let progressAnnotators = 0;
  const [rootsMs, statisticsMs, indexReadyMs, learnedReadyMs] = await Promise.all([
    explorer.tree.rebuild().then(since),
    explorer.collectStatistics().then((collected) => {
      progressAnnotators = collected.progress.length;
      return since();
    }),
    api.services.index.ready().then(since),
    api.suggestions.learned.ready.then(since),
  ]);
  const learnedEntries = api.suggestions.learned.entries().length;
  const rssMb = process.memoryUsage().rss / 1e6;
  const findAllMs = await findAll;
  const rssAfterFindMb = process.memoryUsage().rss / 1e6;
  collectGarbage();
  const collected = process.memoryUsage();
  // Find is still open: its matches stay reachable through the session.
  const stillOpen = session?.matches(QUERY).length ?? 0;
  const model = explorer.tree.current();
  await api.services.index.persist();
  const figures: ProbeFigures = {
    activationMs: api.activation.ms,
    activationCpuMs: api.activation.cpuMs,
    rootsMs,
    statisticsMs,
    findFirstMs: findFirstMs ?? Number.NaN,
    findAllMs,
    indexReadyMs,
    learnedReadyMs,
    learnedEntries,
    progressAnnotators,
    documents: model.roots.length,
    annotations: model.total,
    rssMb,
    rssAfterFindMb,
    rssAfterFindCollectedMb: collected.rss / 1e6,
    heapAfterFindCollectedMb: collected.heapUsed / 1e6,
  };
  if (stillOpen === 0) throw new Error('Find found nothing to hold');
  fs.writeFileSync(out, JSON.stringify(figures));
}

/** A full collection, in a host started without --expose-gc: the flag is set at run time and gc() taken from a fresh context. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}
