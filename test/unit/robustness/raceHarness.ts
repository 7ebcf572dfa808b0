/**
 * Races between real `tawsim` processes, and between them and a writer that takes no lock, shared
 * by the unit suite (a few rounds) and `npm run test:races` (many). Every round starts from a
 * fresh folder; at its end every tag that a run reported written (exit code 0) or that the
 * lock-free writer renamed into place must be on disk. A run that fails must have written nothing.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import type { Annotation } from '../../../src/core/model/annotation';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { finish, startCli } from './cliProcess';
import { FIRST_SPEAKER, raceText, SECOND_SPEAKER } from './raceTexts';

export interface RaceFigures {
  rounds: number;
  /** `tawsim` runs started, and how many of them exited with an error (each must have written nothing). */
  runs: number;
  failedRuns: number;
  /** Tags written by runs that succeeded, or renamed into place by the lock-free writer. */
  tagsWritten: number;
  /** Of those, missing at the end of their round. Must be 0. */
  lost: number;
  /**
   * Lock-free writer's tags replaced because its rename fell between a Tawsim writer's last check
   * and its rename (the window Guarantees describes; counted apart, not in `lost`).
   */
  lostInWindow: number;
  /** Tags on disk from runs that said they wrote nothing. Must be 0. */
  partial: number;
  /** One line per loss, for the message of a failing test. */
  details: string[];
}

export function emptyRaceFigures(): RaceFigures {
  return { rounds: 0, runs: 0, failedRuns: 0, tagsWritten: 0, lost: 0, lostInWindow: 0, partial: 0, details: [] };
}

const ANNOTATOR = 'u';

function freshFolder(texts: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-race-'));
  for (let i = 0; i < texts; i++) fs.writeFileSync(path.join(dir, `doc-${i}.txt`), raceText(i));
  return dir;
}

/** A doccano file tagging one speaker in every text. */
function doccanoFile(dir: string, name: string, texts: number, speaker: string): string {
  const file = path.join(path.dirname(dir), `${path.basename(dir)}-${name}.jsonl`);
  const lines: string[] = [];
  for (let i = 0; i < texts; i++) {
    const text = raceText(i);
    const start = text.indexOf(speaker);
    lines.push(JSON.stringify({ text, path: `doc-${i}.txt`, label: [[start, start + speaker.length, 'PER']] }));
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function annotationsOf(file: string): readonly Annotation[] {
  try {
    return parseSidecar(fs.readFileSync(file, 'utf8')).sidecar?.annotations ?? [];
  } catch {
    return [];
  }
}

function hasTag(file: string, quote: string, label: string, status?: Annotation['status']): boolean {
  return annotationsOf(file).some((a) => !a.orphan && a.text === quote && a.label === label && (status === undefined || a.status === status));
}

/**
 * Case 1: two imports of different tags into the same texts at once, without --force (or both
 * with --merge), optionally next to an `annotate` run of the same annotator.
 */
export async function importRace(figures: RaceFigures, options: { rounds: number; texts: number; merge: boolean; withAnnotate: boolean }): Promise<void> {
  for (let r = 0; r < options.rounds; r++) {
    const dir = freshFolder(options.texts);
    try {
      const files = [doccanoFile(dir, 'a', options.texts, FIRST_SPEAKER), doccanoFile(dir, 'b', options.texts, SECOND_SPEAKER)];
      const flags = options.merge ? ['--merge'] : [];
      const children = files.map((f) => startCli(['import', '--format', 'doccano', '--into', dir, '--annotator', ANNOTATOR, ...flags, f]));
      if (options.withAnnotate) children.push(startCli(['annotate', '--annotator', ANNOTATOR, dir]));
      const results = await Promise.all(children.map((c) => finish(c, { timeoutMs: 120_000 })));
      figures.rounds++;
      figures.runs += results.length;
      [FIRST_SPEAKER, SECOND_SPEAKER].forEach((speaker, k) => {
        const ok = results[k]?.code === 0;
        if (!ok) figures.failedRuns++;
        for (let i = 0; i < options.texts; i++) {
          const there = hasTag(path.join(dir, `doc-${i}.txt.ann.yaml`), speaker, 'PER');
          if (ok) {
            figures.tagsWritten++;
            if (!there) {
              figures.lost++;
              figures.details.push(`round ${r}: import of «${speaker}» exited 0 but doc-${i} lacks its tag`);
            }
          } else if (there) {
            figures.partial++;
            figures.details.push(`round ${r}: import of «${speaker}» failed (${results[k]?.stderr.trim().split('\n').at(-1)}) but doc-${i} has its tag`);
          }
        }
      });
      const annotate = options.withAnnotate ? results[2] : undefined;
      if (annotate) {
        if (annotate.code !== 0) figures.failedRuns++;
        // Every sidecar annotate reported written must still hold its suggestions.
        for (const m of annotate.stderr.matchAll(/^(\S+doc-(\d+)\.txt): (\d+) suggestions? added; \S+ (created|updated|merged)/gm)) {
          const added = Number(m[3]);
          if (added === 0) continue;
          figures.tagsWritten += added;
          const kept = annotationsOf(`${m[1]}.ann.yaml`).filter((a) => a.status === 'suggested').length;
          if (kept < added) {
            figures.lost += added - kept;
            figures.details.push(`round ${r}: annotate added ${added} suggestions to doc-${m[2]}, ${kept} remain`);
          }
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      for (const f of ['a', 'b']) fs.rmSync(`${dir}-${f}.jsonl`, { force: true });
    }
  }
}

const bundles = new Map<string, string>();

/** A child script of these tests, bundled once like the command line. */
function childBundle(name: string): string {
  const done = bundles.get(name);
  if (done && fs.existsSync(done)) return done;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-child-bundle-'));
  const out = path.join(dir, `${name}.js`);
  buildSync({ entryPoints: [path.join(__dirname, `${name}.ts`)], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  bundles.set(name, out);
  return out;
}

/** Starts a child script and resolves once it printed its first line. */
async function startChild(name: string, args: readonly string[]): Promise<{ child: ReturnType<typeof spawn>; output: () => string }> {
  const child = spawn(process.execPath, [childBundle(name), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (log += d));
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (log.includes('\n')) resolve();
      else child.stdout.once('data', check);
    };
    child.stdout.once('data', check);
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it started`)));
  });
  return { child, output: () => log };
}

/**
 * Case 3: a writer dies holding the lock (SIGKILL); several writers then want it at once. Each must
 * break the dead lock without a wait, and never two hold it together: their log must alternate
 * "in" and "out". Returns how often two held it at once.
 */
export async function staleLockRace(options: { rounds: number; waiters: number; cycles: number }): Promise<{ rounds: number; holds: number; overlaps: number }> {
  let holds = 0;
  let overlaps = 0;
  for (let r = 0; r < options.rounds; r++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tawsim-lock-'));
    try {
      const target = path.join(dir, 'a.txt.ann.yaml');
      const log = path.join(dir, 'log');
      const holder = await startChild('lockChild', ['hold', target]);
      const dead = new Promise((resolve) => holder.child.once('exit', resolve));
      holder.child.kill('SIGKILL');
      await dead;
      const waiters = await Promise.all(Array.from({ length: options.waiters }, () => startChild('lockChild', ['cycle', target, log, String(options.cycles)])));
      await Promise.all(waiters.map((w) => new Promise((resolve) => (w.child.exitCode !== null ? resolve(null) : w.child.once('exit', resolve)))));
      let inside = 0;
      for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
        if (line.startsWith('in ')) {
          holds++;
          if (++inside > 1) overlaps++;
        } else if (line.startsWith('out ')) inside--;
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return { rounds: options.rounds, holds, overlaps };
}

/**
 * Case 2: `annotate` runs over a folder while a writer that takes no lock keeps adding tags to
 * the same sidecars (temporary file, rename). Each tag it renamed into place must survive.
 */
export async function annotateVsRenameWriter(figures: RaceFigures, options: { rounds: number; texts: number; annotateRuns: number }): Promise<void> {
  for (let r = 0; r < options.rounds; r++) {
    const dir = freshFolder(options.texts);
    try {
      const { child: writer, output } = await startChild('renameWriterChild', [dir, String(options.texts), ANNOTATOR]);
      const trace = `${dir}.renames`;
      for (let k = 0; k < options.annotateRuns; k++) {
        const run = await finish(startCli(['annotate', '--annotator', ANNOTATOR, dir], process.cwd(), { TAWSIM_TRACE_RENAMES: trace }), { timeoutMs: 120_000 });
        figures.runs++;
        if (run.code !== 0) {
          figures.failedRuns++;
          figures.details.push(`round ${r}: annotate failed: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`);
        }
      }
      const exited = new Promise((resolve) => writer.once('exit', resolve));
      writer.kill('SIGTERM');
      await exited;
      figures.rounds++;
      // Tawsim's check-and-rename windows, per file: a lock-free rename inside one is the documented window.
      const windows = new Map<string, [bigint, bigint][]>();
      for (const line of fs.existsSync(trace) ? fs.readFileSync(trace, 'utf8').split('\n') : []) {
        const [file, start, end] = line.split('\t');
        if (file && start && end) windows.set(file, [...(windows.get(file) ?? []), [BigInt(start), BigInt(end)]]);
      }
      fs.rmSync(trace, { force: true });
      for (const line of output().split('\n').slice(1)) {
        const [file, quote, start, end] = line.split('\t');
        if (!file || !quote || !start || !end) continue;
        figures.tagsWritten++;
        if (!hasTag(file, quote, 'PER', 'accepted')) {
          const [w0, w1] = [BigInt(start), BigInt(end)];
          if ((windows.get(file) ?? []).some(([c0, c1]) => w0 < c1 && w1 > c0)) {
            figures.lostInWindow++;
            continue;
          }
          figures.lost++;
          const same = annotationsOf(file).filter((a) => a.text === quote);
          const left = same.length === 0 ? 'nothing on its quote' : same.map((a) => `${a.label} ${a.status}${a.orphan ? ' orphan' : ''} at ${a.start}`).join(', ');
          figures.details.push(`round ${r}: the lock-free writer's «${quote}» is gone from ${path.basename(file)} (on its quote: ${left})`);
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
