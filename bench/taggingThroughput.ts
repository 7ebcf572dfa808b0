/**
 * Tagging throughput on one core, line by line as the editor tags, run by `tagger.bench.ts` from an
 * esbuild bundle made as the extension's is (minified, no kept names), so the figure is that of
 * the code users run rather than of tsx's on-the-fly transform, which wraps every closure and
 * imported name and reads about a third slower on this path.
 *
 *   node BUNDLE MEGABYTES MODEL_FILE   prints one JSON line: { mb, rules, model } with { wall, cpu } ms
 */
import { readFileSync } from 'node:fs';
import { recognize } from '../src/core/recognize/recognize';
import { readModel } from '../src/core/tagger/modelFile';
import { arabicCorpus } from './benchRows';

const [megabytes = '1', modelFile = ''] = process.argv.slice(2);
const model = readModel(readFileSync(modelFile), modelFile);
const text = arabicCorpus(Number(megabytes));
const lines = text.split('\n');

// Wall time and the process's own processor time: on a machine shared with other work the wall
// clock also counts the time the process waited for a core, which is not tagging's cost.
const time = (run: () => void): { wall: number; cpu: number } => {
  run();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
};
const rules = time(() => lines.forEach((l) => recognize(l, { documentDate: '2023-01-18' })));
const tagged = time(() => lines.forEach((l) => recognize(l, { documentDate: '2023-01-18', tagger: { model } })));
console.log(JSON.stringify({ mb: Buffer.byteLength(text, 'utf8') / 1e6, rules, model: tagged }));
