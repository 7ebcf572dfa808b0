/**
 * One keystroke in a 10 MB document with 100,000 annotations: the core work the editor does per
 * edit (shift the annotations, re-recognise the changed line, compute the decoration ranges of
 * the visible range) against a full rescan (recognise the whole text, place every annotation).
 *
 *   npx tsx bench/keystroke.bench.ts [megabytes] [annotations]
 */
import type { Annotation } from '../src/core/model/annotation';
import { TrackedAnnotations } from '../src/core/model/trackedAnnotations';
import { recognize } from '../src/core/recognize/recognize';
import { arabicCorpus, bestOf, emitRows } from './benchRows';
import { seeded } from '../src/core/random';

const megabytes = Number(process.argv[2] ?? '10');
const count = Number(process.argv[3] ?? '100000');
let text = arabicCorpus(megabytes);
const r = seeded(11);

// Annotations on word boundaries spread over the whole text.
const annotations: Annotation[] = [];
const step = Math.floor(text.length / count);
for (let i = 0; i < count; i++) {
  let start = i * step;
  while (start < text.length && text[start] !== ' ') start++;
  start++;
  const end = Math.min(text.length, start + 3 + Math.floor(r() * 8));
  annotations.push({ id: `t${i + 1}`, label: 'LOC', start, end, text: text.slice(start, end), status: 'accepted', source: 'manual' });
}
const tracked = new TrackedAnnotations(annotations);
const read = (s: number, e: number): string => text.slice(Math.max(0, s), e);

/** Line starts, as the editor's document model keeps them. */
const lineStarts = [0];
for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
const lineOf = (offset: number): number => {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((lineStarts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
};

// A keystroke in the middle of the document; the visible range is the 60 lines around it.
const at = Math.floor(text.length / 2);

/**
 * What the editor does on the typing path, timed apart from changing the test's own 10 MB string
 * (the editor's document model does that, not Tawsim): the store shifts its spans (lazily) and the
 * painter moves its window. Recognising the changed line and repainting happen on the pause after
 * typing, measured below. Typing a letter then deleting it keeps the text the same size.
 */
function keystrokes(n: number): number {
  let total = 0;
  for (let k = 0; k < n; k++) {
    const inserting = k % 2 === 0;
    text = inserting ? text.slice(0, at) + 'ب' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    const t0 = performance.now();
    tracked.applyEdits([inserting ? { start: at, end: at, insertedLength: 1 } : { start: at, end: at + 1, insertedLength: 0 }], read);
    total += performance.now() - t0;
  }
  return total / n;
}

/** Decoration ranges as the painter builds them: a line lookup per span edge. */
function ranges(spans: readonly Annotation[]): number {
  let n = 0;
  for (const a of spans) n += lineOf(a.start) + lineOf(a.end) >= 0 ? 1 : 0;
  return n;
}

/** The pause after typing: the changed line recognised again, the window around the viewport repainted. */
function pause(): number {
  const t0 = performance.now();
  const line = lineOf(at);
  const lineText = text.slice(lineStarts[line], lineStarts[line + 1] ?? text.length);
  recognize(lineText, { documentDate: '2023-01-18' });
  const first = lineStarts[Math.max(0, line - 80)] as number;
  const last = lineStarts[Math.min(lineStarts.length - 1, line + 80)] as number;
  ranges(tracked.inRange(first, last));
  return performance.now() - t0;
}

function fullRescan(): number {
  const spans = recognize(text, { documentDate: '2023-01-18' }).length;
  let placed = 0;
  for (const a of tracked.all) placed += lineOf(a.start) >= 0 ? 1 : 0;
  return spans + placed;
}

keystrokes(10);
const perKey = keystrokes(40);
const perPause = bestOf(5, pause);
const full = bestOf(1, fullRescan);
const fullPaint = bestOf(3, () => ranges(tracked.all));
console.log(`document ${megabytes} MB, ${count} annotations, ${lineStarts.length} lines`);
console.log(`keystroke: ${(perKey * 1000).toFixed(0)} µs; pause: ${perPause.toFixed(1)} ms; full rescan: ${full.toFixed(0)} ms; full repaint ranges: ${fullPaint.toFixed(1)} ms`);
emitRows([
  {
    name: `keystroke, ${megabytes} MB + ${count / 1000}k annotations`,
    value: `${(perKey * 1000).toFixed(0)} µs/edit`,
    baseline: `full rescan ${full.toFixed(0)} ms`,
    ratio: `${(full / perKey).toFixed(0)}× cheaper`,
    target: '≤ 1 ms per keystroke',
  },
  {
    name: `pause after typing (changed line + window repaint), ${megabytes} MB`,
    value: `${perPause.toFixed(1)} ms`,
    baseline: `full repaint ranges ${fullPaint.toFixed(1)} ms, full rescan ${full.toFixed(0)} ms`,
    ratio: `${(full / perPause).toFixed(0)}× cheaper than a rescan`,
    target: 'window only; the rest when idle',
  },
]);
