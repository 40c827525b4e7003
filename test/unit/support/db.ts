import { dailyRecords } from '@/core/background/transfer/export';
import { openDatabase, type DailyRecord, type Database } from '@/core/db';
import type { PageReport } from '@/core/messages';
import type { ObservedValue, Period } from '@/core/types';

/** Shared builders for tests of the background's storage. */

let dbCounter = 0;
export const freshDb = (prefix = 'storepulse-store') => openDatabase(`${prefix}-${++dbCounter}`);

export const SYCM_URL = 'https://sycm.taobao.com/portal/home.htm';

/** The extension id a fake sender carries, and the clock of most tests: a Thursday noon, local time. */
export const EXT = 'storepulse-test-id';
export const NOON = new Date(2026, 10, 26, 12, 0, 0).getTime();

export function obs(metric: ObservedValue['metric'], value: number, extra: Partial<ObservedValue> = {}): ObservedValue {
  return {
    metric,
    value,
    source: { reader: 'adapter', adapter: 'sycm', locator: 'div > span', label: metric, raw: String(value) },
    ...extra,
  };
}

export const day = (date: string): Period => ({ kind: 'day', start: date, end: date });
export const realtime = (date: string): Period => ({ kind: 'realtime', start: date, end: date });

export function report(observed: ObservedValue[], period: Period, over: Partial<PageReport> = {}): PageReport {
  return { site: 'sycm', store: '小雨的旗舰店', period, observed, ...over };
}

/**
 * One closed day of a shop whose sales are visitors × 2.5% × ¥120, visitors split into 手淘搜索 (all but
 * 1,000) and 直通车 (1,000): the day page the review tests seed weeks of.
 */
export const visitorsDay = (date: string, visitors: number): PageReport =>
  report(
    [
      obs('visitors', visitors),
      obs('conversionRate', 0.025),
      obs('avgOrderValue', 120, { currency: 'CNY' }),
      obs('sales', visitors * 3, { currency: 'CNY' }),
      obs('visitors', visitors - 1000, { breakdown: { dimension: '流量来源', key: '手淘搜索' } }),
      obs('visitors', 1000, { breakdown: { dimension: '流量来源', key: '直通车' } }),
    ],
    day(date),
  );

/** A 生意参谋 report of the closed day before NOON's. */
export const dayReport = (observed: ObservedValue[], over: Partial<PageReport> = {}): PageReport =>
  report(observed, day('2026-11-25'), over);

/** Local noon of a calendar day, as the clock of a reading taken that day. */
export const noonOf = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12).getTime();
};

/** Every day kept, one record a day with its id, in the order (site, store, metric, part, date). */
export async function allDays(db: Database): Promise<DailyRecord[]> {
  const order = (d: DailyRecord) => [d.site, d.store, d.metric, d.part, d.date];
  return (await db.getAll('days')).flatMap(dailyRecords).sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    const i = x.findIndex((v, j) => v !== y[j]);
    return i < 0 ? 0 : x[i]! < y[i]! ? -1 : 1;
  });
}
