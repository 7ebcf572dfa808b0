/**
 * `npm run test:races`: the long version of the race tests (cliRaces.test.ts), real `tawsim`
 * processes against each other and against a writer that takes no lock, with a summary table.
 *
 *   TAWSIM_RACE_ROUNDS  rounds of each race (default 20)
 *   TAWSIM_RACE_TEXTS   texts per round (default 30)
 *
 * Exits non-zero when any tag is lost, any failed run wrote anything, or two writers held a lock
 * at once. Tags of the lock-free writer whose rename fell between a Tawsim writer's last check and
 * its rename are counted apart: that window is what Guarantees says remains.
 */
import type { RaceFigures } from '../unit/robustness/raceHarness';
import { annotateVsRenameWriter, emptyRaceFigures, importRace, staleLockRace } from '../unit/robustness/raceHarness';

const ROUNDS = Number(process.env['TAWSIM_RACE_ROUNDS'] ?? 20);
const TEXTS = Number(process.env['TAWSIM_RACE_TEXTS'] ?? 30);

interface Row {
  readonly race: string;
  readonly figures: string;
  readonly ok: boolean;
  readonly seconds: number;
}

const rows: Row[] = [];

async function race(name: string, work: (f: RaceFigures) => Promise<void>): Promise<void> {
  const started = Date.now();
  const f = emptyRaceFigures();
  await work(f);
  const ok = f.lost === 0 && f.partial === 0;
  if (!ok) console.error(`\n${name}:\n${f.details.join('\n')}\n`);
  rows.push({
    race: name,
    figures: `${f.rounds} rounds, ${f.runs} runs (${f.failedRuns} refused), ${f.tagsWritten} tags written, ${f.lost} lost, ${f.partial} partial, ${f.lostInWindow} in the check-to-rename window`,
    ok,
    seconds: (Date.now() - started) / 1000,
  });
  console.log(`${name}: ${rows.at(-1)?.figures}`);
}

async function main(): Promise<void> {
  console.log(`races: ${ROUNDS} rounds of each, ${TEXTS} texts a round`);
  await race('two imports at once, no --force', (f) => importRace(f, { rounds: ROUNDS, texts: TEXTS, merge: false, withAnnotate: false }));
  await race('two imports --merge and annotate at once', (f) => importRace(f, { rounds: ROUNDS, texts: TEXTS, merge: true, withAnnotate: true }));
  await race('annotate beside a lock-free rename writer', (f) => annotateVsRenameWriter(f, { rounds: ROUNDS, texts: TEXTS, annotateRuns: 3 }));
  const started = Date.now();
  const lock = await staleLockRace({ rounds: ROUNDS, waiters: 4, cycles: 10 });
  rows.push({
    race: 'a dead lock broken by 4 waiters at once',
    figures: `${lock.rounds} rounds, ${lock.holds} holds, ${lock.overlaps} overlaps`,
    ok: lock.overlaps === 0,
    seconds: (Date.now() - started) / 1000,
  });
  console.log(`\n| race | figures | result | seconds |\n|---|---|---|---|`);
  for (const r of rows) console.log(`| ${r.race} | ${r.figures} | ${r.ok ? 'ok' : 'FAILED'} | ${r.seconds.toFixed(0)} |`);
  process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
}

void main();
