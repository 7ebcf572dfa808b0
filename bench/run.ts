/**
 * `npm run bench`: runs every benchmark program in its own process (so one's garbage does not
 * weigh on the next) and prints their rows as one table. Each row is a measurement against a
 * baseline measured in the same run, so the ratios mean something on any machine.
 *
 *   npm run bench            full sizes (10 MB, 100k annotations, 10k documents)
 *   npm run bench -- --quick smaller sizes, for a fast look
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchRow } from './benchRows';
import { ROWS_MARKER } from './benchRows';

const quick = process.argv.includes('--quick');
const programs: [string, string[]][] = [
  ['recognizer.bench.ts', quick ? ['1'] : ['10']],
  ['keystroke.bench.ts', quick ? ['1', '10000'] : ['10', '100000']],
  ['sidecar.bench.ts', quick ? ['10000'] : ['100000']],
  ['merge.bench.ts', quick ? ['10000'] : ['40000']],
  ['memory.bench.ts', quick ? ['1', '10000'] : ['10', '100000']],
  ['agreement.bench.ts', quick ? ['100'] : ['1000']],
  ['export.bench.ts', quick ? ['1000'] : ['10000']],
  ['cli.bench.ts', quick ? ['1000'] : ['10000']],
  ['tagger.bench.ts', quick ? ['0.2'] : ['1']],
  ['readingView.bench.ts', quick ? ['1', '10000'] : ['10', '100000']],
  ['workspaceIndex.bench.ts', quick ? ['1000'] : ['10000']],
  // Starts the extension host four times (about five minutes at full size).
  ['hostViews.bench.ts', quick ? ['1000'] : ['10000']],
];

const rows: BenchRow[] = [];
for (const [file, args] of programs) {
  process.stderr.write(`running ${file} ${args.join(' ')}…\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, file), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = run.stdout.split('\n').find((l) => l.startsWith(ROWS_MARKER));
  if (run.status !== 0 || !line) {
    process.stderr.write(`${file} failed (exit ${run.status}):\n${run.stderr}\n`);
    rows.push({ name: file, value: 'failed', baseline: '', ratio: '', target: '' });
    continue;
  }
  rows.push(...(JSON.parse(line.slice(ROWS_MARKER.length)) as BenchRow[]));
}

const header: BenchRow = { name: 'benchmark', value: 'measured', baseline: 'baseline (same run)', ratio: 'ratio', target: 'target' };
const columns = Object.keys(header) as (keyof BenchRow)[];
const widths = columns.map((c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
const format = (r: BenchRow): string => `| ${columns.map((c, i) => r[c].padEnd(widths[i] as number)).join(' | ')} |`;
console.log(`Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(format(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(format(r));
