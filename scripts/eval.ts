/**
 * Scores the recogniser against gold annotations (`npm run eval`). For each label: precision,
 * recall and F1 with exact spans and with overlapping spans (matched one to one), and for DATE and
 * TIME the share of matched spans whose normalised value equals the gold value.
 *
 *   npm run eval -- [--verbose] [--no-date] [--dates] [PATH...]
 *
 * PATH is a folder of gold sidecars (`*.txt.ann.yaml` beside their texts), a marked file
 * (`=== NN-slug @YYYY-MM-DD` headers, `[[LABEL|text]]` and `[[DATE=value|text]]` marks; see
 * scripts/markedText.ts), or a folder of marked files. Without a PATH: test/fixtures/eval.
 * --dates scores DATE and TIME only, and adds a DATE+TIME row where the two labels count as one
 * (a temporal span found under the other label still overlaps); --verbose lists every miss, false
 * alarm and wrong value; --no-date ignores the publication dates.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
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
import { chooseDocumentDate } from '../src/core/recognize/recognizeDocument';
import { isMarkedSource, parseMarkedFile } from './markedText';

interface Span {
  label: string;
  start: number;
  end: number;
  text: string;
  value?: string;
  reason?: string;
}

interface GoldText {
  name: string;
  text: string;
  date?: string;
  gold: Span[];
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const noDate = args.includes('--no-date');
const datesOnly = args.includes('--dates');
const paths = args.filter((a) => !a.startsWith('--'));
const LABELS = datesOnly ? ['DATE', 'TIME'] : ['PER', 'ORG', 'LOC', 'DATE', 'TIME'];
const TEMPORAL = 'DATE+TIME';

function readGold(path: string): GoldText[] {
  if (statSync(path).isFile()) return readMarked(path);
  const entries = readdirSync(path).sort();
  const sidecars = entries.filter((f) => f.endsWith('.txt.ann.yaml'));
  if (sidecars.length > 0) {
    return sidecars.map((file) => {
      const sidecar = parse(readFileSync(join(path, file), 'utf8')) as { document: { path: string; date?: string }; annotations: Span[] };
      const gold = sidecar.annotations.map((a) => ({ ...a, value: a.value === undefined ? undefined : String(a.value) }));
      return { name: file, text: readFileSync(join(path, sidecar.document.path), 'utf8'), date: sidecar.document.date, gold };
    });
  }
  return entries.filter((f) => f.endsWith('.txt') && isMarkedSource(readFileSync(join(path, f), 'utf8'))).flatMap((f) => readMarked(join(path, f)));
}

function readMarked(file: string): GoldText[] {
  return parseMarkedFile(readFileSync(file, 'utf8'), file).map((t) => ({
    name: t.slug,
    text: t.text,
    ...(t.date !== undefined ? { date: t.date } : {}),
    gold: t.spans.map((s) => ({ ...s })),
  }));
}

interface Counts {
  gold: number;
  system: number;
  exact: number;
  overlapGold: number;
  overlapSystem: number;
  valued: number;
  valueMatched: number;
  valueRight: number;
}
const zero = (): Counts => ({ gold: 0, system: 0, exact: 0, overlapGold: 0, overlapSystem: 0, valued: 0, valueMatched: 0, valueRight: 0 });
const rowNames = datesOnly ? [...LABELS, TEMPORAL] : LABELS;
const counts = new Map<string, Counts>(rowNames.map((l) => [l, zero()]));

const texts = (paths.length > 0 ? paths : [join(__dirname, '..', 'test', 'fixtures', 'eval')]).flatMap(readGold);
let totalMs = 0;
let totalChars = 0;
for (const doc of texts) {
  const index = new CodePointIndex(doc.text);
  const t0 = performance.now();
  const date = noDate ? undefined : chooseDocumentDate(doc.text, undefined, doc.date);
  const found = recognize(doc.text, date === undefined ? {} : { documentDate: date });
  totalMs += performance.now() - t0;
  totalChars += doc.text.length;
  const system: Span[] = found.map((s) => ({ label: s.label, start: index.toCodePoint(s.start), end: index.toCodePoint(s.end), text: s.text, value: s.value, reason: s.reason }));
  for (const row of rowNames) {
    const inRow = (s: Span): boolean => (row === TEMPORAL ? s.label === 'DATE' || s.label === 'TIME' : s.label === row);
    score(doc.name, row, counts.get(row) as Counts, doc.gold.filter(inRow), system.filter(inRow));
  }
}

/** Adds one text's spans of one row to the counts; gold and system spans are matched one to one, by largest overlap. */
function score(name: string, row: string, c: Counts, g: Span[], s: Span[]): void {
  c.gold += g.length;
  c.system += s.length;
  c.exact += g.filter((a) => s.some((b) => a.start === b.start && a.end === b.end)).length;
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
    if (a.value !== undefined) c.valued++;
    if (best < 0) return;
    usedSystem.add(best);
    matchedGold.add(gi);
    const b = s[best] as Span;
    if (a.value !== undefined) {
      c.valueMatched++;
      if (a.value === b.value) c.valueRight++;
      else if (verbose) console.log(`${name}: ${row} value ${b.value ?? '(none)'} ≠ gold ${a.value} «${a.text}» / «${b.text}»`);
    }
  });
  c.overlapGold += matchedGold.size;
  c.overlapSystem += usedSystem.size;
  if (verbose) {
    g.forEach((a, gi) => {
      if (!matchedGold.has(gi)) console.log(`${name}: missed ${row} «${a.text}»${a.value !== undefined ? ` = ${a.value}` : ''}`);
    });
    s.forEach((b, si) => {
      if (!usedSystem.has(si)) console.log(`${name}: false ${row} «${b.text}» = ${b.value ?? '-'} (${b.reason ?? ''})`);
    });
  }
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const pct = (x: number): string => x.toFixed(3);
const rows: string[][] = [['label', 'gold', 'system', 'P exact', 'R exact', 'F1 exact', 'P overlap', 'R overlap', 'F1 overlap', 'value acc', 'valued']];
const total = zero();
for (const label of rowNames) {
  const c = counts.get(label) as Counts;
  if (label !== TEMPORAL) for (const k of Object.keys(total) as Array<keyof Counts>) total[k] += c[k];
  rows.push(row(label, c));
}
if (!datesOnly) rows.push(row('all', total));
const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
for (const r of rows) console.log(r.map((cell, i) => cell.padStart(widths[i] as number)).join('  '));
const date = counts.get('DATE') as Counts;
const valued = (['DATE', 'TIME'] as const)
  .map((l) => counts.get(l) as Counts)
  .reduce((a, c) => ({ matched: a.matched + c.valueMatched, right: a.right + c.valueRight, all: a.all + c.valued }), { matched: 0, right: 0, all: 0 });
console.log(
  `\nDATE overlap-F1 ${pct(f1(prec(date), rec(date)))}, exact-F1 ${pct(f1(date.system ? date.exact / date.system : 0, date.gold ? date.exact / date.gold : 0))}; ` +
    `DATE and TIME value accuracy ${valued.matched ? pct(valued.right / valued.matched) : '-'} (${valued.right} of ${valued.matched} matched spans with a gold value; ${valued.all} gold values in all)`,
);
console.log(`${texts.length} texts, ${totalChars} characters, recognise ${totalMs.toFixed(1)} ms${noDate ? ' (without publication dates)' : ''}`);

function prec(c: Counts): number {
  return c.system ? c.overlapSystem / c.system : 0;
}
function rec(c: Counts): number {
  return c.gold ? c.overlapGold / c.gold : 0;
}

function row(label: string, c: Counts): string[] {
  const pe = c.system ? c.exact / c.system : 0;
  const re = c.gold ? c.exact / c.gold : 0;
  return [
    label,
    String(c.gold),
    String(c.system),
    pct(pe),
    pct(re),
    pct(f1(pe, re)),
    pct(prec(c)),
    pct(rec(c)),
    pct(f1(prec(c), rec(c))),
    c.valueMatched ? pct(c.valueRight / c.valueMatched) : '-',
    c.valued ? `${c.valueMatched}/${c.valued}` : '-',
  ];
}
