/**
 * `npm run test:stress`: the big versions of the robustness tests, with a summary table.
 *
 *   TAWSIM_STRESS_RUNS     random editing sequences (default 10,000)
 *   TAWSIM_STRESS_CRASHES  SIGKILLs of a writer in the middle of a save (default 300)
 *   TAWSIM_STRESS_SEED     fast-check seed, to replay a run (default: random, printed)
 *
 * Exits non-zero on any failure; a failing sequence is printed with its seed and shrunk steps,
 * ready to become a test in test/unit/robustness/regressions.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import Mocha from 'mocha';
import { emptyFigures, runSession, sessionArbitrary } from '../unit/robustness/editSession';
import type { CrashFigures } from '../unit/robustness/crashHarness';
import { crashOnce, prepareCrashRun } from '../unit/robustness/crashHarness';

const RUNS = Number(process.env['TAWSIM_STRESS_RUNS'] ?? 10_000);
const CRASHES = Number(process.env['TAWSIM_STRESS_CRASHES'] ?? 300);
const SEED = Number(process.env['TAWSIM_STRESS_SEED'] ?? Date.now() % 2 ** 31);

interface Row {
  readonly check: string;
  readonly figure: string;
  readonly result: 'ok' | 'FAILED';
  readonly seconds: number;
}

const rows: Row[] = [];

async function timed(check: string, work: () => Promise<string> | string): Promise<void> {
  const started = Date.now();
  // The check's own row goes above the detail rows its work adds.
  const at = rows.length;
  let figure: string;
  let result: Row['result'] = 'ok';
  try {
    figure = await work();
  } catch (e) {
    figure = (e as Error).message.split('\n')[0] ?? String(e);
    result = 'FAILED';
    console.error(`\n${check} FAILED:\n${(e as Error).message}\n`);
  }
  rows.splice(at, 0, { check, figure, result, seconds: (Date.now() - started) / 1000 });
}

function randomEdits(): string {
  const figures = emptyFigures();
  console.log(`random editing: ${RUNS} sequences, seed ${SEED}`);
  const out = fc.check(
    fc.property(sessionArbitrary, ([initial, steps]) => runSession(initial, steps, figures)),
    { numRuns: RUNS, seed: SEED },
  );
  if (out.failed) {
    throw new Error(
      `seed ${SEED}, path ${out.counterexamplePath ?? '?'}\ncounterexample: ${JSON.stringify(out.counterexample)}\n${(out.errorInstance as Error | undefined)?.message ?? ''}`,
    );
  }
  if (figures.lost !== 0) throw new Error(`${figures.lost} annotations lost`);
  console.log(JSON.stringify(figures, null, 1));
  rows.push({ check: '  steps (edits, tags, undos, saves, …)', figure: String(figures.steps), result: 'ok', seconds: 0 });
  rows.push({ check: '  annotations tagged / removed by the user', figure: `${figures.tagged} / ${figures.removedByUser}`, result: 'ok', seconds: 0 });
  rows.push({ check: '  relations linked', figure: String(figures.linked), result: 'ok', seconds: 0 });
  rows.push({
    check: '  restored by text undo / orphaned / text deleted',
    figure: `${figures.restoredByUndo} / ${figures.orphaned} / ${figures.deletedWithText}`,
    result: 'ok',
    seconds: 0,
  });
  rows.push({
    check: '  saves / reloads / outside text / outside sidecar',
    figure: `${figures.saves} / ${figures.reloads} / ${figures.externalTextChanges} / ${figures.externalSidecarChanges}`,
    result: 'ok',
    seconds: 0,
  });
  rows.push({ check: '  annotations lost', figure: String(figures.lost), result: figures.lost === 0 ? 'ok' : 'FAILED', seconds: 0 });
  return `${figures.sequences} sequences`;
}

async function crashes(): Promise<string> {
  const run = prepareCrashRun(20_000);
  const figures: CrashFigures = { crashes: 0, sawA: 0, sawB: 0, leftoverTemps: 0 };
  try {
    for (let i = 0; i < CRASHES; i++) {
      await crashOnce(run, figures, 150);
      if ((i + 1) % 50 === 0) console.log(`crashes injected: ${i + 1}`);
    }
  } finally {
    fs.rmSync(run.dir, { recursive: true, force: true });
  }
  rows.push({ check: '  old version / new version found / temp files left', figure: `${figures.sawA} / ${figures.sawB} / ${figures.leftoverTemps}`, result: 'ok', seconds: 0 });
  return `${figures.crashes} crashes injected, 0 partial files`;
}

/** Runs unit test files (hostile input, concurrent writers, regressions) and counts them. */
async function mochaFiles(files: readonly string[]): Promise<{ passed: number; failed: number }> {
  const mocha = new Mocha({ reporter: 'dot', timeout: 120_000 });
  for (const f of files) mocha.addFile(path.join(__dirname, '..', 'unit', 'robustness', f));
  let passed = 0;
  let failed = 0;
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
  if (failed > 0) throw new Error(`${failed} of ${passed + failed} tests failed`);
  return { passed, failed };
}

async function main(): Promise<void> {
  const started = Date.now();
  await timed('Random edits vs reference model', randomEdits);
  await timed('Crash mid-save (SIGKILL, 20k annotations)', crashes);
  await timed('Hostile and broken input', async () => {
    const { passed } = await mochaFiles(['hostileInput.test.ts']);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { hostileTried } = require('../unit/robustness/hostileInput.test') as { hostileTried: string[] };
    return `${hostileTried.length} hostile inputs in ${passed} tests`;
  });
  await timed('Concurrent writers, regressions', async () => `${(await mochaFiles(['sidecarWriter.test.ts', 'regressions.test.ts'])).passed} tests`);

  const width = Math.max(...rows.map((r) => r.check.length));
  const figWidth = Math.max(...rows.map((r) => r.figure.length));
  console.log(`\n${'check'.padEnd(width)}  ${'figure'.padEnd(figWidth)}  result  seconds`);
  console.log(`${'-'.repeat(width)}  ${'-'.repeat(figWidth)}  ------  -------`);
  for (const r of rows) console.log(`${r.check.padEnd(width)}  ${r.figure.padEnd(figWidth)}  ${r.result.padEnd(6)}  ${r.seconds ? r.seconds.toFixed(1).padStart(7) : ''}`);
  console.log(`\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s, seed ${SEED}`);
  process.exitCode = rows.some((r) => r.result === 'FAILED') ? 1 : 0;
}

void main();
