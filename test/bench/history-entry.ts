// The background's storage code, bundled on its own so its speed can be measured in Chromium's own
// IndexedDB (the extension's worker runs the same modules).
import { compact, dailySeries } from '../../core/background/daily';
import { ingest } from '../../core/background/ingest';
import { importData } from '../../core/background/transfer/import';
import { openDatabase } from '../../core/db';
import type { PageReport } from '../../core/messages';

export { compact, dailySeries, importData, openDatabase };

/** Ingests `reports` one by one, as the worker does with reports from pages. */
export async function ingestAll(name: string, reports: PageReport[], start: number): Promise<number> {
  const db = await openDatabase(name);
  let stored = 0;
  for (const [i, r] of reports.entries()) {
    stored += (await ingest(db, r, { url: 'https://sycm.taobao.com/portal/home.htm', now: start + i * 1000 })).stored;
  }
  db.close();
  return stored;
}
