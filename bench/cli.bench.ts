/**
 * The command line over a folder of 10,000 small documents: `tawsim detect` and `tawsim annotate`
 * in one thread and with worker threads, then `tawsim validate` over the sidecars annotate wrote.
 * Documents per second and peak RSS of each run (a process of its own, the CLI bundled as
 * dist/cli.js is), against detect in one thread measured in the same run; and the peak RSS of
 * detect over a tenth of the folder, to show memory does not grow with the number of documents.
 *
 *   npx tsx bench/cli.bench.ts [documents]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { arabicCorpus, emitRows } from './benchRows';
import { seeded } from '../src/core/random';
import type { BenchRow } from './benchRows';

const count = Number(process.argv[2] ?? '10000');
const root = path.resolve(__dirname, '..');
const workers = Math.max(2, Math.min(os.availableParallelism(), 8));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-cli-bench-'));

interface Measured {
  readonly ms: number;
  readonly rssMb: number;
}

/** A bundle like dist/cli.js with the batch commands registered, reporting its peak RSS on exit. */
async function bundle(): Promise<string> {
  const out = path.join(tmp, 'cli.js');
  const command = (name: string, file: string): string => `import { ${name} } from ${JSON.stringify(path.join(root, 'src', 'cli', 'commands', file))};`;
  const entry = [
    command('detectCommand', 'detect'),
    command('annotateCommand', 'annotate'),
    command('validateCommand', 'validate'),
    `const commands = { detect: detectCommand, annotate: annotateCommand, validate: validateCommand };`,
    `const io = { out: (l: string) => process.stdout.write(l + '\\n'), err: (l: string) => process.stderr.write(l + '\\n') };`,
    // maxRSS counts the whole process, worker threads included.
    `process.on('exit', () => process.stderr.write('BENCH_RSS ' + process.resourceUsage().maxRSS + '\\n'));`,
    `if (require.main === module) {`,
    `  const [name, ...rest] = process.argv.slice(2);`,
    `  void commands[name as keyof typeof commands].run(rest, io).then((c) => { process.exitCode = c; });`,
    `}`,
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, loader: 'ts', resolveDir: root },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: out,
    loader: { '.json': 'json' },
    logLevel: 'error',
  });
  return out;
}

/** `count` short news items of a few lines each, in folders of 1,000, most with a dateline. */
function generate(folder: string): void {
  const r = seeded(11);
  const lines = arabicCorpus(2, r).split('\n');
  const places = ['الرباط', 'القاهرة', 'تونس', 'الدوحة', 'بيروت', 'عمّان', 'الجزائر'];
  for (let i = 0; i < count; i++) {
    const dir = path.join(folder, `part-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
    if (i % 1000 === 0) fs.mkdirSync(dir, { recursive: true });
    const head = r() < 0.8 ? `${places[i % places.length]} - ${1 + Math.floor(r() * 28)} يناير ${2015 + Math.floor(r() * 10)}\n` : '';
    const body = (lines[i % lines.length] ?? '').slice(0, 300 + Math.floor(r() * 900));
    fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}.txt`), `${head}${body}\n`);
  }
}

function run(cli: string, args: readonly string[]): Measured {
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const rss = /BENCH_RSS (\d+)/.exec(child.stderr ?? '');
  if (child.status !== 0 || !rss) throw new Error(`${args.join(' ')} failed (exit ${child.status}): ${(child.stderr ?? '').slice(-2000)}`);
  return { ms, rssMb: Number(rss[1]) / 1024 };
}

function removeSidecars(folder: string): void {
  for (const f of fs.readdirSync(folder, { recursive: true }) as string[]) if (f.endsWith('.ann.yaml')) fs.rmSync(path.join(folder, f));
}

async function main(): Promise<void> {
  const folder = path.join(tmp, 'news');
  generate(folder);
  const cli = await bundle();
  const perSecond = (m: Measured, n = count): string => `${Math.round((n / m.ms) * 1000).toLocaleString('en')} docs/s`;
  const rss = (m: Measured): string => `${m.rssMb.toFixed(0)} MB`;
  try {
    const detect1 = run(cli, ['detect', '--workers', '0', folder]);
    const detectN = run(cli, ['detect', '--workers', String(workers), folder]);
    const annotate1 = run(cli, ['annotate', '--annotator', 'bench', '--workers', '0', folder]);
    removeSidecars(folder);
    const annotateN = run(cli, ['annotate', '--annotator', 'bench', '--workers', String(workers), folder]);
    const validate = run(cli, ['validate', folder]);
    const tenth = Math.min(1000, count);
    const detectSmall = run(cli, ['detect', '--workers', '0', path.join(folder, 'part-00')]);

    const baseline = `detect, 1 thread: ${perSecond(detect1)}, ${rss(detect1)}`;
    const ratio = (m: Measured): string => `${(detect1.ms / m.ms).toFixed(2)}× speed`;
    const line = (name: string, m: Measured): BenchRow => ({
      name: `${name}, ${count} docs`,
      value: `${perSecond(m)}, peak RSS ${rss(m)}`,
      baseline,
      ratio: ratio(m),
      target: 'docs/s; RSS flat in the number of documents',
    });
    const rows: BenchRow[] = [
      line('cli detect, 1 thread', detect1),
      line(`cli detect, ${workers} workers`, detectN),
      line('cli annotate, 1 thread', annotate1),
      line(`cli annotate, ${workers} workers`, annotateN),
      line('cli validate', validate),
      {
        name: `cli detect peak RSS, ${tenth} vs ${count} docs`,
        value: `${rss(detectSmall)} vs ${rss(detect1)}`,
        baseline: `${tenth} docs`,
        ratio: `${(detect1.rssMb / detectSmall.rssMb).toFixed(2)}×`,
        target: 'about 1× (streamed, not held)',
      },
    ];
    console.log(`cli bench: ${count} documents, ${os.availableParallelism()} cores`);
    for (const r of rows) console.log(`  ${r.name.padEnd(44)} ${r.value.padEnd(36)} ${r.ratio}`);
    emitRows(rows);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
