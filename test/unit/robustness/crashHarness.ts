/**
 * Crash injection for atomic writes, shared by the unit suite and the stress run: a child process
 * writes a big sidecar over and over (two complete versions in turn) and is killed with SIGKILL at
 * a random moment; the file on disk must then be exactly one of the two versions, never a mix, a
 * truncation or an empty file. Leftover temporary files are allowed, but must never pass for a
 * sidecar: their names start with '.' and end with '.tmp', which folder walks skip.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { walkFiles } from '../../../src/cli/files';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { isSidecarFileName } from '../../../src/core/sidecar/sidecarPath';
import type { Annotation } from '../../../src/core/model/annotation';
import { sha256Hex } from '../../../src/core/sidecar/hash';

export interface CrashFigures {
  crashes: number;
  /** Kills that found the old version on disk / the new one (both are fine). */
  sawA: number;
  sawB: number;
  /** Temporary files left by killed writers, in the folder after the last kill. */
  leftoverTemps: number;
}

/** A sidecar with `count` annotations over a generated Arabic text; `variant` changes every label. */
export function bigSidecar(count: number, variant: 0 | 1): string {
  const word = 'الرباط';
  const text = `${word} `.repeat(count);
  const labels = variant === 0 ? ['LOC', 'ORG'] : ['PER', 'MISC'];
  const annotations: Annotation[] = Array.from({ length: count }, (_, i) => ({
    id: `t${i + 1}`,
    label: labels[i % 2] as string,
    start: i * 7,
    end: i * 7 + 6,
    text: word,
    status: 'accepted',
    source: 'manual',
    ...(variant === 1 && i % 3 === 0 ? { note: `ملاحظة ${i}` } : {}),
  }));
  return serializeSidecar({ tawsim: 1, document: { path: 'big.txt', sha256: sha256Hex(text), length: text.length }, annotator: 'salma', annotations });
}

export interface CrashRun {
  readonly dir: string;
  readonly target: string;
  readonly a: string;
  readonly b: string;
}

/** Prepares a folder with the two versions, checked to parse once (byte equality then implies it). */
export function prepareCrashRun(count: number): CrashRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-crash-'));
  const a = bigSidecar(count, 0);
  const b = bigSidecar(count, 1);
  for (const v of [a, b]) {
    const parsed = parseSidecar(v);
    if (!parsed.sidecar || parsed.sidecar.annotations.length !== count) throw new Error('a crash-test version does not parse');
  }
  fs.writeFileSync(path.join(dir, 'a.version'), a);
  fs.writeFileSync(path.join(dir, 'b.version'), b);
  const target = path.join(dir, 'big.txt.ann.yaml');
  fs.writeFileSync(target, a);
  return { dir, target, a, b };
}

/** Starts the writer, kills it with SIGKILL after a random delay, and checks the file. */
export async function crashOnce(run: CrashRun, figures: CrashFigures, maxDelayMs: number, writer = 'crashChild.ts'): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--require', require.resolve('tsx/cjs'), path.join(__dirname, writer), run.target, path.join(run.dir, 'a.version'), path.join(run.dir, 'b.version')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the writer exited (${code}) before it started`)));
  });
  await new Promise((r) => setTimeout(r, Math.random() * maxDelayMs));
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
  figures.crashes++;
  const onDisk = fs.readFileSync(run.target, 'utf8');
  if (onDisk === run.a) figures.sawA++;
  else if (onDisk === run.b) figures.sawB++;
  else throw new Error(`after a crash the sidecar is neither version: ${onDisk.length} characters, starts ${JSON.stringify(onDisk.slice(0, 40))}`);
  const names = fs.readdirSync(run.dir);
  figures.leftoverTemps = 0;
  for (const name of names) {
    if (name === 'a.version' || name === 'b.version' || name === 'big.txt.ann.yaml') continue;
    if (!(name.startsWith('.') && name.endsWith('.tmp'))) throw new Error(`unexpected file after a crash: ${name}`);
    figures.leftoverTemps++;
  }
  // A folder walk (what `tawsim validate FOLDER` does) finds the sidecar and never a leftover.
  const found: string[] = [];
  for await (const f of walkFiles([run.dir], isSidecarFileName)) found.push(path.basename(f));
  if (found.length !== 1 || found[0] !== 'big.txt.ann.yaml') throw new Error(`a folder walk found ${JSON.stringify(found)}`);
}
