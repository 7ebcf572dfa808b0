import { parentPort } from 'node:worker_threads';
import type { RefitRequest } from '../core/tagger/refitJob';
import { runRefit } from '../core/tagger/refitJob';

// The Node extension host's background re-fit (dist/refitWorker.js, a worker thread): one request
// at a time, answered with the new model's bytes, off the extension host's thread.
parentPort?.on('message', (request: RefitRequest) => {
  const response = runRefit(request);
  parentPort?.postMessage(response, response.ok ? [response.model.buffer as ArrayBuffer] : []);
});
