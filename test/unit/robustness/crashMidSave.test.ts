import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import type { CrashFigures, CrashRun } from './crashHarness';
import { crashOnce, prepareCrashRun } from './crashHarness';

/** Kills per run: 30 here; `npm run test:stress` injects 300. */
const CRASHES = Number(process.env['TAWSIM_STRESS_CRASHES'] ?? 30);
const ANNOTATIONS = 20_000;

describe('robustness: crash in the middle of a save (SIGKILL)', () => {
  let run: CrashRun;
  before(() => {
    run = prepareCrashRun(ANNOTATIONS);
  });
  after(() => fs.rmSync(run.dir, { recursive: true, force: true }));

  it(`leaves the old or the new sidecar whole after ${CRASHES} kills of a writer of ${ANNOTATIONS} annotations`, async function () {
    this.timeout(Math.max(60_000, CRASHES * 3000));
    const figures: CrashFigures = { crashes: 0, sawA: 0, sawB: 0, leftoverTemps: 0 };
    for (let i = 0; i < CRASHES; i++) await crashOnce(run, figures, 150);
    assert.equal(figures.crashes, CRASHES);
    assert.equal(figures.sawA + figures.sawB, CRASHES);
  });

  it('catches a plain (non-atomic) writer leaving a broken file: the check has teeth', async function () {
    this.timeout(120_000);
    const figures: CrashFigures = { crashes: 0, sawA: 0, sawB: 0, leftoverTemps: 0 };
    let caught: Error | undefined;
    for (let i = 0; i < 40 && !caught; i++) {
      await crashOnce(run, figures, 150, 'naiveWriterChild.ts').catch((e: Error) => {
        caught = e;
      });
    }
    assert.match(caught?.message ?? 'never caught', /neither version/);
    fs.writeFileSync(run.target, run.a);
  });
});
