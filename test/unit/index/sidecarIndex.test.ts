import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSidecar } from '../../../src/core/sidecar/documentAnnotations';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { INDEX_CACHE_VERSION, parseIndexCache, serializeIndexCache } from '../../../src/core/index/indexCache';
import { SidecarIndexState } from '../../../src/core/index/sidecarIndexState';
import type { FileStat, IndexReader } from '../../../src/core/index/sidecarIndexState';
import { summariseSidecar } from '../../../src/core/index/sidecarSummary';
import { EMPTY_TALLY, labelCounts } from '../../../src/core/stats/annotationTally';
import { isExcludedPath, sidecarNameGlob, sidecarNameMatcher } from '../../../src/core/index/sidecarNamePattern';

const TEXT = 'زار محمد الرباط يوم الاثنين';

function sidecarText(annotator: string, statuses: Array<'accepted' | 'suggested' | 'rejected'>, status?: 'done'): string {
  const spans = [
    { label: 'PER', start: 4, end: 8 },
    { label: 'LOC', start: 9, end: 15 },
    { label: 'PER', start: 4, end: 8 },
  ];
  const annotations = statuses.map((s, i) => ({ id: `t${i + 1}`, ...(spans[i] as (typeof spans)[number]), text: '', status: s, source: 'manual' as const }));
  return serializeSidecar(buildSidecar({ path: 'a.txt', annotator, ...(status ? { status } : {}) }, TEXT, annotations, []));
}

/** Reads real files and counts the reads, so a test can say which files were read. */
class CountingReader implements IndexReader {
  readonly reads: string[] = [];
  async read(key: string): Promise<{ content: string; stat: FileStat } | undefined> {
    this.reads.push(key);
    try {
      const content = await fs.promises.readFile(key, 'utf8');
      const s = await fs.promises.stat(key);
      return { content, stat: { size: s.size, mtime: s.mtimeMs } };
    } catch {
      return undefined;
    }
  }
  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function listing(files: string[]): Map<string, FileStat> {
  return new Map(
    files.map((f) => {
      const s = fs.statSync(f);
      return [f, { size: s.size, mtime: s.mtimeMs }];
    }),
  );
}

describe('the workspace sidecar index', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-index-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shares one learned pair per distinct name between the summaries, whether read or seeded from a cache', async () => {
    const files = ['a', 'b', 'c'].map((n) => path.join(dir, `${n}.txt.ann.yaml`));
    files.forEach((f, i) => fs.writeFileSync(f, sidecarText(`annotator${i}`, ['accepted', 'accepted'])));
    const state = new SidecarIndexState((content) => summariseSidecar(content));
    await state.reconcile(listing(files), new CountingReader());
    const pairsOf = (st: SidecarIndexState, f: string): readonly (readonly [string, string])[] => st.get(f)?.summary.learned ?? [];
    assert.deepEqual(pairsOf(state, files[0] as string), [
      ['محمد', 'PER'],
      ['الرباط', 'LOC'],
    ]);
    for (const f of files.slice(1)) pairsOf(state, f).forEach((pair, k) => assert.equal(pair, pairsOf(state, files[0] as string)[k], 'the same array, not a copy'));

    const cached = parseIndexCache(serializeIndexCache(new Map(state.entries())), 'cache.json');
    const warm = new SidecarIndexState((content) => summariseSidecar(content));
    warm.seed(cached.entries);
    assert.notEqual(pairsOf(warm, files[0] as string)[0], pairsOf(state, files[0] as string)[0], 'another index has its own pairs');
    assert.equal(pairsOf(warm, files[2] as string)[1], pairsOf(warm, files[0] as string)[1]);
    assert.deepEqual(pairsOf(warm, files[1] as string), pairsOf(state, files[1] as string));
  });

  it('summarises a sidecar: counts per label without rejected ones, accepted pairs once, annotator and status', () => {
    const summary = summariseSidecar(sidecarText('salma', ['accepted', 'suggested', 'rejected'], 'done'));
    assert.equal(summary.annotator, 'salma');
    assert.equal(summary.status, 'done');
    assert.equal(summary.documentPath, 'a.txt');
    assert.equal(summary.annotations, 3);
    assert.deepEqual(labelCounts(summary.tally), { PER: 1, LOC: 1 });
    assert.deepEqual(summary.learned, [['محمد', 'PER']]);
    assert.deepEqual(summary.tally, { counts: { PER: [1, 0, 1], LOC: [0, 1, 0] }, orphans: 0, reviewed: false });
    assert.equal(summary.decided, true);
    assert.equal(summary.problem, undefined);
  });

  it('reports a sidecar of a newer schema version as a problem instead of failing', () => {
    const newer = sidecarText('salma', ['accepted']).replace(/^tawsim: \d+/u, 'tawsim: 99');
    const summary = summariseSidecar(newer);
    assert.equal(summary.newer, true);
    assert.match(summary.problem ?? '', /schema version 99/u);
    assert.equal(summary.annotations, 0);
    assert.ok(summary.errors >= 1);
  });

  it('reports a broken sidecar with its line', () => {
    const summary = summariseSidecar('tawsim: 1\ndocument: [unclosed\n');
    assert.ok(summary.errors >= 1);
    assert.match(summary.problem ?? '', /^\d+: /u);
  });

  it('matches file names by the sidecar patterns and leaves temporary and recovered files out', () => {
    const plain = sidecarNameMatcher(['${file}.ann.yaml']);
    assert.ok(plain('a.txt.ann.yaml'));
    assert.ok(plain('a.txt.salma.ann.yaml'), 'the default pattern covers annotator sidecars beside it');
    assert.ok(!plain('a.txt.recovered.ann.yaml'));
    assert.ok(!plain('.a.txt.ann.yaml'));
    assert.ok(!plain('a.txt.yaml'));
    const perAnnotator = sidecarNameMatcher(['ann-${annotator}-${file}.ann.yaml', '${file}.gold.ann.yaml']);
    assert.ok(perAnnotator('ann-salma-a.txt.ann.yaml'));
    assert.ok(perAnnotator('a.txt.gold.ann.yaml'));
    assert.ok(!perAnnotator('a.txt.ann.yaml'), "a sidecar outside the configured patterns is not the index's");
    assert.equal(sidecarNameGlob(['${file}.ann.yaml']), '*.ann.yaml');
    assert.equal(sidecarNameGlob(['ann-${annotator}-${file}.ann.yaml', '${file}.gold.ann.yaml']), '{*.gold.ann.yaml,ann-*-*.ann.yaml}');
    assert.ok(isExcludedPath('corpus/node_modules/x/a.txt.ann.yaml'));
    assert.ok(isExcludedPath('.git/a.txt.ann.yaml'));
    assert.ok(!isExcludedPath('corpus/gitlike/a.txt.ann.yaml'));
  });

  it('reads new files, reuses unchanged ones, and reads again when size or time changed', async () => {
    const a = path.join(dir, 'a.txt.ann.yaml');
    const b = path.join(dir, 'b.txt.ann.yaml');
    fs.writeFileSync(a, sidecarText('salma', ['accepted']));
    fs.writeFileSync(b, sidecarText('omar', ['suggested']));
    const state = new SidecarIndexState((c) => summariseSidecar(c));
    const reader = new CountingReader();
    assert.deepEqual(await state.reconcile(listing([a, b]), reader), { read: 2, reused: 0, removed: 0, changed: [a, b] });

    // A warm start from the persisted cache reads nothing.
    const warm = new SidecarIndexState((c) => summariseSidecar(c));
    const cached = parseIndexCache(serializeIndexCache(new Map(state.entries())), 'index.json');
    assert.equal(cached.problem, undefined);
    warm.seed(cached.entries);
    const warmReader = new CountingReader();
    assert.deepEqual(await warm.reconcile(listing([a, b]), warmReader), { read: 0, reused: 2, removed: 0, changed: [] });
    assert.deepEqual(warmReader.reads, []);
    assert.equal(warm.get(b)?.summary.annotator, 'omar');

    // Same size, another time: read again.
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(a, later, later);
    // Another size, same time: read again.
    const bTime = fs.statSync(b).mtime;
    fs.writeFileSync(b, sidecarText('omar', ['accepted', 'accepted']));
    fs.utimesSync(b, bTime, bTime);
    assert.deepEqual(await warm.reconcile(listing([a, b]), warmReader), { read: 2, reused: 0, removed: 0, changed: [a, b] });
    assert.deepEqual(labelCounts(warm.get(b)?.summary.tally ?? EMPTY_TALLY), { PER: 1, LOC: 1 });

    // A deleted file leaves the index.
    fs.rmSync(a);
    assert.deepEqual(await warm.reconcile(listing([b]), warmReader), { read: 0, reused: 1, removed: 1, changed: [a] });
    assert.equal(warm.get(a), undefined);
  });

  it('updates one file, skipping the read when its stat is unchanged, and drops a file gone when read', async () => {
    const a = path.join(dir, 'a.txt.ann.yaml');
    fs.writeFileSync(a, sidecarText('salma', ['suggested']));
    const state = new SidecarIndexState((c) => summariseSidecar(c));
    const reader = new CountingReader();
    assert.equal(await state.update(a, reader), true);
    assert.equal(state.get(a)?.summary.decided, false);
    assert.equal(await state.update(a, reader, listing([a]).get(a)), false);
    assert.equal(reader.reads.length, 1);
    fs.writeFileSync(a, sidecarText('salma', ['accepted']));
    assert.equal(await state.update(a, reader), true);
    assert.equal(state.get(a)?.summary.decided, true);
    fs.rmSync(a);
    assert.equal(await state.update(a, reader), true);
    assert.equal(state.size, 0);
  });

  it('ignores a corrupt cache with a message naming it, and keeps the good entries of a partly damaged one', () => {
    const notJson = parseIndexCache('{"tawsimIndex": 1, "entries": [', '/storage/index.json');
    assert.equal(notJson.entries.size, 0);
    assert.match(notJson.problem ?? '', /^\/storage\/index\.json: the index cache is not valid JSON/u);
    const otherVersion = parseIndexCache('{"tawsimIndex": 0, "entries": []}', 'index.json');
    assert.match(otherVersion.problem ?? '', /version 0/u);
    const summary = { ...summariseSidecar(sidecarText('salma', ['accepted'])), learned: [0] };
    const partly = parseIndexCache(
      JSON.stringify({
        tawsimIndex: INDEX_CACHE_VERSION,
        names: [['محمد', 'PER']],
        entries: [
          ['/a', 10, 5, summary],
          ['/b', -3, 5, summary],
          ['/c', 1, 2, { ...summary, learned: [['x']] }],
          ['/d', 1, 2, { ...summary, tally: { counts: { PER: [1, 0] }, orphans: 0, reviewed: false } }],
          ['/e', 1, 2, { ...summary, learned: [1] }],
        ],
      }),
      'index.json',
    );
    assert.deepEqual([...partly.entries.keys()], ['/a']);
    assert.deepEqual(partly.entries.get('/a')?.summary.learned, [['محمد', 'PER']], 'a name is read from the table');
    assert.match(partly.problem ?? '', /4 entries/u);
    const badTable = parseIndexCache(JSON.stringify({ tawsimIndex: INDEX_CACHE_VERSION, names: [['x']], entries: [['/a', 10, 5, summary]] }), 'index.json');
    assert.equal(badTable.entries.size, 0);
    assert.match(badTable.problem ?? '', /^index\.json: the index cache's table of names is malformed/u);
  });
});
