import { daysOf, seriesMonths, type ShopMonthRecord } from '../../daily-months';
import type { AlertRecord, DailyRecord, Database, ReadingRecord, StorePulseDB, TargetRecord } from '../../db';
import type { CurveRecord } from '../../intraday-curves';
import { dailyId } from '../../keys';
import { CSV_COLUMNS, csvNumber, csvText } from './csv';

/**
 * Export of everything StorePulse keeps: the JSON file is complete and versioned (see the README); the
 * CSV file holds the daily values for a spreadsheet and can be imported back. Both are written in
 * pieces (`exportChunks`), each read in its own short transaction a page of records at a time, so the
 * file can be any size: no message, string or transaction ever holds all of it.
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
  /** The days' curves of real-time boards (absent in files from before they were kept). */
  curves?: CurveRecord[];
}

export type ExportFormat = 'json' | 'csv';

/** One piece of an export file, with how far the export has come (in records of the database). */
export interface ExportChunk {
  text: string;
  done: number;
  total: number;
}

/** Shop month records per page (every series of a shop's month, up to 31 days each); readings, alerts and targets per page. */
const MONTHS_PAGE = 10;
const RECORDS_PAGE = 2000;
/** Curves per page (up to 144 slots each). */
const CURVES_PAGE = 500;

type Paged = 'days' | 'readings' | 'alerts' | 'targets' | 'curves';

/** A store's records in key order, a page per transaction. */
async function* pages<S extends Paged>(db: Database, store: S, size: number): AsyncGenerator<Array<StorePulseDB[S]['value']>> {
  let after: IDBValidKey | undefined;
  for (;;) {
    const tx = db.transaction(store);
    const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
    const [records, keys] = await Promise.all([tx.store.getAll(range, size), tx.store.getAllKeys(range, size)]);
    if (!records.length) return;
    yield records as Array<StorePulseDB[S]['value']>;
    if (records.length < size) return;
    after = keys.at(-1) as IDBValidKey;
  }
}

/** A shop month's days as an export file carries them, each with its id: by metric, part, then day. */
export const dailyRecords = (shop: ShopMonthRecord): DailyRecord[] =>
  seriesMonths(shop).flatMap((month) =>
    daysOf(month).map((d) => ({ id: dailyId(d.site, d.store, d.metric, d.part, d.date), ...d })),
  );

/** How many records the export goes through, for its progress. */
async function recordCount(db: Database, format: ExportFormat): Promise<number> {
  const tx = db.transaction(['days', 'readings', 'alerts', 'targets', 'curves']);
  const counts = await Promise.all(
    (format === 'csv' ? (['days'] as const) : (['days', 'readings', 'alerts', 'targets', 'curves'] as const)).map((s) =>
      tx.objectStore(s).count(),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * The export file in pieces of at most a page of records each. JSON: the envelope first (format and
 * version before any record, which import relies on), then each section's records; CSV: the header,
 * then one row per shop, month, metric, part and day in that order.
 */
export async function* exportChunks(
  db: Database,
  format: ExportFormat,
  now: number,
  settings?: unknown,
): AsyncGenerator<ExportChunk> {
  const total = await recordCount(db, format);
  let done = 0;
  if (format === 'csv') {
    yield { text: `${CSV_COLUMNS.join(',')}\r\n`, done, total };
    for await (const months of pages(db, 'days', MONTHS_PAGE)) {
      done += months.length;
      yield { text: months.map(csvRows).join(''), done, total };
    }
    return;
  }
  const head: Record<string, unknown> = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
  };
  if (settings !== undefined) head.settings = settings;
  yield { text: JSON.stringify(head).slice(0, -1), done, total };
  const sections: Array<[string, Paged, number, (r: never) => unknown[]]> = [
    ['targets', 'targets', RECORDS_PAGE, (t: TargetRecord) => [t]],
    ['daily', 'days', MONTHS_PAGE, dailyRecords],
    ['readings', 'readings', RECORDS_PAGE, ({ id: _id, ...r }: ReadingRecord) => [r]],
    ['alerts', 'alerts', RECORDS_PAGE, (a: AlertRecord) => [a]],
    ['curves', 'curves', CURVES_PAGE, (c: CurveRecord) => [c]],
  ];
  for (const [name, store, size, records] of sections) {
    let first = true;
    yield { text: `,${JSON.stringify(name)}:[`, done, total };
    for await (const page of pages(db, store, size)) {
      done += page.length;
      const items = page.flatMap((r) => records(r as never)).map((r) => JSON.stringify(r));
      if (!items.length) continue;
      yield { text: `${first ? '' : ','}${items.join(',')}`, done, total };
      first = false;
    }
    yield { text: ']', done, total };
  }
  yield { text: '}', done, total };
}

/** A stored time as ISO text; empty for one no date can hold (a record from before imports were bounded). */
function isoTime(at: number): string {
  const date = new Date(at);
  return Number.isFinite(date.getTime()) ? date.toISOString() : '';
}

/** A shop month's days as CSV rows (RFC 4180), formula-looking text defused. */
function csvRows(shop: ShopMonthRecord): string {
  return dailyRecords(shop)
    .map((d) => {
      const text = [d.date, d.site, d.store, d.metric, d.breakdown?.dimension ?? '', d.breakdown?.key ?? '', d.peer ?? ''];
      const rest = [d.currency ?? '', d.provisional ? 'true' : 'false', isoTime(d.observedAt)];
      return [...text.map(csvText), csvNumber(d.value), ...rest.map(csvText)].join(',') + '\r\n';
    })
    .join('');
}

/** The whole export file as one string (for files known to be small, and tests). */
export async function exportText(db: Database, format: ExportFormat, now: number, settings?: unknown): Promise<string> {
  let text = '';
  for await (const chunk of exportChunks(db, format, now, settings)) text += chunk.text;
  return text;
}
