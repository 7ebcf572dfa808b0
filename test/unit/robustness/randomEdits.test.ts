import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { emptyFigures, runSession, sessionArbitrary } from './editSession';

/** Sequences per run: a few hundred here; `npm run test:stress` runs ten thousand and more. */
const RUNS = Number(process.env['TAWSIM_STRESS_RUNS'] ?? 300);

describe('robustness: random editing sessions against a reference model (property)', () => {
  it(`loses no annotation over ${RUNS} sequences of edits, tags, undos, saves, reloads and outside changes`, function () {
    this.timeout(Math.max(30_000, RUNS * 50));
    const figures = emptyFigures();
    fc.assert(
      fc.property(sessionArbitrary, ([initial, steps]) => runSession(initial, steps, figures)),
      { numRuns: RUNS },
    );
    assert.equal(figures.lost, 0);
    assert.ok(figures.sequences >= RUNS);
  });
});
