/**
 * Child process of the crash test: writes two complete sidecar versions over one file, in turn,
 * with writeTextAtomic, until it is killed. Arguments: target file, version A file, version B file.
 */
import { readFileSync } from 'node:fs';
import { writeTextAtomic } from '../../../src/node/atomicWrite';

async function main(): Promise<void> {
  const [target, a, b] = process.argv.slice(2) as [string, string, string];
  const versions = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) await writeTextAtomic(target, versions[i % 2] as string);
}

void main();
