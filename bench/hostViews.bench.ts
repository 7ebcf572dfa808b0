/**
 * The workspace views in the real extension host, on a generated corpus (10,000 texts, 30
 * annotations each: 300,000) against a 3-text workspace of the same kind, each with a project file
 * assigning its texts to two annotators: `activate` itself, and
 * the time from its start until the Annotations view's roots, Statistics, Find's first match and
 * the sidecar index (what learned suggestions read) are ready, cold (no index cache) and warm (the
 * host started again on the same user data, so the cache in workspace storage is there), and the
 * host's RSS. The host is code-server through scripts/host/launcher.js, as the integration tests
 * use; bench/host/viewsProbe.ts runs inside it. The texts are in the page cache in both starts.
 *
 *   node --import tsx bench/hostViews.bench.ts [documents]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import type { BenchRow } from './benchRows';
import { emitRows } from './benchRows';
import { writeCorpus } from './generatedCorpus';
import type { ProbeFigures } from './host/viewsProbe';

const documents = Number(process.argv[2] ?? '10000');
const PER_DOCUMENT = 30;
const BASELINE_DOCUMENTS = 3;
const root = path.resolve(__dirname, '..');

function prepare(): void {
  const built = spawnSync(process.execPath, [path.join(root, 'esbuild.js'), '--tests'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('building the extension and the probe failed');
  const host = spawnSync('bash', [path.join(root, 'scripts', 'host', 'install-host.sh')], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (host.status !== 0) throw new Error('installing code-server failed (scripts/host/install-host.sh)');
}

/** Starts the host on `workspace` with `userData` kept between starts; returns the probe's figures. */
async function start(workspace: string, userData: string, port: number): Promise<ProbeFigures> {
  const out = path.join(path.dirname(workspace), `figures-${Date.now()}.json`);
  process.env['TAWSIM_HOST_USER_DATA'] = userData;
  process.env['TAWSIM_HOST_PORT'] = String(port);
  await runTests({
    vscodeExecutablePath: process.execPath,
    launchArgs: [path.join(root, 'scripts', 'host', 'launcher.js'), workspace, '--disable-extensions'],
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'bench', 'viewsProbe.js'),
    extensionTestsEnv: { TAWSIM_BENCH_OUT: out },
  });
  return JSON.parse(fs.readFileSync(out, 'utf8')) as ProbeFigures;
}

/** A cold start and a warm one of a workspace of `count` texts. */
async function measure(count: number): Promise<{ cold: ProbeFigures; warm: ProbeFigures }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-host-bench-'));
  try {
    const workspace = path.join(tmp, 'workspace');
    writeCorpus(workspace, count, PER_DOCUMENT);
    writeProject(workspace, count);
    const userData = path.join(tmp, 'user-data');
    const port = await freePort();
    const cold = await start(workspace, userData, port);
    const warm = await start(workspace, userData, port);
    for (const f of [cold, warm]) {
      if (f.annotations !== count * PER_DOCUMENT) throw new Error(`the Annotations view counted ${f.annotations} annotations, not ${count * PER_DOCUMENT}`);
      if (f.learnedEntries === 0) throw new Error('learned suggestions hold no tag of the corpus');
      if (f.progressAnnotators !== 2) throw new Error(`Statistics showed the progress of ${f.progressAnnotators} annotators, not the project's 2`);
    }
    return { cold, warm };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * A team's project file: the texts assigned to two annotators, batch by batch, so that Statistics
 * also works out each one's progress, as a team's workspace has it.
 */
function writeProject(workspace: string, count: number): void {
  const batches = Array.from({ length: Math.ceil(count / 500) }, (_, b) => `batch-${b}/*.txt`);
  const list = (parity: number): string => JSON.stringify(batches.filter((_, b) => b % 2 === parity || batches.length === 1));
  fs.mkdirSync(path.join(workspace, '.tawsim'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.tawsim', 'project.yaml'), `tawsim-project: 1\nannotators: [salma, omar]\nassignments:\n  salma: ${list(0)}\n  omar: ${list(1)}\n`);
}

/** A port free now; both starts of a workspace use it, since the host keys its storage by it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  prepare();
  const base = await measure(BASELINE_DOCUMENTS);
  const big = await measure(documents);
  const k = `${documents / 1000}k texts, ${(documents * PER_DOCUMENT) / 1000}k annotations`;
  const ms = (n: number): string => `${n.toFixed(0)} ms`;
  const row = (name: string, pick: (f: ProbeFigures) => number, run: 'cold' | 'warm', target: string): BenchRow => ({
    name: `host, ${name} (${run}), ${k}`,
    value: ms(pick(big[run])),
    baseline: `${BASELINE_DOCUMENTS} texts ${ms(pick(base[run]))}`,
    ratio: `${(pick(big[run]) / pick(base[run])).toFixed(1)}×`,
    target,
  });
  console.log(JSON.stringify({ baseline: base, corpus: big }));
  emitRows([
    {
      name: `host, activate() itself, ${k}`,
      value: `${big.cold.activationMs.toFixed(0)} ms cold, ${big.warm.activationMs.toFixed(0)} ms warm (CPU ${big.cold.activationCpuMs.toFixed(0)} / ${big.warm.activationCpuMs.toFixed(0)} ms)`,
      baseline: `${BASELINE_DOCUMENTS} texts ${base.cold.activationMs.toFixed(1)} ms`,
      ratio: `${(big.cold.activationMs / base.cold.activationMs).toFixed(2)}×`,
      target: '< 100 ms',
    },
    row('Annotations view roots ready', (f) => f.rootsMs, 'cold', '≤ 10 s'),
    row('Annotations view roots ready', (f) => f.rootsMs, 'warm', '≤ 2 s'),
    row('Statistics ready', (f) => f.statisticsMs, 'cold', '≤ 10 s'),
    row('Statistics ready', (f) => f.statisticsMs, 'warm', '≤ 2 s'),
    row("Find's first match", (f) => f.findFirstMs, 'cold', '≤ 10 s'),
    row("Find's first match", (f) => f.findFirstMs, 'warm', '≤ 2 s'),
    row('learned suggestions ready', (f) => f.learnedReadyMs, 'cold', '≤ 10 s'),
    row('learned suggestions ready', (f) => f.learnedReadyMs, 'warm', '≤ 2 s'),
    row('index has listed and checked every sidecar', (f) => f.indexReadyMs, 'cold', ''),
    row('index has listed and checked every sidecar', (f) => f.indexReadyMs, 'warm', ''),
    row('Find has read every sidecar', (f) => f.findAllMs, 'warm', ''),
    {
      name: `host RSS, ${k}`,
      value: `${big.warm.rssMb.toFixed(0)} MB views ready, ${big.warm.rssAfterFindMb.toFixed(0)} MB after a full Find (${big.warm.rssAfterFindCollectedMb.toFixed(0)} MB, heap ${big.warm.heapAfterFindCollectedMb.toFixed(0)} MB, once garbage is collected with Find open)`,
      baseline: `${BASELINE_DOCUMENTS} texts ${base.warm.rssMb.toFixed(0)} MB`,
      ratio: `${(big.warm.rssMb / base.warm.rssMb).toFixed(2)}×`,
      target: '< 300 MB',
    },
  ]);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
