// The background's storage code, bundled on its own so its speed can be measured in Chromium's own
// IndexedDB (the extension's worker runs the same modules).
import { compact, dailySeries } from '../../core/background/daily';
import { ingest } from '../../core/background/ingest';
import { reviewShops } from '../../core/background/review-loader';
import { ImportSession } from '../../core/background/transfer/import';
import { openDatabase } from '../../core/db';
import type { PageReport } from '../../core/messages';
import { TRANSFER_CHUNK_CHARS } from '../../core/transfer-protocol';
import { historyExport } from './history-data.mjs';

export { compact, dailySeries, openDatabase, reviewShops };

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

/** Imports a synthetic history of `shops` × `days` in pieces, as the worker does with a file; returns days added. */
export async function importHistory(name: string, shops: number, days: number): Promise<number> {
  const text = JSON.stringify(historyExport({ shops, days }));
  const db = await openDatabase(name);
  const session = new ImportSession();
  for (let at = 0; at < text.length; at += TRANSFER_CHUNK_CHARS) session.feed(text.slice(at, at + TRANSFER_CHUNK_CHARS));
  const report = await session.finish(db);
  db.close();
  return report.added.daily;
}
