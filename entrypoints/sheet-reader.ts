import { SheetSession } from '@/core/sheets/session';
import type { SheetRequest } from '@/core/sheets/types';

/**
 * The report reader, run as the options page's worker (`core/sheets/client.ts`): parsing a large
 * workbook here keeps the options page responsive, and the workbook library loads only here.
 */
export default defineUnlistedScript(() => {
  const session = new SheetSession();
  self.onmessage = (event: MessageEvent<SheetRequest>) => {
    void session.handle(event.data).then((reply) => self.postMessage(reply));
  };
});
