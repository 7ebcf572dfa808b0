/**
 * Control for the crash test: the same loop as crashChild.ts with a plain, non-atomic write, which
 * the harness must catch leaving a truncated file. Arguments as crashChild.ts.
 */
import { createWriteStream, readFileSync } from 'node:fs';

async function main(): Promise<void> {
  const [target, a, b] = process.argv.slice(2) as [string, string, string];
  const versions = [readFileSync(a, 'utf8'), readFileSync(b, 'utf8')];
  process.stdout.write('ready\n');
  for (let i = 0; ; i++) {
    // Written in pieces, as a large write reaches the disk, so a kill can land between them.
    const out = createWriteStream(target);
    const v = versions[i % 2] as string;
    for (let at = 0; at < v.length; at += 65536) out.write(v.slice(at, at + 65536));
    await new Promise((r) => out.end(r));
  }
}

void main();
