/**
 * Child process of the lock tests. `hold TARGET`: takes the target's lock, prints "held" and
 * waits to be killed. `cycle TARGET LOG COUNT`: COUNT times takes the lock, appends "in PID" and
 * then "out PID" to LOG with a pause between, and gives the lock back; two "in" lines in a row in
 * the log would mean two holders at once.
 */
import * as fs from 'node:fs';
import { lockFiles } from '../../../src/node/fileLock';

async function main(): Promise<void> {
  const [mode, target, log, count] = process.argv.slice(2) as [string, string, string | undefined, string | undefined];
  if (mode === 'hold') {
    await lockFiles([target]);
    process.stdout.write('held\n');
    setInterval(() => undefined, 60_000);
    return;
  }
  process.stdout.write('ready\n');
  for (let i = 0; i < Number(count); i++) {
    const locks = await lockFiles([target]);
    fs.appendFileSync(log as string, `in ${process.pid}\n`);
    await new Promise((r) => setTimeout(r, 1 + Math.random() * 3));
    fs.appendFileSync(log as string, `out ${process.pid}\n`);
    await locks.release();
  }
}

void main();
