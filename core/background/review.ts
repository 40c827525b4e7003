import type { Database } from '../db';
import type { MetricId } from '../metrics';
import type { DailyPoint, IsoDate, MonthTarget } from '../review/types';
import { dailyParts, dailySeries, metricsWithDays, toPoints } from './daily';
import { shopTargets } from './targets';

/**
 * What the daily review of one shop stands on, loaded with a few index range reads: the factors of
 * sales and the page-quality numbers for the last weeks, sales for two years (month rows and growth
 * against last year), visitors per traffic source, and the shop's targets.
 */

/** Metrics the review reads for the recent weeks. */
export const REVIEW_METRICS: readonly MetricId[] = [
  'sales',
  'visitors',
  'conversionRate',
  'avgOrderValue',
  'paidBuyers',
  'orders',
  'bounceRate',
  'pagesPerVisit',
];
/** Same-weekday baselines (4 weeks), the sustained-gap check and 8 weeks of page quality. */
export const RECENT_DAYS = 12 * 7;
/** Twelve month rows and the same months a year before. */
export const SALES_DAYS = 25 * 31;

export interface ShopHistory {
  site: string;
  store: string;
  currency?: string;
  series: Partial<Record<MetricId, DailyPoint[]>>;
  /** Visitors per traffic source (or other breakdown of visitors), by part key. */
  sources: Record<string, DailyPoint[]>;
  targets: MonthTarget[];
  metrics: MetricId[];
}

/** A breakdown's column header that names traffic sources: 流量来源, 来源, 渠道, Source, Channel, Medium… */
export function isTrafficSource(dimension: string): boolean {
  return /来源|來源|渠道|通路|source|channel|medium|referr/i.test(dimension);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The operator's calendar day at `now`, in the browser's time zone. */
export function localDate(now: number): IsoDate {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function loadShopHistory(db: Database, site: string, store: string, today: IsoDate): Promise<ShopHistory> {
  const yesterday = addDays(today, -1);
  const recentFrom = addDays(today, -RECENT_DAYS);
  const [recent, sales, parts, targets, metrics] = await Promise.all([
    Promise.all(REVIEW_METRICS.filter((m) => m !== 'sales').map((m) => dailySeries(db, site, store, m, recentFrom, yesterday))),
    dailySeries(db, site, store, 'sales', addDays(today, -SALES_DAYS), yesterday),
    dailyParts(db, site, store, 'visitors', recentFrom, yesterday),
    shopTargets(db, site, store),
    metricsWithDays(db, site, store, addDays(today, -90)),
  ]);
  const series: ShopHistory['series'] = { sales: toPoints(sales) };
  REVIEW_METRICS.filter((m) => m !== 'sales').forEach((m, i) => {
    const days = recent[i]!;
    if (days.length) series[m] = toPoints(days);
  });
  const sources: Record<string, DailyPoint[]> = {};
  for (const days of parts.values()) {
    const b = days[0]?.breakdown;
    if (b && isTrafficSource(b.dimension)) sources[b.key] = toPoints(days);
  }
  const history: ShopHistory = { site, store, series, sources, targets, metrics };
  const currency = sales.at(-1)?.currency ?? targets.at(-1)?.currency;
  if (currency) history.currency = currency;
  return history;
}
