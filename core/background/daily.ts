import { daysOf, dayOf, emptyMonth, monthKeyOf, putDay, type DailyValue, type MonthKey } from '../daily-months';
import { dailyFromReading, readStore, type Database, type Reader } from '../db';
import { isPeerPart } from '../keys';
import type { MetricId } from '../metrics';
import type { DailyPoint, IsoDate } from '../review/types';

/**
 * Daily values: the queries trends and reviews run, and the retention that keeps raw readings small
 * without ever losing a day.
 */

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
  const months = await readStore(db, 'days').getAll(
    IDBKeyRange.bound([site, store, metric, part, from.slice(0, 7)], [site, store, metric, part, to.slice(0, 7)]),
  );
  return months.flatMap((m) => daysOf(m, from, to));
}

export const toPoints = (records: readonly DailyValue[]): DailyPoint[] => records.map((r) => ({ date: r.date, value: r.value }));

/**
 * Every part of a metric with days in the window, by part key: its breakdowns (each traffic source's
 * visitors) or its peers' numbers. The parts are found by jumping over the keys from part to part,
 * then each part's window is read on its own: a long history costs nothing outside the window.
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
  const keys: string[] = [];
  let cursor = await readStore(db, 'days').openKeyCursor(
    IDBKeyRange.bound([site, store, metric, '\u0001', ''], [site, store, metric, '\uffff', '\uffff']),
  );
  while (cursor) {
    const part = cursor.key[3];
    if (isPeerPart(part) === (kind === 'peer')) keys.push(part);
    cursor = await cursor.continue([site, store, metric, `${part}\u0000`, '']);
  }
  const parts = new Map<string, DailyValue[]>();
  const windows = await Promise.all(keys.map((part) => dailySeries(db, site, store, metric, from, to, part)));
  keys.forEach((part, i) => {
    if (windows[i]!.length) parts.set(part, windows[i]!);
  });
  return parts;
}

/** The metrics a shop has days of since `since` (its own totals), for the trends picker. */
export async function metricsWithDays(db: Reader, site: string, store: string, since: IsoDate): Promise<MetricId[]> {
  const found: MetricId[] = [];
  const sinceMonth = since.slice(0, 7);
  let cursor = await readStore(db, 'days').openCursor(
    IDBKeyRange.bound([site, store, '', '', ''], [site, store, '\uffff', '', '']),
  );
  // Jump over the keys: to a metric's first recent month of its total, then straight to the next metric.
  while (cursor) {
    const [, , metric, part, month] = cursor.key;
    const nextMetric: MonthKey = [site, store, `${metric}\u0000`, '', ''];
    if (part !== '') cursor = await cursor.continue(nextMetric);
    else if (month < sinceMonth) cursor = await cursor.continue([site, store, metric, '', sinceMonth]);
    else if (!daysOf(cursor.value, since).length) cursor = await cursor.continue();
    else {
      found.push(metric as MetricId);
      cursor = await cursor.continue(nextMetric);
    }
  }
  return found;
}

/** Every shop with daily values, once each (jumping from shop to shop over the keys). */
export async function dailyShops(db: Reader): Promise<Array<{ site: string; store: string }>> {
  const shops: Array<{ site: string; store: string }> = [];
  let cursor = await readStore(db, 'days').openKeyCursor();
  while (cursor) {
    const [site, store] = cursor.key;
    shops.push({ site, store });
    cursor = await cursor.continue([site, `${store}\u0000`, '', '', '']);
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
    let seen = 0;
    while (cursor && seen < BATCH) {
      seen++;
      const r = cursor.value;
      after = [r.observedAt, r.id!];
      const day = dailyFromReading(r);
      let remove: boolean;
      if (day) {
        const month = (await days.get(monthKeyOf(day))) ?? emptyMonth(day);
        if (!dayOf(month, day.date)) {
          putDay(month, day);
          await days.put(month);
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
    await tx.done;
    if (!cursor) return result;
  }
}
