import * as vscode from 'vscode';
import type { RefitRequest, RefitResponse } from '../../core/tagger/refitJob';
import { runRefit } from '../../core/tagger/refitJob';
import type { Logger } from '../logger';

/** Runs re-fits off the extension host's thread: one worker, one request at a time. */
export interface RefitWorker extends vscode.Disposable {
  run(request: RefitRequest): Promise<RefitResponse>;
  /** 'thread' (Node worker thread), 'web worker', or 'in process' where neither could start. */
  readonly kind: string;
}

interface MessagePortLike {
  postMessage(message: unknown): void;
  terminate(): unknown;
}

function isNodeHost(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/**
 * A worker for re-fits: a worker thread on dist/refitWorker.js in the Node extension host, a web
 * worker on dist/web/refitWorker.js in a browser host (started from a blob of its code, since
 * the host's own origin may not serve extension files to workers). Where neither starts, the
 * re-fit runs in process, between the editor's events, and the log says so.
 */
export async function startRefitWorker(extensionUri: vscode.Uri, log: Logger): Promise<RefitWorker> {
  const pending = new Map<number, (r: RefitResponse) => void>();
  const settle = (r: RefitResponse): void => {
    pending.get(r.id)?.(r);
    pending.delete(r.id);
  };
  const failAll = (message: string): void => {
    for (const [id, resolve] of pending) resolve({ id, ok: false, message });
    pending.clear();
  };
  try {
    let port: MessagePortLike;
    let kind: string;
    if (isNodeHost()) {
      const { Worker } = await import('node:worker_threads');
      const worker = new Worker(vscode.Uri.joinPath(extensionUri, 'dist', 'refitWorker.js').fsPath);
      worker.on('message', settle);
      worker.on('error', (e) => failAll(e.message));
      worker.on('exit', (code) => failAll(`the re-fit worker stopped (exit code ${code})`));
      // The worker must not keep a closing extension host alive.
      worker.unref();
      port = worker;
      kind = 'thread';
    } else {
      const code = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'refitWorker.js'));
      const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      const worker = new Worker(url);
      worker.onmessage = (e: MessageEvent<RefitResponse>) => settle(e.data);
      worker.onerror = (e) => failAll(e.message);
      port = { postMessage: (m) => worker.postMessage(m), terminate: () => worker.terminate() };
      kind = 'web worker';
    }
    let nextId = 1;
    return {
      kind,
      run(request: RefitRequest): Promise<RefitResponse> {
        const id = nextId++;
        return new Promise((resolve) => {
          pending.set(id, resolve);
          port.postMessage({ ...request, id });
        });
      },
      dispose(): void {
        failAll('closed');
        void port.terminate();
      },
    };
  } catch (e) {
    log.warn(`The model's background worker could not start (${(e as Error).message}); re-fits run in the extension host`);
    return {
      kind: 'in process',
      run: async (request) => {
        await new Promise((r) => setTimeout(r, 0));
        return runRefit(request);
      },
      dispose: () => undefined,
    };
  }
}
