import {
  dayOf,
  daysOf,
  holdMonths,
  MonthBook,
  monthKeyOf,
  monthWrites,
  seriesMonth,
  seriesMonths,
  shopMonthOfKey,
  type DailyValue,
  type ShopMonthRecord,
} from '../daily-months';
import { dailyFromReading, readStore, type Database, type Reader, type ReadTx } from '../db';
import { isPeerPart, joinKey } from '../keys';
import type { MetricId } from '../metrics';
import type { DailyPoint, IsoDate } from '../review/types';

/**
 * Daily values: the queries trends and reviews run, and the retention that keeps raw readings small
 * without ever losing a day. Days are kept one record per shop × month (core/daily-months.ts): a window
 * of a shop's days is one key-range read of the months it touches.
 */

/** The windows of shop months each shared read transaction has read, by shop: read once, filtered for the rest. */
const windows = new WeakMap<ReadTx, Map<string, Array<{ from: string; to: string; months: Promise<ShopMonthRecord[]> }>>>();

/**
 * A shop's month records from `from`'s month to `to`'s (inclusive), oldest first, in one request. In a
 * shared read transaction (the review's hundreds of reads) a window inside one already read is taken from
 * it: every series of a shop's month is in its one record, so the review's dozen series of the same weeks
 * cost one read, not a dozen.
 */
function shopMonths(db: Reader, site: string, store: string, from: IsoDate, to: string): Promise<ShopMonthRecord[]> {
  const [first, last] = [from.slice(0, 7), to.slice(0, 7)];
  const read = () => readStore(db, 'days').getAll(IDBKeyRange.bound([site, store, first], [site, store, last]));
  if (!('objectStore' in db)) return read();
  let shops = windows.get(db);
  if (!shops) windows.set(db, (shops = new Map()));
  const shop = joinKey([site, store]);
  const done = shops.get(shop) ?? [];
  shops.set(shop, done);
  const covering = done.find((w) => w.from <= first && w.to >= last);
  if (covering) return covering.months.then((months) => months.filter((m) => m.month >= first && m.month <= last));
  const months = read();
  done.push({ from: first, to: last, months });
  return months;
}

/** One series' days from `from` to `to` (inclusive), oldest first: the months they fall in, read at once. */
export async function dailySeries(
  db: Reader,
  site: string,
  store: string,
  metric: MetricId,
  from: IsoDate,
  to: IsoDate,
  part = '',
): Promise<DailyValue[]> {
  const months = await shopMonths(db, site, store, from, to);
  return months.flatMap((shop) => {
    const month = seriesMonth(shop, metric, part);
    return month ? daysOf(month, from, to) : [];
  });
}

export const toPoints = (records: readonly DailyValue[]): DailyPoint[] => records.map((r) => ({ date: r.date, value: r.value }));

/**
 * Every part of a metric with days in the window, by part key (in key order): its breakdowns (each
 * traffic source's visitors) or its peers' numbers. One read of the shop's months in the window.
 */
export async function dailyParts(
  db: Reader,
  site: string,
  store: string,
  metric: MetricId,
  from: IsoDate,
  to: IsoDate,
  kind: 'breakdown' | 'peer' = 'breakdown',
): Promise<Map<string, DailyValue[]>> {
  const found = new Map<string, DailyValue[]>();
  for (const shop of await shopMonths(db, site, store, from, to))
    for (const month of seriesMonths(shop)) {
      if (month.metric !== metric || month.part === '' || isPeerPart(month.part) !== (kind === 'peer')) continue;
      const days = daysOf(month, from, to);
      if (days.length) found.set(month.part, [...(found.get(month.part) ?? []), ...days]);
    }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The metrics a shop has days of since `since` (its own totals), for the trends picker, in key order. */
export async function metricsWithDays(db: Reader, site: string, store: string, since: IsoDate): Promise<MetricId[]> {
  const found = new Set<MetricId>();
  for (const shop of await shopMonths(db, site, store, since, '\uffff'))
    for (const month of seriesMonths(shop))
      if (month.part === '' && !found.has(month.metric) && daysOf(month, since).length) found.add(month.metric);
  return [...found].sort();
}

/** Every shop with daily values, once each (jumping from shop to shop over the keys). */
export async function dailyShops(db: Reader): Promise<Array<{ site: string; store: string }>> {
  const shops: Array<{ site: string; store: string }> = [];
  let cursor = await readStore(db, 'days').openKeyCursor();
  while (cursor) {
    const [site, store] = cursor.key;
    shops.push({ site, store });
    cursor = await cursor.continue([site, `${store}\u0000`, '']);
  }
  return shops;
}

/** Raw readings older than this are folded into their daily values. */
export const RETENTION_DAYS = 90;
const BATCH = 500;

export interface CompactionResult {
  /** Raw readings removed. */
  removed: number;
  /** Daily values written for days that had none (never expected, but never lost). */
  daysWritten: number;
}

/**
 * Folds raw readings older than the retention window away. A reading of one day is removed only once
 * its day has a daily value (written here if it had none); a reading of a range or an unknown period
 * is removed only when a later reading of the same series exists. So every closed day and the latest
 * value of every series survive. Works in batches: each transaction stays short, and an interruption
 * (a killed worker) leaves a consistent database that the next run continues.
 */
export async function compact(db: Database, now: number, retentionDays = RETENTION_DAYS): Promise<CompactionResult> {
  const cutoff = now - retentionDays * 86_400_000;
  const result: CompactionResult = { removed: 0, daysWritten: 0 };
  let after: [number, number] | undefined; // [observedAt, id] of the last reading looked at
  for (;;) {
    const tx = db.transaction(['readings', 'days'], 'readwrite');
    const readings = tx.objectStore('readings');
    const days = tx.objectStore('days');
    let cursor = await readings.index('byObservedAt').openCursor(IDBKeyRange.upperBound(cutoff, true));
    if (cursor && after) {
      cursor = await cursor.continuePrimaryKey(after[0], after[1]);
      if (cursor && cursor.key === after[0] && cursor.primaryKey === after[1]) cursor = await cursor.continue();
    }
    const book = new MonthBook();
    let seen = 0;
    while (cursor && seen < BATCH) {
      seen++;
      const r = cursor.value;
      after = [r.observedAt, r.id!];
      const day = dailyFromReading(r);
      let remove: boolean;
      if (day) {
        const key = monthKeyOf(day);
        await holdMonths(days, book, [shopMonthOfKey(key)]);
        const month = book.month(key);
        if (!month || !dayOf(month, day.date)) {
          book.gather(day);
          result.daysWritten++;
        }
        remove = true;
      } else {
        const later = IDBKeyRange.bound([r.series, r.observedAt], [r.series, Infinity], true);
        remove = (await readings.index('bySeries').count(later)) > 0;
      }
      if (remove) {
        await cursor.delete();
        result.removed++;
      }
      cursor = await cursor.continue();
    }
    await Promise.all(monthWrites(days, book).map((write) => write()));
    await tx.done;
    if (!cursor) return result;
  }
}
