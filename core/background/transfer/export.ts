import type { AlertRecord, DailyRecord, Database, ReadingRecord, TargetRecord } from '../../db';
import { CSV_COLUMNS, csvField } from './csv';

/**
 * Export of everything StorePulse keeps: the JSON file is complete and versioned (see the README); the
 * CSV file holds the daily values for a spreadsheet and can be imported back.
 */

export const EXPORT_FORMAT = 'storepulse-export';
export const EXPORT_VERSION = 1;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  /** The operator's settings (rules, profiles, peers) as stored. */
  settings?: unknown;
  targets: TargetRecord[];
  daily: DailyRecord[];
  readings: Array<Omit<ReadingRecord, 'id'>>;
  alerts: AlertRecord[];
}

export async function exportJson(db: Database, now: number, settings?: unknown): Promise<ExportFile> {
  const tx = db.transaction(['targets', 'daily', 'readings', 'alerts']);
  const [targets, daily, readings, alerts] = await Promise.all([
    tx.objectStore('targets').getAll(),
    tx.objectStore('daily').getAll(),
    tx.objectStore('readings').getAll(),
    tx.objectStore('alerts').getAll(),
  ]);
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    targets,
    daily,
    readings: readings.map(({ id: _id, ...rest }) => rest),
    alerts,
  };
  if (settings !== undefined) file.settings = settings;
  return file;
}

/** Daily values as CSV (RFC 4180), one row per shop, metric, part and day. */
export async function exportCsv(db: Database): Promise<string> {
  const rows = [CSV_COLUMNS.join(',')];
  let cursor = await db.transaction('daily').store.index('bySeries').openCursor();
  while (cursor) {
    const d = cursor.value;
    rows.push(
      [
        d.date,
        d.site,
        d.store,
        d.metric,
        d.breakdown?.dimension ?? '',
        d.breakdown?.key ?? '',
        d.peer ?? '',
        String(d.value),
        d.currency ?? '',
        d.provisional ? 'true' : 'false',
        new Date(d.observedAt).toISOString(),
      ]
        .map(csvField)
        .join(','),
    );
    cursor = await cursor.continue();
  }
  return rows.join('\r\n') + '\r\n';
}
