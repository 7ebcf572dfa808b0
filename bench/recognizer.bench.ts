/**
 * Recogniser throughput against the shared tokeniser on the same text (`npm run bench`).
 * Builds about 10 MB of Arabic news text from the evaluation fixtures, varied so that repeats are
 * not identical (digits shift), then times one bare `tokenize` pass and one `recognize` pass (with a
 * publication date) over the same lines, as the editor calls them, and `recognize` over the whole
 * text at once; prints MB/s and the ratios. No assertion: the target (recognise within 5× the
 * tokeniser) is read off the output.
 *
 * Both passes go line by line because ICU's word segmenter slows down more than linearly on one
 * string of several megabytes (minutes for 1 MB on Node 20), which would flatter the ratio.
 *
 *   npx tsx bench/recognizer.bench.ts [megabytes]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tokenize } from '../src/core/model/tokens';
import { recognize } from '../src/core/recognize/recognize';
import { emitRows } from './benchRows';

const targetMb = Number(process.argv[2] ?? '10');
const folder = join(__dirname, '..', 'test', 'fixtures', 'eval');
const texts = readdirSync(folder)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(folder, f), 'utf8'));

const parts: string[] = [];
let size = 0;
for (let round = 0; size < targetMb * 1_000_000; round++) {
  for (const t of texts) {
    // Vary numbers so the text is not one block repeated: days and years shift with the round.
    const varied = t.replace(/\d+/gu, (d) => String((Number(d) + round) % (d.length === 4 ? 3000 : 32) || 1));
    parts.push(varied);
    size += Buffer.byteLength(varied, 'utf8');
  }
}
const text = parts.join('\n');
const mb = Buffer.byteLength(text, 'utf8') / 1_000_000;

function time(label: string, run: () => number): number {
  run(); // warm-up on a slice is not enough for the JIT on 10 MB; run once fully, then measure
  const t0 = performance.now();
  const n = run();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(10)} ${ms.toFixed(0).padStart(7)} ms  ${(mb / (ms / 1000)).toFixed(2).padStart(7)} MB/s  (${n} items)`);
  return ms;
}

const lines = text.split('\n');
console.log(`text: ${mb.toFixed(2)} MB, ${text.length} UTF-16 units, ${lines.length} lines`);
const sum = (f: (line: string) => number): number => lines.reduce((n, line) => n + f(line), 0);
const base = time('tokenize', () => sum((line) => tokenize(line).length));
const rec = time('recognize', () => sum((line) => recognize(line, { documentDate: '2023-01-18' }).length));
const whole = time('whole', () => recognize(text, { documentDate: '2023-01-18' }).length);
console.log(`ratio recognize / tokenize, per line: ${(rec / base).toFixed(2)}× (target ≤ 5×)`);
console.log(`ratio recognize on the whole text / tokenize per line: ${(whole / base).toFixed(2)}×`);
emitRows([
  {
    name: `recogniser, ${mb.toFixed(1)} MB Arabic news`,
    value: `${(mb / (rec / 1000)).toFixed(2)} MB/s`,
    baseline: `tokenise ${(mb / (base / 1000)).toFixed(2)} MB/s`,
    ratio: `${(rec / base).toFixed(2)}×`,
    target: '≤ 5×',
  },
]);
