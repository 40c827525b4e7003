import browser from 'webextension-polyfill';
import type { SheetReply, SheetRequest } from './types';

/**
 * The options page's side of the report reader: one worker per file, started when a file is chosen
 * (so the workbook library is never loaded before), asked one thing at a time.
 */
export interface SheetReader {
  ask(request: SheetRequest): Promise<SheetReply>;
  close(): void;
}

export function startSheetReader(): SheetReader {
  const worker = new Worker(browser.runtime.getURL('/sheet-reader.js'));
  let queue: Promise<unknown> = Promise.resolve();
  return {
    ask(request) {
      const next = queue.then(
        () =>
          new Promise<SheetReply>((resolve, reject) => {
            worker.onmessage = (event: MessageEvent<SheetReply>) => resolve(event.data);
            worker.onerror = (event) => reject(new Error(event.message || 'the report reader stopped'));
            if (request.type === 'read') worker.postMessage(request, [request.bytes]);
            else worker.postMessage(request);
          }),
      );
      queue = next.catch(() => undefined);
      return next;
    },
    close: () => worker.terminate(),
  };
}
