/**
 * Evaluates the recogniser on the hand-annotated texts in test/fixtures/eval (`npm run eval`).
 * For each label: precision, recall and F1 with exact spans and with overlapping spans (one-to-one),
 * and for DATE and TIME the share of matched spans whose normalised value equals the gold value.
 *
 *   npx tsx scripts/eval.ts [--verbose] [--no-date] [folder]
 *
 * --verbose lists every miss and false alarm; --no-date ignores the publication dates.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CodePointIndex } from '../src/core/model/offsets';
import { recognize } from '../src/core/recognize/recognize';
import { runTaggerEvaluation, taggerEvaluationAsked } from './evalTagger';

// `--ner` and `--learning-curve` measure the trained tagger on ANERcorp instead (scripts/evalTagger.ts).
if (taggerEvaluationAsked(process.argv)) {
  runTaggerEvaluation(process.argv.slice(2));
  process.exit(0);
}

interface Span {
  label: string;
  start: number;
  end: number;
  text: string;
  value?: string;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const noDate = args.includes('--no-date');
const folder = args.find((a) => !a.startsWith('--')) ?? join(__dirname, '..', 'test', 'fixtures', 'eval');
const LABELS = ['PER', 'ORG', 'LOC', 'DATE', 'TIME'];

interface Counts {
  gold: number;
  system: number;
  exact: number;
  overlapGold: number;
  overlapSystem: number;
  valued: number;
  valueRight: number;
}
const counts = new Map<string, Counts>(LABELS.map((l) => [l, { gold: 0, system: 0, exact: 0, overlapGold: 0, overlapSystem: 0, valued: 0, valueRight: 0 }]));

const files = readdirSync(folder)
  .filter((f) => f.endsWith('.txt.ann.yaml'))
  .sort();
let totalMs = 0;
let totalChars = 0;
for (const file of files) {
  const sidecar = parse(readFileSync(join(folder, file), 'utf8')) as { document: { path: string; date?: string }; annotations: Span[] };
  const text = readFileSync(join(folder, sidecar.document.path), 'utf8');
  const index = new CodePointIndex(text);
  const t0 = performance.now();
  const found = recognize(text, noDate ? {} : { documentDate: sidecar.document.date });
  totalMs += performance.now() - t0;
  totalChars += text.length;
  const system: Span[] = found.map((s) => ({ label: s.label, start: index.toCodePoint(s.start), end: index.toCodePoint(s.end), text: s.text, value: s.value }));
  const gold = sidecar.annotations.map((a) => ({ ...a, value: a.value === undefined ? undefined : String(a.value) }));
  for (const label of LABELS) {
    const c = counts.get(label) as Counts;
    const g = gold.filter((a) => a.label === label);
    const s = system.filter((a) => a.label === label);
    c.gold += g.length;
    c.system += s.length;
    c.exact += g.filter((a) => s.some((b) => a.start === b.start && a.end === b.end)).length;
    // One-to-one overlap matching in reading order.
    const usedSystem = new Set<number>();
    const matchedGold = new Set<number>();
    g.forEach((a, gi) => {
      let best = -1;
      let bestOverlap = 0;
      s.forEach((b, si) => {
        if (usedSystem.has(si)) return;
        const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
        if (overlap > bestOverlap) {
          best = si;
          bestOverlap = overlap;
        }
      });
      if (best < 0) return;
      usedSystem.add(best);
      matchedGold.add(gi);
      const b = s[best] as Span;
      if (a.value !== undefined) {
        c.valued++;
        if (a.value === b.value) c.valueRight++;
        else if (verbose) console.log(`${file}: ${label} value ${b.value ?? '(none)'} ≠ gold ${a.value} «${a.text}» / «${b.text}»`);
      }
    });
    c.overlapGold += matchedGold.size;
    c.overlapSystem += usedSystem.size;
    if (verbose) {
      g.forEach((a, gi) => {
        if (!matchedGold.has(gi)) console.log(`${file}: missed ${label} «${a.text}»`);
      });
      s.forEach((b, si) => {
        if (!usedSystem.has(si))
          console.log(`${file}: false ${label} «${b.text}» (${found.find((f) => index.toCodePoint(f.start) === b.start && f.label === label)?.reason ?? ''})`);
      });
    }
  }
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pct = (x: number): string => x.toFixed(3);
const rows: string[][] = [['label', 'gold', 'system', 'P exact', 'R exact', 'F1 exact', 'P overlap', 'R overlap', 'F1 overlap', 'value acc']];
const total: Counts = { gold: 0, system: 0, exact: 0, overlapGold: 0, overlapSystem: 0, valued: 0, valueRight: 0 };
for (const label of LABELS) {
  const c = counts.get(label) as Counts;
  for (const k of Object.keys(total) as Array<keyof Counts>) total[k] += c[k];
  rows.push(row(label, c));
}
rows.push(row('all', total));
const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
for (const r of rows) console.log(r.map((cell, i) => cell.padStart(widths[i] as number)).join('  '));
console.log(`\n${files.length} texts, ${totalChars} characters, recognise ${totalMs.toFixed(1)} ms${noDate ? ' (without publication dates)' : ''}`);

function row(label: string, c: Counts): string[] {
  const pe = c.system ? c.exact / c.system : 0;
  const re = c.gold ? c.exact / c.gold : 0;
  const po = c.system ? c.overlapSystem / c.system : 0;
  const ro = c.gold ? c.overlapGold / c.gold : 0;
  return [label, String(c.gold), String(c.system), pct(pe), pct(re), pct(f1(pe, re)), pct(po), pct(ro), pct(f1(po, ro)), c.valued ? pct(c.valueRight / c.valued) : '-'];
}
