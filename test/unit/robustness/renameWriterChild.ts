/**
 * A writer that takes no lock, as a script, `git pull` or an editor without Tawsim would: in a
 * tight loop it reads a sidecar, adds one tag, writes a temporary file and renames it over the
 * sidecar, with no check at all. It prints `FILE<TAB>QUOTE<TAB>START<TAB>END` for every tag once
 * renamed into place (START, END: monotonic nanoseconds around its rename), and stops at SIGTERM. Arguments: the folder, the number of texts (`doc-N.txt`), the
 * annotator. The race tests count its tags that Tawsim's writers lost.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Annotation } from '../../../src/core/model/annotation';
import { nextAnnotationId } from '../../../src/core/model/annotation';
import { buildSidecar } from '../../../src/core/sidecar/documentAnnotations';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { NAME_COUNT, raceName } from './raceTexts';

const [folder, countArg, annotator] = process.argv.slice(2) as [string, string, string];
const count = Number(countArg);
let stopping = false;
process.on('SIGTERM', () => (stopping = true));

/** Per text, how many of its names this writer has tagged. */
const tagged = new Array<number>(count).fill(0);

function once(k: number): void {
  const i = k % count;
  if ((tagged[i] as number) >= NAME_COUNT) return;
  const textFile = path.join(folder, `doc-${i}.txt`);
  const file = `${textFile}.ann.yaml`;
  const text = fs.readFileSync(textFile, 'utf8');
  let current: string | undefined;
  try {
    current = fs.readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  const parsed = current === undefined ? undefined : parseSidecar(current).sidecar;
  if (current !== undefined && !parsed) return;
  const quote = raceName(i, tagged[i] as number);
  const start = text.indexOf(quote);
  const existing = parsed?.annotations ?? [];
  const tag: Annotation = { id: nextAnnotationId(existing), label: 'PER', start, end: start + quote.length, text: quote, status: 'accepted', source: 'manual' };
  // Texts are Arabic without astral characters, so UTF-16 and code point offsets agree.
  const live = [...existing.filter((a) => !a.orphan), tag];
  const next = serializeSidecar(
    buildSidecar(
      { path: path.basename(textFile), annotator, ...(parsed?.document.date ? { date: parsed.document.date } : {}) },
      text,
      live,
      existing.filter((a) => a.orphan),
    ),
  );
  const temp = path.join(folder, `.w-${process.pid}-${k}.tmp`);
  fs.writeFileSync(temp, next);
  const before = process.hrtime.bigint();
  fs.renameSync(temp, file);
  const after = process.hrtime.bigint();
  tagged[i] = (tagged[i] as number) + 1;
  process.stdout.write(`${file}\t${quote}\t${before}\t${after}\n`);
}

async function main(): Promise<void> {
  process.stdout.write('ready\n');
  for (let k = 0; !stopping; k++) {
    once(k);
    // Let the SIGTERM handler run now and then; otherwise a synchronous loop never sees it.
    if (k % 8 === 0) await new Promise((r) => setImmediate(r));
  }
}

void main();
