import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { BatchResult, BatchTask } from './batchTask';
import { runTask } from './runTask';

/** Marks a worker thread started by `RecognizePool`; any other worker loading this bundle ignores it. */
export const WORKER_ROLE = 'tawsim-recognize';

export interface WorkerRequest {
  readonly id: number;
  readonly task: BatchTask;
}

export interface WorkerReply {
  readonly id: number;
  readonly result: BatchResult;
}

function serve(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (request: WorkerRequest) => {
    void runTask(request.task).then((result) => port.postMessage({ id: request.id, result } satisfies WorkerReply));
  });
}

// The pool starts workers on the very file the command line runs from (the esbuild bundle), so
// this module's top level is the worker's entry point: it serves tasks only inside such a worker.
if (!isMainThread && (workerData as { role?: unknown } | null)?.role === WORKER_ROLE) serve();
