/**
 * Peak memory for a 10 MB text with 100,000 annotations held the way the editor holds them
 * (tracked annotations, placed from a sidecar), against the target 4 × text size + 300 bytes per
 * annotation. Run with --expose-gc so the measurement starts clean.
 *
 *   node --expose-gc --import tsx bench/memory.bench.ts [megabytes] [annotations]
 */
import type { Annotation } from '../src/core/model/annotation';
import { TrackedAnnotations } from '../src/core/model/trackedAnnotations';
import { CodePointIndex } from '../src/core/model/offsets';
import { arabicCorpus, emitRows } from './benchRows';

const megabytes = Number(process.argv[2] ?? '10');
const count = Number(process.argv[3] ?? '100000');
const gc = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

gc();
const before = process.memoryUsage().heapUsed;
const text = arabicCorpus(megabytes);
const textBytes = Buffer.byteLength(text, 'utf8');
const index = new CodePointIndex(text);
const step = Math.floor(text.length / count);
const annotations: Annotation[] = [];
for (let i = 0; i < count; i++) {
  const start = i * step;
  const end = start + Math.min(step, 6);
  annotations.push({ id: `t${i + 1}`, label: 'LOC', start, end, text: text.slice(start, end), status: 'accepted', source: 'manual' });
}
const tracked = new TrackedAnnotations(annotations);
annotations.length = 0;
gc();
const used = process.memoryUsage().heapUsed - before;
const budget = 4 * textBytes + 300 * count;
console.log(
  `text ${(textBytes / 1e6).toFixed(1)} MB (${index.codePointLength} code points), ${tracked.size} annotations: ${(used / 1e6).toFixed(1)} MB heap; budget ${(budget / 1e6).toFixed(1)} MB`,
);
emitRows([
  {
    name: `memory, ${megabytes} MB text + ${count / 1000}k annotations`,
    value: `${(used / 1e6).toFixed(1)} MB`,
    baseline: `budget ${(budget / 1e6).toFixed(1)} MB`,
    ratio: `${(used / budget).toFixed(2)} of budget`,
    target: '≤ 4 × text + 300 B/annotation',
  },
]);
