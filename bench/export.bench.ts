/**
 * Export of 10,000 documents to each format: documents per second, against serialising the same
 * sidecars (the baseline, same run).
 *
 *   npx tsx bench/export.bench.ts [documents]
 */
import type { Annotation } from '../src/core/model/annotation';
import { exportDocuments } from '../src/core/formats/exportFormat';
import { FORMATS } from '../src/core/formats/formatRegistry';
import type { FormatId } from '../src/core/formats/formatTypes';
import { serializeSidecar } from '../src/core/sidecar/serializeSidecar';
import { buildSidecar } from '../src/core/sidecar/documentAnnotations';
import { arabicCorpus, bestOf, emitRows } from './benchRows';
import { seeded } from '../src/core/random';
import type { BenchRow } from './benchRows';

const count = Number(process.argv[2] ?? '10000');
const r = seeded(5);
const paragraphs = arabicCorpus(1).split('\n');
const documents = Array.from({ length: count }, (_, i) => {
  const text = paragraphs[i % paragraphs.length] as string;
  const annotations: Annotation[] = [];
  for (let at = text.indexOf(' '), n = 1; at >= 0 && at < text.length - 10; at = text.indexOf(' ', at + 40 + Math.floor(r() * 40)), n++) {
    const start = at + 1;
    const end = text.indexOf(' ', start + 2);
    if (end < 0) break;
    annotations.push({
      id: `t${n}`,
      label: n % 4 === 0 ? 'DATE' : 'LOC',
      start,
      end,
      text: text.slice(start, end),
      status: 'accepted',
      source: 'manual',
      ...(n % 4 === 0 ? { value: '2023-01-17' } : {}),
    });
  }
  return { path: `news/${String(i).padStart(5, '0')}.txt`, text, annotations, annotator: 'bench' };
});

const perSecond = (ms: number): string => Math.round((count / ms) * 1000).toLocaleString('en');
const baseline = bestOf(1, () => documents.map((d) => serializeSidecar(buildSidecar({ path: d.path, annotator: 'bench' }, d.text, d.annotations, []))));
console.log(`export bench: ${count} documents; sidecar serialisation ${perSecond(baseline)} docs/s`);
const rows: BenchRow[] = [];
for (const format of FORMATS) {
  const ms = bestOf(1, () => exportDocuments(format.id as FormatId, { documents }));
  console.log(`  ${format.id.padEnd(12)} ${perSecond(ms).padStart(9)} docs/s`);
  rows.push({
    name: `export ${format.id}, ${count} docs`,
    value: `${perSecond(ms)} docs/s`,
    baseline: `sidecar write ${perSecond(baseline)} docs/s`,
    ratio: `${(ms / baseline).toFixed(2)}×`,
    target: 'documents per second',
  });
}
emitRows(rows);
