import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { finish, runCli, startCli } from './cliProcess';
import type { RaceFigures } from './raceHarness';
import { annotateVsRenameWriter, emptyRaceFigures, importRace, staleLockRace } from './raceHarness';

/** Rounds here are few, to keep the unit suite fast; `npm run test:races` runs many. */
function report(name: string, f: RaceFigures): void {
  process.stdout.write(
    `      ${name}: ${f.rounds} rounds, ${f.runs} runs (${f.failedRuns} refused, writing nothing), ${f.tagsWritten} tags written, ${f.lost} lost, ${f.partial} partial` +
      `${f.lostInWindow > 0 ? `; ${f.lostInWindow} renamed by the lock-free writer between a last check and its rename` : ''}\n`,
  );
}

describe('robustness: the command line beside other writers (real processes)', function () {
  this.timeout(180_000);

  it('1: concurrent imports, and an import beside annotate, never overwrite each other', async () => {
    const figures = emptyRaceFigures();
    await importRace(figures, { rounds: 1, texts: 30, merge: true, withAnnotate: true });
    await importRace(figures, { rounds: 1, texts: 30, merge: false, withAnnotate: false });
    report('imports', figures);
    assert.equal(figures.lost, 0, figures.details.join('\n'));
    assert.equal(figures.partial, 0, figures.details.join('\n'));
    assert.ok(figures.tagsWritten >= 60);
  });

  // A rename by the lock-free writer that falls between annotate's last check and its rename (two
  // consecutive system calls) is replaced: the window Guarantees describes, counted apart from losses.
  it('2: annotate never overwrites tags a writer that takes no lock renamed into place before its check', async () => {
    const figures = emptyRaceFigures();
    await annotateVsRenameWriter(figures, { rounds: 1, texts: 20, annotateRuns: 2 });
    report('annotate beside a lock-free writer', figures);
    assert.equal(figures.lost, 0, figures.details.join('\n'));
    assert.equal(figures.failedRuns, 0, figures.details.join('\n'));
    assert.ok(figures.tagsWritten > 100, `the writer wrote ${figures.tagsWritten} tags`);
  });

  it('3: a writer killed while it holds the lock does not block the next run, which writes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-killed-'));
    try {
      // A text with thousands of places: its sidecar takes long enough to write (fsync) to be caught holding the lock.
      fs.writeFileSync(path.join(dir, 'big.txt'), 'زار الوفد الرباط. '.repeat(2000));
      let killedHolding = false;
      for (let attempt = 0; attempt < 20 && !killedHolding; attempt++) {
        fs.rmSync(path.join(dir, 'big.txt.ann.yaml'), { force: true });
        const child = startCli(['annotate', '--annotator', 'u', path.join(dir, 'big.txt')]);
        const done = finish(child);
        // Watch for the lock (whatever its name) and kill the writer the moment it holds one.
        while (child.exitCode === null && !killedHolding) {
          if (fs.readdirSync(dir).some((n) => n.includes('.lock'))) {
            child.kill('SIGKILL');
            killedHolding = true;
          }
          await new Promise((r) => setTimeout(r, 1));
        }
        await done;
        killedHolding &&= fs.readdirSync(dir).some((n) => n.includes('.lock'));
      }
      assert.ok(killedHolding, 'a writer was killed while holding the lock');
      const next = await runCli(['annotate', '--annotator', 'u', path.join(dir, 'big.txt')], { timeoutMs: 120_000 });
      assert.equal(next.code, 0, next.stderr);
      const written = parseSidecar(fs.readFileSync(path.join(dir, 'big.txt.ann.yaml'), 'utf8')).sidecar;
      assert.ok(written && written.annotations.length >= 2000, `${written?.annotations.length} suggestions`);
      assert.deepEqual(
        fs.readdirSync(dir).filter((n) => n.includes('.lock')),
        [],
        'the dead lock is gone',
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('3: writers that find a dead lock at once break it one at a time: never two holders', async () => {
    const figures = await staleLockRace({ rounds: 1, waiters: 4, cycles: 10 });
    process.stdout.write(`      stale lock: ${figures.rounds} round, ${figures.holds} holds, ${figures.overlaps} overlaps\n`);
    assert.equal(figures.holds, 40);
    assert.equal(figures.overlaps, 0);
  });
});
