import type { Database, Reader } from '../db';
import { readStore } from '../db';
import {
  CURVE_METRICS,
  curveKeyOf,
  emptyCurve,
  putPoint,
  thinned,
  THIN_MINUTES,
  wallClock,
  type CurveKey,
  type CurveRecord,
} from '../intraday-curves';
import { joinKey, partOf } from '../keys';
import type { PageReport } from '../messages';
import type { MetricId } from '../metrics';
import { addDays } from '../review/dates';
import { isTrafficSource } from './review-loader';

/**
 * The day's curve of real-time boards: which numbers of a report go into it (ingest files them in its
 * own transaction), the queries the pace reads, and the thinning of old curves.
 */

/** One number of a report bound for a curve: its index in the report and its curve's key. */
export interface CurvePoint {
  index: number;
  key: CurveKey;
}

/**
 * The numbers of a real-time report that extend the day's curves: the shop's own sales, visitors,
 * paid buyers and orders, and visitors per traffic source. Only when the platform's clock (its time
 * zone) still says the board's day: a board loaded before midnight and read after it is not filed at
 * a minute of the wrong day. `minute` is the platform's wall-clock minute of `now`.
 */
export function curvePointsOf(report: PageReport, now: number, timeZone?: string): { minute: number; points: CurvePoint[] } {
  const { period, site, store } = report;
  if (period.kind !== 'realtime') return { minute: 0, points: [] };
  const clock = wallClock(now, timeZone);
  if (clock.date !== period.start) return { minute: clock.minute, points: [] };
  const points: CurvePoint[] = [];
  report.observed.forEach((o, index) => {
    if (o.peer || o.period || !CURVE_METRICS.includes(o.metric)) return;
    if (o.breakdown && !(o.metric === 'visitors' && isTrafficSource(o.breakdown.dimension))) return;
    points.push({ index, key: curveKeyOf({ site, store, metric: o.metric, part: partOf(o), date: period.start }) });
  });
  return { minute: clock.minute, points };
}

/**
 * Files each point's value in its curve (`found`: the curves already stored, by point). Returns the
 * curves that changed, once each.
 */
export function fileCurvePoints(
  report: PageReport,
  { minute, timeZone }: { minute: number; timeZone?: string | undefined },
  points: readonly CurvePoint[],
  found: ReadonlyArray<CurveRecord | undefined>,
): CurveRecord[] {
  const curves = new Map<string, CurveRecord>();
  const changed = new Set<string>();
  points.forEach(({ index, key }, i) => {
    const id = joinKey(key);
    const o = report.observed[index]!;
    let curve = curves.get(id) ?? found[i];
    curve ??= emptyCurve({
      site: key[0],
      store: key[1],
      metric: o.metric,
      part: key[3],
      date: key[4],
      ...(o.currency ? { currency: o.currency } : {}),
      ...(o.breakdown ? { breakdown: o.breakdown } : {}),
      ...(timeZone ? { timeZone } : {}),
    });
    curves.set(id, curve);
    if (putPoint(curve, minute, o.value, o.currency)) changed.add(id);
  });
  return [...changed].map((id) => curves.get(id)!);
}

/** One series' curves on the given days (absent days left out), read at once. */
export async function curvesOn(
  db: Reader,
  site: string,
  store: string,
  metric: MetricId,
  dates: readonly string[],
  part = '',
): Promise<CurveRecord[]> {
  const store_ = readStore(db, 'curves');
  const found = await Promise.all(dates.map((d) => store_.get([site, store, metric, part, d])));
  return found.filter((c): c is CurveRecord => c !== undefined);
}

/** Every traffic source's visitors curve of a shop's day, by part key. */
export async function sourceCurves(db: Reader, site: string, store: string, date: string): Promise<CurveRecord[]> {
  const all = await readStore(db, 'curves').getAll(
    IDBKeyRange.bound([site, store, 'visitors', '\u0001', ''], [site, store, 'visitors', '\uffff', '\uffff']),
  );
  return all.filter((c) => c.date === date);
}

/** Curves keep their 10-minute slots this many days: eight weeks of every weekday's shape, and today. */
export const FULL_CURVE_DAYS = 56;
const BATCH = 200;

/**
 * Thins curves older than `FULL_CURVE_DAYS` before `today` to one point an hour (the last value read in
 * each hour): the same weekday's shape over the last eight weeks stays whole, and a year back still has
 * the hour-by-hour curve an event day is compared with. In batches of short transactions, so an
 * interrupted run leaves every curve either whole or thinned. Returns how many were thinned.
 */
export async function thinCurves(db: Database, today: string): Promise<number> {
  const before = addDays(today, -FULL_CURVE_DAYS);
  let thinnedCount = 0;
  let after: [string, CurveKey] | undefined; // [date, key] of the last curve looked at
  for (;;) {
    const tx = db.transaction('curves', 'readwrite');
    let cursor = await tx.store.index('byDate').openCursor(IDBKeyRange.upperBound(before, true));
    if (cursor && after) {
      cursor = await cursor.continuePrimaryKey(after[0], after[1]);
      if (cursor && cursor.key === after[0] && indexedDB.cmp(cursor.primaryKey, after[1]) === 0) cursor = await cursor.continue();
    }
    let seen = 0;
    while (cursor && seen < BATCH) {
      seen++;
      after = [cursor.key, cursor.primaryKey];
      if (cursor.value.step < THIN_MINUTES) {
        await cursor.update(thinned(cursor.value));
        thinnedCount++;
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    if (!cursor) return thinnedCount;
  }
}
