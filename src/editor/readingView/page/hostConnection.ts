import type { HostMessage, PageMessage } from '../../../core/reading/readingProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The page's side of the message channel: what it sends is typed, what it gets is checked for a type. */
export interface HostConnection {
  post(message: PageMessage): void;
  onMessage(listener: (message: HostMessage) => void): void;
}

export function connectToHost(): HostConnection {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    onMessage: (listener) =>
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        const data = event.data;
        if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') listener(data as HostMessage);
      }),
  };
}
