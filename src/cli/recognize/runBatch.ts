import type { BatchResult } from './batchTask';

export interface BatchRun {
  /** The files, produced lazily: a folder walk is consumed as the work goes, never listed whole. */
  readonly files: AsyncIterable<string>;
  readonly run: (file: string) => Promise<BatchResult>;
  /** Called once per file, in the order of `files`, whatever order the work finishes in. */
  readonly onResult: (file: string, result: BatchResult, done: number) => void;
  /** Files in flight at most: bounds the memory held by results waiting for an earlier file. */
  readonly window: number;
}

/**
 * Streams files through `run` with at most `window` in flight and reports results in input order,
 * so output is the same with or without workers and memory does not grow with the folder.
 */
export async function runBatch(batch: BatchRun): Promise<number> {
  const inFlight: { file: string; result: Promise<BatchResult> }[] = [];
  let done = 0;
  const settleOldest = async (): Promise<void> => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    const result = await oldest.result;
    batch.onResult(oldest.file, result, ++done);
  };
  for await (const file of batch.files) {
    inFlight.push({ file, result: batch.run(file) });
    if (inFlight.length >= Math.max(1, batch.window)) await settleOldest();
  }
  while (inFlight.length > 0) await settleOldest();
  return done;
}

/** The first `count` items of an async iterable, and an iterable that yields them and then the rest. */
export async function peek<T>(items: AsyncIterable<T>, count: number): Promise<{ head: readonly T[]; all: AsyncIterable<T> }> {
  const iterator = items[Symbol.asyncIterator]();
  const head: T[] = [];
  let finished = false;
  while (head.length < count) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      break;
    }
    head.push(next.value);
  }
  async function* all(): AsyncGenerator<T> {
    yield* head;
    if (finished) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, all: all() };
}
