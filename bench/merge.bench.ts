/**
 * Merging two versions of a sidecar (the command line's `import --merge` and checked writes, the
 * editor's "Merge Both"): N + N annotations against N/2 + N/2 in the same run. A merge that is
 * n log n at worst costs about twice as much for twice the annotations; a quadratic one (one search
 * of the result per annotation, as before) four times.
 *
 *   npx tsx bench/merge.bench.ts [annotations per side]
 */
import type { Annotation } from '../src/core/model/annotation';
import { mergeAnnotations } from '../src/core/sidecar/mergeAnnotations';
import { bestOf, emitRows } from './benchRows';

const n = Number(process.argv[2] ?? '40000');

/** One side: spans every 4 code points; the other side overlaps half of them, with clashing ids. */
function side(count: number, offset: number, label: string): Annotation[] {
  return Array.from({ length: count }, (_, i) => ({ id: `t${i + 1}`, label, start: offset + i * 4, end: offset + i * 4 + 3, text: 'نص', status: 'accepted', source: 'import' }));
}

const time = (count: number): number => {
  const mine = side(count, 0, 'LOC');
  const theirs = side(count, (count / 2) * 4, 'LOC');
  return bestOf(3, () => mergeAnnotations(mine, theirs));
};

const half = time(n / 2);
const full = time(n);
console.log(`merge ${n / 2}+${n / 2}: ${half.toFixed(1)} ms; ${n}+${n}: ${full.toFixed(1)} ms`);
emitRows([
  {
    name: `merge of two sidecars, ${n / 1000}k + ${n / 1000}k annotations`,
    value: `${full.toFixed(0)} ms`,
    baseline: `${n / 2000}k + ${n / 2000}k: ${half.toFixed(0)} ms`,
    ratio: `${(full / half).toFixed(1)}×`,
    target: '≤ 3× (quadratic: 4×)',
  },
]);
