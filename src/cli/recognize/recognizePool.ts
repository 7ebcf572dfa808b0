import { Worker } from 'node:worker_threads';
import type { BatchResult, BatchTask } from './batchTask';
import type { WorkerReply, WorkerRequest } from './recognizeWorker';
import { WORKER_ROLE } from './recognizeWorker';
import { runTask } from './runTask';

interface Pending {
  readonly task: BatchTask;
  readonly resolve: (result: BatchResult) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  alive: boolean;
}

/**
 * The code a worker runs: it loads the file this code was loaded from. From the bundle
 * (`dist/cli.js`) that is the whole command line, whose top level then serves tasks (see
 * recognizeWorker.ts). Started as `eval` code, the worker has no main module, so the bundle's
 * "run main() when started as a program" check stays false and the CLI does not run again in it.
 * From the TypeScript sources (tsx: tests, `npx tsx src/cli/main.ts`) the worker first registers
 * tsx, which the main thread's require hook does not reach.
 */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
if (workerData.loader) require(workerData.loader);
require(workerData.entry);
`;

/**
 * Worker threads that recognise files, for batches where one core is the limit. Each task goes to
 * the worker with the fewest in flight. A worker that dies fails only its own tasks, each with a
 * message naming the file; later tasks run on the others, or in this thread when none is left.
 */
export class RecognizePool {
  private readonly slots: Slot[] = [];
  private nextId = 0;

  constructor(size: number, entry: string = __filename) {
    const loader = entry.endsWith('.ts') ? 'tsx/cjs' : undefined;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { role: WORKER_ROLE, entry, loader } });
      const slot: Slot = { worker, pending: new Map(), alive: true };
      worker.on('message', (reply: WorkerReply) => {
        const pending = slot.pending.get(reply.id);
        slot.pending.delete(reply.id);
        pending?.resolve(reply.result);
      });
      const fail = (why: string): void => {
        slot.alive = false;
        for (const p of slot.pending.values()) p.resolve({ ok: false, message: `${p.task.file}: the recogniser's worker thread stopped (${why}); the file was not processed` });
        slot.pending.clear();
      };
      worker.on('error', (e) => fail(e.message));
      worker.on('exit', (code) => {
        if (slot.pending.size > 0) fail(`exit code ${code}`);
        slot.alive = false;
      });
      this.slots.push(slot);
    }
  }

  /** Whether the running code can start workers: a worker needs a file to load. */
  static available(entry: string = __filename): boolean {
    return entry.endsWith('.js') || entry.endsWith('.cjs') || entry.endsWith('.ts');
  }

  run(task: BatchTask): Promise<BatchResult> {
    const live = this.slots.filter((s) => s.alive);
    if (live.length === 0) return runTask(task);
    const slot = live.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    const id = this.nextId++;
    return new Promise((resolve) => {
      slot.pending.set(id, { task, resolve });
      slot.worker.postMessage({ id, task } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
