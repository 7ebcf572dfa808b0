import type { RefitRequest } from '../core/tagger/refitJob';
import { runRefit } from '../core/tagger/refitJob';

// The browser build's background re-fit (dist/web/refitWorker.js, a web worker started by the
// web worker extension host): the same job as the Node worker thread.
interface WorkerScope {
  onmessage: ((event: { data: RefitRequest }) => void) | null;
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const response = runRefit(event.data);
  scope.postMessage(response, response.ok ? [response.model.buffer as ArrayBuffer] : []);
};
