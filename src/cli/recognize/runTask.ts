import type { BatchResult, BatchTask } from './batchTask';
import { annotateTask } from './annotateTask';
import { detectTask } from './detectTask';

/** Runs one file's task, in the main thread or in a worker; never rejects. */
export function runTask(task: BatchTask): Promise<BatchResult> {
  let work: Promise<BatchResult>;
  try {
    work = task.kind === 'detect' ? Promise.resolve(detectTask(task.file, task.settings)) : annotateTask(task.file, task.settings);
  } catch (e) {
    work = Promise.reject(e);
  }
  return work.catch((e: unknown) => ({ ok: false as const, message: `${task.file}: ${(e as Error).message}` }));
}
