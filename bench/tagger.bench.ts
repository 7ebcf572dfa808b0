/**
 * The trained tagger's figures (`npm run bench`), each against a baseline measured in the same run:
 *
 * - training the base model on ANERcorp's train part (when the corpus is on this machine) against
 *   one pass of the rules over the same sentences;
 * - a full re-fit on 5,000 annotated sentences (the workspace re-fit) against tagging them once;
 * - one online update (a correction learned at once) against one decode of the same sentence;
 * - tagging throughput with the model against the rules alone, on the same lines;
 * - the model file's size, and deflated as it sits in the .vsix, against the limit;
 * - the memory the loaded model takes against its weight table's own size.
 *
 *   npx tsx bench/tagger.bench.ts [megabytes-to-tag] [--data ANERCORP]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { buildSync } from 'esbuild';
import { dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { recognize } from '../src/core/recognize/recognize';
import { lexiconFor } from '../src/core/recognize/lexicon';
import { readConll } from '../src/core/tagger/labelledSentence';
import type { LabelledSentence } from '../src/core/tagger/labelledSentence';
import { readModel } from '../src/core/tagger/modelFile';
import { TAGGER_LABELS, tagCount } from '../src/core/tagger/tags';
import { goldMask } from '../src/core/tagger/taggerModel';
import { inputOf } from '../src/core/tagger/trainingSet';
import { trainBaseModel } from '../src/core/tagger/trainBaseModel';
import { refitOnLines } from '../src/core/tagger/refit';
import { extractFeatures } from '../src/core/tagger/features';
import { BASE_SETTINGS } from '../src/core/tagger/baseSettings';
import type { BenchRow } from './benchRows';
import { emitRows } from './benchRows';
import { corpus } from '../test/unit/tagger/smallCorpus';

const args = process.argv.slice(2);
const megabytes = Number(args.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? '1');
const dataAt = args.indexOf('--data');
const anercorp = dataAt >= 0 ? (args[dataAt + 1] as string) : join(__dirname, '..', '..', 'shared', 'data', 'anercorp', 'train.txt');
const modelFile = join(__dirname, '..', 'models', 'base', 'tawsim-ner.bin');
const T = tagCount(TAGGER_LABELS);
const rows: BenchRow[] = [];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

// Memory first, on a fresh heap: what loading the base model costs (the word lists the features
// read are built before, as the rules need them anyway).
lexiconFor(undefined);
global.gc?.();
const before = process.memoryUsage();
const bytes = readFileSync(modelFile);
const base = readModel(bytes, modelFile);
// The first decode builds the 8-bit copy of the weights that tagging reads: part of the model's memory.
const [first] = readConll('تفقد O\nالرئيس O\nعبد B-PERS\nالفتاح I-PERS\nالسيسي I-PERS\nالقاهرة B-LOC\n', 'first.conll', TAGGER_LABELS);
if (first) base.decode(extractFeatures(inputOf(first, undefined, undefined, base.stats), base.rowMask));
global.gc?.();
const after = process.memoryUsage();
const modelMb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1e6;
const tableMb = (base.weights.byteLength + base.transitions.byteLength) / 1e6;
rows.push({
  name: 'tagger: memory of the loaded base model',
  value: `${modelMb.toFixed(1)} MB`,
  baseline: `weight table ${tableMb.toFixed(1)} MB`,
  ratio: `${(modelMb / tableMb).toFixed(2)}×`,
  target: '≤ 60 MB',
});
const deflated = deflateRawSync(bytes, { level: 9 }).length;
rows.push({
  name: 'tagger: model size (file / deflated in the .vsix)',
  value: `${(bytes.length / 1e6).toFixed(2)} / ${(deflated / 1e6).toFixed(2)} MB`,
  baseline: 'limit 8 MB',
  ratio: `${(deflated / 8e6).toFixed(2)}× of the limit`,
  target: '≤ 8 MB',
});

// Training the base model on ANERcorp (skipped without the corpus).
if (existsSync(anercorp)) {
  const t0 = performance.now();
  const sentences = readConll(readFileSync(anercorp, 'utf8'), anercorp, TAGGER_LABELS);
  const t1 = performance.now();
  for (const s of sentences) recognize(s.text, { labels: TAGGER_LABELS });
  const rulesMs = performance.now() - t1 + (t1 - t0);
  const t2 = performance.now();
  trainBaseModel(sentences);
  const trainMs = performance.now() - t2 + (t1 - t0);
  rows.push({
    name: `tagger: training the base model (${sentences.length} sentences, ${BASE_SETTINGS.epochs} epochs, one core)`,
    value: seconds(trainMs),
    baseline: `read + rules once ${seconds(rulesMs)}`,
    ratio: `${(trainMs / rulesMs).toFixed(1)}×`,
    target: '≤ 60 s',
  });
} else rows.push({ name: 'tagger: training the base model', value: 'skipped: no ANERcorp', baseline: '', ratio: '', target: '≤ 60 s' });

// A full re-fit on 5,000 annotated sentences of news-style text written for the tests.
const annotated: LabelledSentence[] = readConll(corpus(0, 5000), 'bench.conll', TAGGER_LABELS);
const lines = annotated.map((s) => ({ offset: 0, sentence: s, allowed: goldMask(s.gold, T) }));
const features = annotated.map((s) => extractFeatures(inputOf(s, undefined, undefined, base.stats), base.rowMask));
const t3 = performance.now();
for (const f of features) base.decode(f);
const tagOnceMs = performance.now() - t3;
const t4 = performance.now();
refitOnLines(base, lines);
const refitMs = performance.now() - t4;
rows.push({
  name: 'tagger: full re-fit on 5,000 annotated sentences',
  value: seconds(refitMs),
  baseline: `tag them once ${seconds(tagOnceMs)}`,
  ratio: `${(refitMs / tagOnceMs).toFixed(0)}×`,
  target: '≤ 20 s',
});

// Online updates: each a different sentence whose correction the model has not learned yet.
const online = base.clone();
const corrections = annotated.slice(0, 2000).map((s, i) => {
  // The annotator relabels one entity of the sentence: the model must change its mind.
  const gold = s.gold.slice();
  const span = s.spans[i % s.spans.length];
  if (span) for (let k = span.first; k <= span.last; k++) gold[k] = (((gold[k] as number) + 3) % (T - 1)) + 1;
  return { f: features[i] as (typeof features)[number], allowed: goldMask(s.gold, T), changed: goldMask(gold, T) };
});
let learnMs = 0;
let decodeMs = 0;
for (const c of corrections) {
  const t5 = performance.now();
  online.decode(c.f);
  decodeMs += performance.now() - t5;
  const t6 = performance.now();
  online.learn(c.f, c.allowed);
  learnMs += performance.now() - t6;
}
rows.push({
  name: 'tagger: one online update (a correction learned)',
  value: `${(learnMs / corrections.length).toFixed(3)} ms`,
  baseline: `decode ${(decodeMs / corrections.length).toFixed(3)} ms`,
  ratio: `${(learnMs / decodeMs).toFixed(2)}×`,
  target: '≤ 1 ms',
});

// Tagging throughput, one core, line by line as the editor does, measured on the code as it ships:
// bundled and minified by esbuild like the extension, in a process of its own.
const bundle = join(mkdtempSync(join(tmpdir(), 'tawsim-bench-')), 'taggingThroughput.js');
buildSync({
  entryPoints: [join(__dirname, 'taggingThroughput.ts')],
  outfile: bundle,
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  loader: { '.json': 'json' },
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [bundle, String(megabytes), modelFile], { encoding: 'utf8' });
rmSync(dirname(bundle), { recursive: true, force: true });
if (run.status !== 0) throw new Error(`tagging throughput failed (exit ${run.status}): ${run.stderr}`);
interface Timing {
  readonly wall: number;
  readonly cpu: number;
}
const { mb, rules: rulesMs, model: modelMs } = JSON.parse(run.stdout.trim().split('\n').pop() as string) as { mb: number; rules: Timing; model: Timing };
const rate = (ms: number): string => (mb / (ms / 1000)).toFixed(2);
rows.push({
  name: `tagger: tagging ${mb.toFixed(1)} MB with the model (bundled as shipped, one core; wall / processor time)`,
  value: `${rate(modelMs.wall)} / ${rate(modelMs.cpu)} MB/s`,
  baseline: `rules alone ${rate(rulesMs.wall)} / ${rate(rulesMs.cpu)} MB/s`,
  ratio: `${(modelMs.wall / rulesMs.wall).toFixed(2)}× / ${(modelMs.cpu / rulesMs.cpu).toFixed(2)}×`,
  target: '≥ 1 MB/s',
});
for (const r of rows) console.log(`${r.name}: ${r.value} (${r.baseline}; ${r.ratio}; target ${r.target})`);
emitRows(rows);
