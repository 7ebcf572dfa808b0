import { promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../cliTypes';
import { ExitCode } from '../cliTypes';
import { isTextFileName, walkFiles } from '../files';
import { isSidecarFileName } from '../../core/sidecar/sidecarPath';
import type { BatchArgs } from './batchArgs';
import type { BatchResult, BatchTask } from './batchTask';
import { progressLine } from './progressLine';
import { FileProblem, problemOf, shownPath } from '../../node/readRegularFile';
import { RecognizePool } from './recognizePool';
import { peek, runBatch } from './runBatch';
import { runTask } from './runTask';

/** Below this many files a run stays in one thread: starting workers costs more than it saves. */
const WORKER_THRESHOLD = 32;
/** Files in flight per worker (in all, without workers): keeps each busy while results wait their turn. */
const IN_FLIGHT_PER_WORKER = 4;
const MAX_AUTO_WORKERS = 8;

/**
 * One `detect` or `annotate` run: files are walked lazily, handed to worker threads when the run is
 * large enough, and reported in input order. Returns the exit code: 1 when any input could not be
 * processed (each one is named on stderr), else 0.
 */
export async function runRecognizeBatch(kind: BatchTask['kind'], args: BatchArgs, io: CliIo, print: (line: string) => void): Promise<number> {
  let failed = 0;
  const inputs: string[] = [];
  let walks = false;
  for (const input of args.inputs) {
    const stat = await fs.stat(input).catch((e: unknown) => problemOf(input, e));
    walks ||= !(stat instanceof FileProblem) && stat.isDirectory();
    if (!(stat instanceof FileProblem)) inputs.push(input);
    else {
      io.err(`tawsim ${kind}: ${stat.message}`);
      failed++;
    }
  }
  // As `tawsim export` does: progress on a terminal when a folder is walked, or when asked for.
  const showProgress = args.progress || (walks && process.stderr.isTTY === true);
  const total = showProgress ? await countFiles(inputs) : 0;
  const { head, all } = await peek(textsOf(inputs, io, kind), WORKER_THRESHOLD);
  const workers = RecognizePool.available() ? (args.workers ?? (head.length >= WORKER_THRESHOLD ? autoWorkers() : 0)) : 0;
  const pool = workers > 0 ? new RecognizePool(workers) : undefined;
  const progress = showProgress ? progressLine(io, total) : undefined;
  let spans = 0;
  try {
    const done = await runBatch({
      files: all,
      window: Math.max(1, workers) * IN_FLIGHT_PER_WORKER,
      run: (file) => {
        const task: BatchTask = { kind, file, settings: args.settings };
        return pool ? pool.run(task) : runTask(task);
      },
      onResult: (_file: string, result: BatchResult, n: number) => {
        if (result.ok) {
          // One write per file, not per span: over a big folder the writes themselves cost.
          if (result.lines.length > 0) print(result.lines.join('\n'));
          spans += result.spans;
        } else {
          io.err(`tawsim ${kind}: ${result.message}`);
          failed++;
        }
        progress?.(n);
      },
    });
    if (kind === 'annotate') io.err(`${done} file${done === 1 ? '' : 's'}: ${spans} suggestion${spans === 1 ? '' : 's'} added${failed > 0 ? `; ${failed} not processed` : ''}`);
  } finally {
    await pool?.close();
  }
  return failed > 0 ? ExitCode.badInput : ExitCode.ok;
}

/**
 * Workers when none are asked for: one core stays with the main thread (walking folders, reading
 * results, writing output), the others recognise. On two cores one worker only pipelines, and
 * two compete with the main thread and anything else running: measured on a busy two-core
 * machine both were slower than one thread (bench/cli.bench.ts), so there the run stays in one
 * thread unless `--workers` says otherwise.
 */
function autoWorkers(): number {
  const spare = availableParallelism() - 1;
  return spare >= 2 ? Math.min(spare, MAX_AUTO_WORKERS) : 0;
}

/**
 * The texts of the inputs, walked lazily. Folder walks never yield sidecars; one named on the
 * command line (a shell's `*` catches them) is passed over with a note, not annotated as a text.
 */
async function* textsOf(inputs: readonly string[], io: CliIo, kind: BatchTask['kind']): AsyncGenerator<string> {
  for await (const file of walkFiles(inputs, isTextFileName, (f, problem) => io.err(`tawsim ${kind}: ${shownPath(f)}: ${problem}`))) {
    if (isSidecarFileName(path.basename(file))) io.err(`tawsim ${kind}: ${shownPath(file)}: a sidecar, not a text; skipped`);
    else yield file;
  }
}

/** How many files a run will process, for `N/M` progress: a walk that keeps names only. */
async function countFiles(inputs: readonly string[]): Promise<number> {
  let n = 0;
  for await (const file of walkFiles(inputs, isTextFileName, () => undefined)) if (!isSidecarFileName(path.basename(file))) n++;
  return n;
}
