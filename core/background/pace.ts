import { readAll, readStore, type Database, type Reader } from '../db';
import { eventOn, yearBefore, type EventDay } from '../event-days';
import { lastValue, readUntil, wallClock, MINUTES_PER_DAY, SLOT_MINUTES, type CurveRecord } from '../intraday-curves';
import { targetId } from '../keys';
import type { MetricId } from '../metrics';
import { addDays, monthOf } from '../review/dates';
import { lagging, plannedApart, projectDay, type FactorCurves, type PastCurve } from '../review/pace';
import { dailyTargets, validateTarget } from '../review/target-split';
import type { PaceView } from '../review/types';
import { curvesOn, sourceCurves } from './curves';
import { dailySeries } from './daily';

/**
 * Today's pace of a shop from its stored curves: the projection and the lever (core/review/pace.ts),
 * looked up in one read transaction.
 */

/** Past same weekdays looked at: eight weeks. */
export const PACE_WEEKS = 8;

/** The time zone a shop's curves are counted in: that of its latest sales curve. Undefined: none yet, or the computer's. */
async function shopTimeZone(db: Reader, site: string, store: string): Promise<{ found: boolean; timeZone?: string }> {
  const cursor = await readStore(db, 'curves').openCursor(
    IDBKeyRange.bound([site, store, 'sales', '', ''], [site, store, 'sales', '', '\uffff']),
    'prev',
  );
  if (!cursor) return { found: false };
  return cursor.value.timeZone ? { found: true, timeZone: cursor.value.timeZone } : { found: true };
}

/** A past day's sales curve with its close: its closed figure, else the curve's last value when the board was read to the day's end. */
function withTotal(c: CurveRecord, totals: ReadonlyMap<string, number>): PastCurve | null {
  const total = totals.get(c.date) ?? (readUntil(c) >= MINUTES_PER_DAY - SLOT_MINUTES ? lastValue(c) : null);
  return total === null ? null : { date: c.date, curve: c, total };
}

/**
 * The shop's pace now, or null when there is nothing to project: no real-time sales read today (on the
 * platform's calendar), or too early in the day to say. `eventDays`: the days the operator marked; on
 * one, last year's same event day stands in for the weekdays. With none marked, a day a per-day plan
 * sets apart is marked instead.
 */
export async function paceOf(
  db: Database,
  site: string,
  store: string,
  now: number,
  eventDays?: readonly EventDay[],
): Promise<PaceView | null> {
  const tx = readAll(db);
  const zone = await shopTimeZone(tx, site, store);
  if (!zone.found) return null;
  const today = wallClock(now, zone.timeZone).date;
  const [todays] = await dailySeries(tx, site, store, 'sales', today, today);
  if (!todays?.provisional) return null;
  const read = wallClock(todays.observedAt, zone.timeZone);
  if (read.date !== today) return null;
  const dates = Array.from({ length: PACE_WEEKS }, (_, k) => addDays(today, -7 * (k + 1)));
  const counts = (metric: MetricId) => curvesOn(tx, site, store, metric, dates);
  const marking = eventOn(eventDays, today);
  const lastYear = marking ? (marking.lastYear ?? yearBefore(today)) : undefined;
  const [
    lastYearCurve,
    lastYearClosed,
    sales,
    closed,
    visitors,
    buyers,
    orders,
    todayCounts,
    month,
    sourcesToday,
    ...sourcesPast
  ] = await Promise.all([
    lastYear ? curvesOn(tx, site, store, 'sales', [lastYear]) : [],
    lastYear ? dailySeries(tx, site, store, 'sales', lastYear, lastYear) : [],
    counts('sales'),
    dailySeries(tx, site, store, 'sales', dates.at(-1)!, dates[0]!),
    counts('visitors'),
    counts('paidBuyers'),
    counts('orders'),
    Promise.all((['visitors', 'paidBuyers', 'orders'] as const).map((m) => dailySeries(tx, site, store, m, today, today))),
    readStore(tx, 'targets').get(targetId(site, store, monthOf(today))),
    sourceCurves(tx, site, store, today),
    ...dates.map((d) => sourceCurves(tx, site, store, d)),
  ]);
  const closedTotals = (days: typeof closed) => new Map(days.filter((d) => !d.provisional).map((d) => [d.date, d.value]));
  const totals = closedTotals(closed);
  const past = sales.map((c) => withTotal(c, totals)).filter((d): d is PastCurve => d !== null);
  const usable = month && !validateTarget(month).length ? month : undefined;
  const target = usable ? (dailyTargets(usable).get(today) ?? null) : null;
  // Marked event days set a day apart; only when the operator marked none does a per-day plan's 大促 heuristic.
  const marked = !eventDays?.length && usable?.split === 'plan' && plannedApart(usable.plan, today);
  const lastYearDay = lastYearCurve[0] ? withTotal(lastYearCurve[0], closedTotals(lastYearClosed)) : null;
  const event =
    marking && lastYear ? { name: marking.name, lastYear, ...(lastYearDay ? { curve: lastYearDay } : {}) } : undefined;
  const projection = projectDay({ minute: read.minute, sales: todays.value, past, target, marked, ...(event ? { event } : {}) });
  if (!projection) return null;

  const byDate = (curves: readonly CurveRecord[]) => new Map(curves.map((c) => [c.date, c]));
  const [v, b, o] = [byDate(visitors), byDate(buyers), byDate(orders)];
  const [vToday, bToday, oToday] = todayCounts.map((days) => days[0]?.value ?? null);
  // Buyers when the board shows them, else orders: the same count today and on the past days.
  const useBuyers = bToday !== null && bToday !== undefined;
  const count = useBuyers ? b : o;
  const factors: FactorCurves = {
    sales: todays.value,
    visitors: vToday ?? null,
    buyers: (useBuyers ? bToday : oToday) ?? null,
    past: sales.map((c) => ({
      sales: c,
      ...(v.get(c.date) ? { visitors: v.get(c.date)! } : {}),
      ...(count.get(c.date) ? { buyers: count.get(c.date)! } : {}),
    })),
  };
  if (sourcesToday.length) {
    const todaySources: Record<string, number> = {};
    for (const c of sourcesToday) {
      const value = lastValue(c);
      if (value !== null && c.breakdown) todaySources[c.breakdown.key] = value;
    }
    factors.sources = {
      today: todaySources,
      past: sourcesPast.map((curves) => Object.fromEntries(curves.filter((c) => c.breakdown).map((c) => [c.breakdown!.key, c]))),
    };
  }
  // An event day's visitors and conversion are not an ordinary weekday's: no lever is drawn from those days.
  const lever = projection.event ? null : lagging(factors, read.minute);
  const view: PaceView = { site, store, date: today, projection, lever };
  if (todays.currency) view.currency = todays.currency;
  if (zone.timeZone) view.timeZone = zone.timeZone;
  return view;
}

/** Every shop's pace now (shops with a real-time sales curve today), in the order of their keys. */
export async function allPaces(db: Database, now: number, eventDays?: readonly EventDay[]): Promise<PaceView[]> {
  const shops: Array<[string, string]> = [];
  let cursor = await db.transaction('curves').store.openKeyCursor();
  while (cursor) {
    const [site, store] = cursor.key;
    shops.push([site, store]);
    cursor = await cursor.continue([site, `${store}\u0000`, '', '', '']);
  }
  const views = await Promise.all(shops.map(([site, store]) => paceOf(db, site, store, now, eventDays)));
  return views.filter((v): v is PaceView => v !== null);
}
