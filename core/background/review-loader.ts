import type { DailyValue } from '../daily-months';
import { readAll, type AlertRecord, type Database, type Reader, type ReadingRecord } from '../db';
import type { TrendRequest } from '../messages';
import type { MetricId } from '../metrics';
import { sameWeekdayBaseline } from '../review/baseline';
import { isoDate } from '../reader/period';
import { addDays, monthOf } from '../review/dates';
import { monthRows } from '../review/monthly';
import { buildDayReview } from '../review/day-review';
import { dailyTargets, validateTarget } from '../review/target-split';
import { trendView, weeklyQuality, weightMetric } from '../review/trends';
import type { DailyPoint, DayReview, IsoDate, MonthTarget, ReviewState, ShopOverview, TrendView } from '../review/types';
import {
  breakdownMatches,
  RETURNING_WINDOW_DAYS,
  returningMix,
  type BreakdownKind,
  type ReturningMix,
  type ThresholdRule,
} from '../rules';
import { hasPartAdvice, worstPart, type WorstPart } from '../review/parts';
import type { Breakdown, Period } from '../types';
import { dailyParts, dailySeries, dailyShops, metricsWithDays, toPoints } from './daily';
import { inbox, toView } from './alerts';
import { listShops } from './queries';
import { joinKey, partOf, rowKey, shopKey, targetId } from '../keys';
import { shopTargets } from './target-store';
import { matchPeer } from '../peers';
import type { Peer } from '../settings';
import { accountsOfShop, isAdsSite, shopOfAccount, type AdsLink, type LinkedBy } from '../ads-links';
import { shopSpend, sourceMix, spendDay, spendTrend, type AccountDays, type ShopSpend } from '../review/spend';

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
const QUALITY_METRICS: readonly MetricId[] = ['bounceRate', 'pagesPerVisit'];
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
  /** The spend of the ads accounts linked to the shop (empty when none is). */
  spend?: ShopSpend;
}

/** A breakdown's column header that names traffic sources: 流量来源, 来源, 渠道, Source, Channel, Medium… */
export function isTrafficSource(dimension: string): boolean {
  return /来源|來源|渠道|通路|source|channel|medium|referr/i.test(dimension);
}

/**
 * What the review shows: `all` (every tab), or `first` — the Review tab's day, pacing and target only,
 * which reads the recent weeks and skips the two years of sales and the trends picker's metrics.
 */
export type ReviewScope = 'first' | 'all';

/** The counts the decomposition derives conversion and AOV from when the page did not print them. */
const COUNT_METRICS: readonly MetricId[] = ['paidBuyers', 'orders'];

/** Parts of a shop's recent weeks left unread for now: `counts` (buyers, orders) and `sources` (visitors per source). */
interface Deferred {
  counts?: boolean;
  sources?: boolean;
}

export async function loadShopHistory(
  db: Reader,
  site: string,
  store: string,
  today: IsoDate,
  scope: ReviewScope = 'all',
  deferred: Deferred = {},
): Promise<ShopHistory> {
  const recentFrom = addDays(today, -RECENT_DAYS);
  // The page-quality numbers serve the trends tab only.
  const recentMetrics = REVIEW_METRICS.filter(
    (m) => m !== 'sales' && (scope === 'all' || !QUALITY_METRICS.includes(m)) && !(deferred.counts && COUNT_METRICS.includes(m)),
  );
  // Sales first: its window holds the recent weeks', which a shared transaction then reads from it (daily.ts).
  const salesDays = dailySeries(
    db,
    site,
    store,
    'sales',
    scope === 'all' ? addDays(today, -SALES_DAYS) : recentFrom,
    addDays(today, -1),
  );
  const [recent, sales, targets, metrics] = await Promise.all([
    recentHistory(db, site, store, today, recentMetrics, !deferred.sources),
    salesDays,
    shopTargets(db, site, store),
    scope === 'all' ? metricsWithDays(db, site, store, addDays(today, -90)) : Promise.resolve([]),
  ]);
  const history: ShopHistory = {
    site,
    store,
    series: { ...recent.series, sales: closed(sales) },
    sources: recent.sources,
    targets,
    metrics,
  };
  const currency = sales.at(-1)?.currency ?? targets.at(-1)?.currency;
  if (currency) history.currency = currency;
  return history;
}

// The review judges closed days only: a past day seen only in real time (a tab read at 3 pm) is not
// what the day closed on. Trends still draw it.
const closed = (days: readonly DailyValue[]) => toPoints(days.filter((d) => !d.provisional));

/** The recent weeks of `metrics` (those with days), and of visitors per traffic source when `withSources`. */
async function recentHistory(
  db: Reader,
  site: string,
  store: string,
  today: IsoDate,
  metrics: readonly MetricId[],
  withSources: boolean,
): Promise<Pick<ShopHistory, 'series' | 'sources'>> {
  const [from, to] = [addDays(today, -RECENT_DAYS), addDays(today, -1)];
  const [recent, parts] = await Promise.all([
    Promise.all(metrics.map((m) => dailySeries(db, site, store, m, from, to))),
    withSources ? dailyParts(db, site, store, 'visitors', from, to) : new Map<string, DailyValue[]>(),
  ]);
  const series: ShopHistory['series'] = {};
  metrics.forEach((m, i) => {
    const days = recent[i]!;
    if (days.length) series[m] = closed(days);
  });
  const sources: Record<string, DailyPoint[]> = {};
  for (const days of parts.values()) {
    const b = days[0]?.breakdown;
    if (b && isTrafficSource(b.dimension)) sources[b.key] = closed(days);
  }
  return { series, sources };
}

/** The shop's returning share over the last four weeks' closed days (rules/returning.ts). */
export async function returningOf(db: Reader, site: string, store: string, today: IsoDate): Promise<ReturningMix> {
  const from = addDays(today, -RETURNING_WINDOW_DAYS);
  const [share, returning, visitors] = await Promise.all(
    (['returningVisitorShare', 'returningVisitors', 'visitors'] as const).map(async (m) =>
      toPoints((await dailySeries(db, site, store, m, from, today)).filter((d) => !d.provisional)),
    ),
  );
  return returningMix(share!, returning!, visitors!);
}

/** Every shop and ads account StorePulse has read or imported, once each, in a stable order. */
export async function allShops(db: Reader): Promise<Array<{ site: string; store: string }>> {
  const seen = new Map<string, { site: string; store: string }>();
  for (const shop of [...(await dailyShops(db)), ...(await listShops(db))]) seen.set(shopKey(shop.site, shop.store), shop);
  return [...seen.values()].sort((a, b) => a.site.localeCompare(b.site) || a.store.localeCompare(b.store));
}

/** The shops (not ads accounts) and the ads accounts read, apart. */
async function shopsAndAccounts(db: Reader): Promise<{ shops: Shop[]; accounts: Shop[] }> {
  const all = await allShops(db);
  return { shops: all.filter((s) => !isAdsSite(s.site)), accounts: all.filter((s) => isAdsSite(s.site)) };
}

type Shop = { site: string; store: string };

/** An ads account read, and the shop its spend counts for (null: not linked, kept but not counted). */
export interface AdsAccountView {
  site: string;
  account: string;
  shop: (Shop & { by: LinkedBy }) | null;
}

export async function adsAccounts(db: Database, links: readonly AdsLink[]): Promise<AdsAccountView[]> {
  const { shops, accounts } = await shopsAndAccounts(readAll(db));
  return accounts.map((a) => ({
    site: a.site,
    account: a.store,
    shop: isAdsSite(a.site) ? shopOfAccount(a.site, a.store, links, shops) : null,
  }));
}

/** The linked accounts' closed days of spend and ad sales from `from` to yesterday, added up (core/review/spend.ts). */
export async function spendOf(
  db: Reader,
  accounts: readonly Shop[],
  currency: string | undefined,
  from: IsoDate,
  today: IsoDate,
): Promise<ShopSpend> {
  const to = addDays(today, -1);
  const read = await Promise.all(
    accounts.map(async (a): Promise<AccountDays> => {
      const [spend, adSales] = await Promise.all([
        dailySeries(db, a.site, a.store, 'adSpend', from, to),
        dailySeries(db, a.site, a.store, 'adSales', from, to),
      ]);
      const cur = spend.at(-1)?.currency;
      return {
        site: a.site,
        account: a.store,
        ...(cur ? { currency: cur } : {}),
        spend: closed(spend),
        adSales: closed(adSales),
      };
    }),
  );
  return shopSpend(read, currency);
}

/** The accounts whose spend counts for one shop, given the operator's links. */
export async function linkedAccounts(db: Reader, site: string, store: string, links: readonly AdsLink[]): Promise<Shop[]> {
  const { shops, accounts } = await shopsAndAccounts(db);
  return accountsOfShop({ site, store }, accounts, links, shops);
}

export async function shopOverview(
  db: Reader,
  site: string,
  store: string,
  today: IsoDate,
  scope: ReviewScope = 'all',
  accounts: readonly Shop[] = [],
): Promise<ShopOverview> {
  const returning = returningOf(db, site, store, today);
  if (scope === 'first') return firstOverview(db, site, store, today, await returning, accounts);
  const [h, mix] = await Promise.all([loadShopHistory(db, site, store, today, scope), returning]);
  return overviewOf(await withSpend(db, h, accounts, today, scope), mix, today, scope);
}

/** The history with its linked accounts' spend (over the recent weeks, or two years for the month rows). */
async function withSpend(
  db: Reader,
  h: ShopHistory,
  accounts: readonly Shop[],
  today: IsoDate,
  scope: ReviewScope,
): Promise<ShopHistory> {
  if (!accounts.length) return h;
  const from = addDays(today, scope === 'all' ? -SALES_DAYS : -RECENT_DAYS);
  return { ...h, spend: await spendOf(db, accounts, h.currency, from, today) };
}

/**
 * The Review tab's part of one shop, in two steps: sales, the printed factors and the targets first.
 * Only a day that missed its target or fell has a decomposition, and only then can the traffic sources
 * (which source fell) or the counts (when the printed factors do not explain the day) change what the
 * review says: those days read them and are judged again on everything. Every other day is already
 * exactly what the whole review says, with about half the reads.
 */
async function firstOverview(
  db: Reader,
  site: string,
  store: string,
  today: IsoDate,
  returning: ReturningMix,
  accounts: readonly Shop[],
): Promise<ShopOverview> {
  const quick = await withSpend(
    db,
    await loadShopHistory(db, site, store, today, 'first', { counts: true, sources: true }),
    accounts,
    today,
    'first',
  );
  const overview = overviewOf(quick, returning, today, 'first');
  const { status, change, decomposition } = overview.day;
  if (status !== 'missed' && !(change !== null && change < 0)) return overview;
  // A decomposition found without the counts used the printed factors: the counts cannot change it.
  const more = await recentHistory(db, site, store, today, decomposition ? [] : COUNT_METRICS, true);
  return overviewOf({ ...quick, series: { ...quick.series, ...more.series }, sources: more.sources }, returning, today, 'first');
}

function overviewOf(h: ShopHistory, returning: ReturningMix, today: IsoDate, scope: ReviewScope): ShopOverview {
  const { site, store } = h;
  const overview: ShopOverview = {
    returningMix: returning,
    site,
    store,
    day: withSpendDay(
      h,
      buildDayReview({
        site,
        store,
        ...(h.currency ? { currency: h.currency } : {}),
        today,
        series: h.series,
        sources: h.sources,
        target: h.targets,
      }),
    ),
    quality:
      scope === 'all' ? weeklyQuality(h.series.bounceRate ?? [], h.series.pagesPerVisit ?? [], today, 8, h.series.visitors) : [],
    months: scope === 'all' ? monthRows(h.series.sales ?? [], h.targets, today, 12, h.spend) : [],
    metrics: h.metrics,
    target: h.targets.find((t) => t.month === monthOf(today)) ?? null,
  };
  if (h.currency) overview.currency = h.currency;
  return overview;
}

/**
 * The day's spend, ROI, 费比 and paid share when read; and, beside a decomposition (a day that missed or
 * fell), whether visitors moved through paid or free sources.
 */
function withSpendDay(h: ShopHistory, day: DayReview): DayReview {
  const out = { ...day };
  const spend = h.spend && spendDay(h.spend, h.series.sales ?? [], day.date);
  if (spend) out.spend = spend;
  const mix = day.decomposition && Object.keys(h.sources).length ? sourceMix(h.sources, day.date) : null;
  if (mix) out.sourceMix = mix;
  return out;
}

/**
 * Every shop's day, pacing, page quality and months: the part of the review the history decides. Ads
 * accounts are not shops: their spend joins the shop they are linked to (`links`, or the same name).
 */
export async function reviewShops(
  db: Database,
  today: IsoDate,
  scope: ReviewScope = 'all',
  links: readonly AdsLink[] = [],
): Promise<ShopOverview[]> {
  // Every read of every shop in one transaction, issued together: hundreds of reads, one transaction.
  const tx = readAll(db);
  const { shops, accounts } = await shopsAndAccounts(tx);
  return Promise.all(
    shops.map((s) => shopOverview(tx, s.site, s.store, today, scope, accountsOfShop(s, accounts, links, shops))),
  );
}

/** A full review cut to what the Review tab shows first (the other tabs' months, quality and metrics left out). */
export const firstScreen = (shops: readonly ShopOverview[]): ShopOverview[] =>
  shops.map((s) => ({ ...s, quality: [], months: [], metrics: [] }));

/** The alert inbox as the popup shows it (snoozes run out with the clock, so it is never cached). */
export async function reviewInbox(db: Database, now: number): Promise<ReviewState['inbox']> {
  const alerts = await inbox(db, now);
  const parts = await partsOfAlerts(db, alerts);
  return alerts.map((a) => ({
    ...toView(a),
    ...(parts.has(a.id) ? { part: parts.get(a.id)! } : {}),
    history: a.history ?? [],
    ...(a.status === 'dismissed' && a.dismissedUntil ? { snoozedUntil: a.dismissedUntil } : {}),
    ...(a.status === 'acknowledged' && a.acknowledgedAt ? { acknowledgedAt: a.acknowledgedAt } : {}),
  }));
}

const DAY_MS = 86_400_000;

/**
 * For each alert on a shop's total whose parts explain it (bounce, depth, conversion): the traffic
 * source or item read on the same page period that is worst against the total. The rows are the
 * readings of that shop and period; the last reading of each row counts. A period's rows cannot have
 * been read before the period began, so only readings observed since the earliest alert's period began
 * (a day early, for the platforms' time zones) are looked at, not the shops' whole 90 days.
 */
async function partsOfAlerts(db: Database, alerts: readonly AlertRecord[]): Promise<Map<string, WorstPart>> {
  const found = new Map<string, WorstPart>();
  const wanted = alerts.filter((a) => !a.breakdown && hasPartAdvice(a.metric));
  if (!wanted.length) return found;
  const since = Math.min(...wanted.map((a) => Date.parse(`${a.period.start}T00:00:00Z`) - DAY_MS));
  const shops = new Set(wanted.map((a) => shopKey(a.site, a.store)));
  const recent = await db.getAllFromIndex(
    'readings',
    'byObservedAt',
    Number.isFinite(since) ? IDBKeyRange.lowerBound(since) : undefined,
  );
  const rowsOf = new Map<string, ReadingRecord[]>();
  for (const r of recent) {
    if (!r.breakdown || r.peer || !shops.has(shopKey(r.site, r.store))) continue;
    const key = joinKey([r.site, r.store, r.metric, r.periodKey]);
    const list = rowsOf.get(key);
    if (list) list.push(r);
    else rowsOf.set(key, [r]);
  }
  for (const a of wanted) {
    const rows = new Map<string, ReadingRecord>();
    for (const r of rowsOf.get(joinKey([a.site, a.store, a.metric, a.periodKey])) ?? []) {
      const row = rowKey(r.breakdown!);
      if ((rows.get(row)?.observedAt ?? -1) <= r.observedAt) rows.set(row, r);
    }
    const parts = [...rows.values()].flatMap((r) => {
      const kind = partKind(r.breakdown!);
      return kind ? [{ breakdown: r.breakdown!, kind, value: r.value }] : [];
    });
    const worst = worstPart(a.metric, a.value, parts);
    if (worst) found.set(a.id, worst);
  }
  return found;
}

function partKind(b: Breakdown): BreakdownKind | null {
  if (breakdownMatches('item', b)) return 'item';
  return breakdownMatches('source', b) || isTrafficSource(b.dimension) ? 'source' : null;
}

/**
 * One shop's metric over 7, 30 or 90 days, with its rule's band, the target line and its peers: each peer
 * the operator listed, its line made of every name a 竞店 page printed for it (core/peers.ts), listed
 * first in the operator's order; then printed names that match no listed peer, marked as not listed.
 */
export async function trend(
  db: Database,
  req: TrendRequest,
  now: number,
  rules: readonly ThresholdRule[],
  listed: readonly Peer[] = [],
  links: readonly AdsLink[] = [],
): Promise<TrendView> {
  const today = isoDate(new Date(now));
  // Month over month needs the 60 days before today whatever window is drawn.
  const from = addDays(today, -Math.max(req.days, 60) - 1);
  const yesterday = addDays(today, -1);
  const weightBy = weightMetric(req.metric);
  const [days, targets, peers, weights] = await Promise.all([
    dailySeries(db, req.site, req.store, req.metric, from, yesterday),
    req.metric === 'sales' ? shopTargets(db, req.site, req.store) : Promise.resolve([]),
    dailyParts(db, req.site, req.store, req.metric, addDays(today, -req.days), yesterday, 'peer'),
    weightBy ? dailySeries(db, req.site, req.store, weightBy, from, yesterday) : Promise.resolve([]),
  ]);
  const currency = days.at(-1)?.currency;
  const accounts = req.metric === 'sales' ? await linkedAccounts(readAll(db), req.site, req.store, links) : [];
  const paid = accounts.length
    ? await spendOf(readAll(db), accounts, currency, addDays(today, -Math.max(req.days, 30) - 1), today)
    : null;
  const view = trendView({
    site: req.site,
    store: req.store,
    metric: req.metric,
    ...(currency ? { currency } : {}),
    days: req.days,
    today,
    points: toPoints(days),
    rule: rules.find((r) => r.metric === req.metric) ?? null,
    targets,
    ...(weightBy ? { weights: toPoints(weights) } : {}),
    peers: peerLines(
      [...peers.values()].map((records) => ({ printed: records[0]!.peer!, points: toPoints(records) })),
      listed,
    ),
  });
  if (paid) view.spend = spendTrend(paid, addDays(today, -req.days), today);
  return view;
}

/** Printed peers' days grouped under the listed peer each belongs to; a later-read day wins where two names give one. */
export function peerLines(
  printed: ReadonlyArray<{ printed: string; points: DailyPoint[] }>,
  listed: readonly Peer[],
): Array<{ peer: string; points: DailyPoint[]; listed: boolean }> {
  const byListed = listed.map(() => new Map<IsoDate, number>());
  const unlisted: Array<{ peer: string; points: DailyPoint[]; listed: boolean }> = [];
  for (const p of printed) {
    const i = matchPeer(p.printed, listed);
    if (i < 0) unlisted.push({ peer: p.printed, points: p.points, listed: false });
    else for (const point of p.points) byListed[i]!.set(point.date, point.value);
  }
  const lines = listed.flatMap((peer, i) => {
    const points = [...byListed[i]!].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, value]) => ({ date, value }));
    return points.length ? [{ peer: peer.name, points, listed: true }] : [];
  });
  return [...lines, ...unlisted];
}

/** Weeks a rule's baseline looks back over (the same weekday in each). */
const RULE_BASELINE_WEEKS = 4;

/**
 * The baseline a custom rule compares a reading with: the median of the same weekday over the past
 * weeks' closed days of the same series (shop total or row). Only a reading of one day has one.
 */
export async function sameWeekdayValue(
  db: Database,
  site: string,
  store: string,
  metric: MetricId,
  breakdown: Breakdown | undefined,
  period: Period,
): Promise<number | null> {
  if ((period.kind !== 'day' && period.kind !== 'realtime') || period.start !== period.end) return null;
  const part = partOf(breakdown ? { breakdown } : {});
  const from = addDays(period.start, -7 * RULE_BASELINE_WEEKS);
  const days = await dailySeries(db, site, store, metric, from, addDays(period.start, -1), part);
  return sameWeekdayBaseline(toPoints(days.filter((d) => !d.provisional)), period.start, RULE_BASELINE_WEEKS)?.value ?? null;
}

/** The sales target of one day: the month's target split as the operator chose; null without one. */
export async function targetOfDay(db: Database, site: string, store: string, date: IsoDate): Promise<number | null> {
  const target = await db.get('targets', targetId(site, store, monthOf(date)));
  if (!target || validateTarget(target).length) return null;
  return dailyTargets(target).get(date) ?? null;
}
