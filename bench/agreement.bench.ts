/**
 * Agreement over 1,000 synthetic documents × 2 annotators: documents per second for the folder
 * figures and for the disagreement list, and their ratio against tokenising the same texts (the
 * baseline, measured in the same run, so the ratio means something on any machine).
 *
 * Run: npx tsx bench/agreement.bench.ts [documents]
 */
import type { Annotation } from '../src/core/model/annotation';
import { tokenize } from '../src/core/model/tokens';
import type { DocumentInput } from '../src/core/review/agreementCounts';
import { compareAnnotators } from '../src/core/review/compareAnnotators';
import { measureAgreement } from '../src/core/review/measureAgreement';
import { emitRows } from './benchRows';
import { seeded } from '../src/core/random';

const VOCABULARY = [
  'قال',
  'وزير',
  'الخارجية',
  'المغربي',
  'في',
  'الرباط',
  'أمس',
  'إن',
  'الحكومة',
  'ستعقد',
  'اجتماعا',
  'مع',
  'ممثلي',
  'الاتحاد',
  'الأوروبي',
  'يوم',
  'الاثنين',
  'المقبل',
  'بالقاهرة',
  'وأضاف',
  'محمد',
  'بن',
  'سلمان',
  '،',
  '.',
];
const LABELS = ['PER', 'ORG', 'LOC', 'DATE', 'TIME', 'MISC'];
const WORDS_PER_DOCUMENT = 300;

function pick<T>(items: readonly T[], r: () => number): T {
  return items[Math.floor(r() * items.length)] as T;
}

function makeDocument(n: number, r: () => number): DocumentInput {
  const words: string[] = [];
  for (let i = 0; i < WORDS_PER_DOCUMENT; i++) words.push(pick(VOCABULARY, r));
  const text = words.join(' ');
  const starts: number[] = [];
  let offset = 0;
  for (const w of words) {
    starts.push(offset);
    offset += w.length + 1;
  }
  const span = (id: number, label: string, first: number, last: number): Annotation => {
    const start = starts[first] as number;
    const end = (starts[last] as number) + (words[last] as string).length;
    return { id: `t${id}`, label, start, end, text: text.slice(start, end), status: 'accepted', source: 'manual' };
  };
  // About one entity every eight words, one to three words long.
  const first: Annotation[] = [];
  for (let w = 0; w < WORDS_PER_DOCUMENT - 3; w += 4 + Math.floor(r() * 8)) {
    first.push(span(first.length + 1, pick(LABELS, r), w, w + Math.floor(r() * 3)));
  }
  // The second annotator drops, relabels, moves a boundary of, or keeps each span.
  const second: Annotation[] = [];
  for (const a of first) {
    const x = r();
    if (x < 0.1) continue;
    if (x < 0.2) second.push({ ...a, id: `t${second.length + 1}`, label: pick(LABELS, r) });
    else if (x < 0.3) second.push({ ...a, id: `t${second.length + 1}`, end: Math.max(a.start + 1, a.end - 2) });
    else second.push({ ...a, id: `t${second.length + 1}` });
  }
  return {
    document: `doc-${n}.txt`,
    text,
    sets: [
      { annotator: 'salma', annotations: first },
      { annotator: 'omar', annotations: second },
    ],
  };
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Best of several rounds, after one warm-up, to keep garbage collection and JIT noise out. */
function best(run: () => void, rounds = 3): number {
  run();
  let min = Infinity;
  for (let i = 0; i < rounds; i++) min = Math.min(min, time(run));
  return min;
}

const count = Number(process.argv[2] ?? 1000);
const r = seeded(20240501);
const docs = Array.from({ length: count }, (_, i) => makeDocument(i, r));

const baseline = best(() => {
  for (const d of docs) tokenize(d.text, { splitProclitics: true });
});
const agreement = best(() => {
  measureAgreement(docs);
});
const comparison = best(() => {
  for (const d of docs) compareAnnotators(d.sets);
});

const perSecond = (ms: number): string => Math.round((count / ms) * 1000).toLocaleString('en');
const report = measureAgreement(docs);
const pair = report.total.pairs[0];
console.log(`agreement bench: ${count} documents × 2 annotators, ${WORDS_PER_DOCUMENT} words each, ${report.total.spans} spans`);
console.log(`  tokenise (baseline)   ${baseline.toFixed(1).padStart(8)} ms  ${perSecond(baseline).padStart(9)} docs/s  1.00×`);
console.log(`  measureAgreement      ${agreement.toFixed(1).padStart(8)} ms  ${perSecond(agreement).padStart(9)} docs/s  ${(agreement / baseline).toFixed(2)}× baseline`);
console.log(`  compareAnnotators     ${comparison.toFixed(1).padStart(8)} ms  ${perSecond(comparison).padStart(9)} docs/s  ${(comparison / baseline).toFixed(2)}× baseline`);
console.log(
  `  (check: exact F1 ${pair?.exact.f1.value?.toFixed(3)}, overlap F1 ${pair?.overlap.f1.value?.toFixed(3)}, κ ${pair?.cohenKappa.value?.toFixed(3)}, α ${report.total.krippendorffAlpha.value?.toFixed(3)})`,
);
emitRows([
  {
    name: `agreement, ${count} docs × 2 annotators`,
    value: `${perSecond(agreement)} docs/s`,
    baseline: `tokenise ${perSecond(baseline)} docs/s`,
    ratio: `${(agreement / baseline).toFixed(2)}× tokenise`,
    target: 'documents per second',
  },
]);
