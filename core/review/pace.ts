import { MINUTES_PER_DAY, valueAt, type CurveRecord } from '../intraday-curves';
import type { FixId } from '../rules';
import { decompose, fallingSource } from './decompose';
import { median } from './series';
import type { IsoDate, PaceBasis, PaceLever, PaceProjection } from './types';

/**
 * Today's pace: where the day's sales close at the rate so far, and which factor to push. Pure
 * arithmetic over the day's curves (core/intraday-curves.ts); the background looks them up.
 *
 * expected close = sales so far ÷ the share of a day's total usually reached by this minute, the
 * median over past same-weekday days' curves. The range comes from the spread of those shares (the
 * smallest share gives the highest close). With fewer than `MIN_DAYS` past days, or on a marked day
 * (an event day, or a day a per-day plan sets apart) whose shape ordinary days do not tell, a default
 * shape stands in and the projection says it is an estimate.
 */

/** Past days a weekday shape needs; with fewer the default shape is used. */
export const MIN_DAYS = 2;
/** Below this share of the day the projection would divide by almost nothing: too early to say. */
export const MIN_SHARE = 0.02;
/** How far the default shape may be off, as a part of what is left of the day (the range of an estimate). */
const DEFAULT_SPREAD = 0.35;
/** How far last year's same event day may be off, likewise: one day's shape, closer than a typical day's. */
export const LAST_YEAR_SPREAD = 0.2;

/**
 * A stated default: the share of a day's sales in each hour of the platform's clock (0:00 … 23:00),
 * percent (they add up to 100). Chinese marketplaces' usual day: a quiet night, a morning rise, a lunch and afternoon
 * plateau, and the evening peak from 20:00 to 23:00.
 */
export const DEFAULT_HOURLY: readonly number[] = [
  3, 1.5, 0.8, 0.5, 0.4, 0.5, 1, 2, 3, 4.5, 5.5, 5.5, 5, 5.5, 6, 6, 5.5, 5, 4.5, 5, 6.5, 7.5, 7.5, 7.8,
];

/** The default shape's share of the day reached by `minute` (straight within each hour). */
export function defaultShare(minute: number): number {
  const total = DEFAULT_HOURLY.reduce((a, b) => a + b, 0);
  const m = Math.max(0, Math.min(MINUTES_PER_DAY, minute));
  const hour = Math.floor(m / 60);
  let done = 0;
  for (let h = 0; h < hour; h++) done += DEFAULT_HOURLY[h]!;
  if (hour < 24) done += (DEFAULT_HOURLY[hour]! * (m - hour * 60)) / 60;
  return done / total;
}

/** A past day: its sales curve and what the day closed at. */
export interface PastCurve {
  date: IsoDate;
  curve: Pick<CurveRecord, 'step' | 'values'>;
  /** The day's closed total (its daily value); the curve's last value when the day was read to its end. */
  total: number;
}

/**
 * The share of its day's total a past day had reached by `minute`, or null when that day tells
 * nothing there: not read by then (a board opened at 15:00 says nothing of 10:00 — not read is not
 * 0), or no total. Capped at 1 (a closed figure revised below the running one).
 */
export function shareAt(day: PastCurve, minute: number): number | null {
  if (!(day.total > 0)) return null;
  if (day.curve.values.length * day.curve.step <= Math.min(minute, MINUTES_PER_DAY - 1)) return null;
  const v = valueAt(day.curve, minute);
  if (v === null) return null;
  return Math.min(1, v / day.total);
}

export interface PaceInput {
  minute: number;
  sales: number;
  /** Past same-weekday days (any order); days that tell nothing at `minute` are skipped. */
  past: readonly PastCurve[];
  target: number | null;
  marked?: boolean;
  /**
   * An event day the operator marked: judged against last year's same event day (`curve`, absent when
   * the history does not hold it) instead of ordinary weekdays; marks the day.
   */
  event?: { name: string; lastYear: IsoDate; curve?: PastCurve };
}

/**
 * Today's projection, or null when it is too early to say (the usual share so far is under 2%).
 *
 * Example (hand-checked): at 14:00 sales are ¥6,000; three past Mondays had reached 40%, 50% and 60% of
 * their day by 14:00 → median 50% → expected ¥12,000, range ¥6,000 ÷ 0.6 = ¥10,000 to ¥6,000 ÷ 0.4 =
 * ¥15,000; with a target of ¥15,000 the gap is −¥3,000.
 *
 * On an event day with last year's curve: at 10:00 sales are ¥30,000; last year's 双11 had ¥40,000 of its
 * ¥200,000 by 10:00 (20%) → expected ¥150,000; the range spreads 0.2 × (1 − 0.2) = 16% either side of the
 * share: ¥30,000 ÷ 0.232 ≈ ¥129,310 to ¥30,000 ÷ 0.168 ≈ ¥178,571.
 */
export function projectDay(input: PaceInput): PaceProjection | null {
  const { minute, sales, target, event } = input;
  const marked = (input.marked ?? false) || event !== undefined;
  const shares = marked ? [] : input.past.map((d) => shareAt(d, minute)).filter((s): s is number => s !== null);
  // Last year's same event day, when it was read by this minute (an hourly curve is straight within each hour).
  const lastYearShare = event?.curve ? shareAt(event.curve, minute) : null;
  let share: number;
  let lowShare: number;
  let highShare: number;
  let basis: PaceBasis;
  if (lastYearShare !== null && lastYearShare > 0) {
    share = lastYearShare;
    const off = LAST_YEAR_SPREAD * (1 - share);
    lowShare = share * (1 - off);
    highShare = Math.min(1, share * (1 + off));
    basis = 'lastYear';
  } else if (shares.length >= MIN_DAYS) {
    share = median(shares)!;
    lowShare = Math.min(...shares);
    highShare = Math.max(...shares);
    basis = 'weekday';
  } else {
    share = defaultShare(minute);
    // The estimate's range narrows as the day fills: none is left at its end.
    const off = DEFAULT_SPREAD * (1 - share);
    lowShare = share * (1 - off);
    highShare = Math.min(1, share * (1 + off));
    basis = 'default';
  }
  if (!(share >= MIN_SHARE) || !(sales >= 0) || !Number.isFinite(sales)) return null;
  const expected = sales / share;
  return {
    minute,
    sales,
    share,
    expected,
    low: sales / highShare,
    high: lowShare > 0 ? sales / lowShare : expected,
    basis,
    days: basis === 'weekday' ? shares.length : basis === 'lastYear' ? 1 : 0,
    estimate: basis === 'default',
    marked,
    ...(event ? { event: { name: event.name, lastYear: event.lastYear } } : {}),
    target,
    gap: target === null ? null : expected - target,
  };
}

/**
 * Whether a per-day plan sets this day apart from the ordinary days (a 大促 planned at several times
 * a normal day): its planned amount is at least 1.5 × the median of the plan's other days. Such a
 * day's shape is not an ordinary weekday's.
 */
export function plannedApart(plan: Readonly<Record<IsoDate, number>> | undefined, date: IsoDate): boolean {
  const amount = plan?.[date];
  if (!plan || amount === undefined) return false;
  const others = Object.entries(plan)
    .filter(([d, v]) => d !== date && v > 0)
    .map(([, v]) => v);
  const usual = median(others);
  return usual !== null && amount >= 1.5 * usual;
}

/** Today's counts so far and the same weekday's at the same minute, for the factor comparison. */
export interface FactorCurves {
  sales: number;
  visitors: number | null;
  /** Paid buyers, else orders (the count the board shows). */
  buyers: number | null;
  past: ReadonlyArray<{ sales: PastCurve['curve']; visitors?: PastCurve['curve']; buyers?: PastCurve['curve'] }>;
  /** Visitors per traffic source today, and the same sources' past curves. */
  sources?: { today: Readonly<Record<string, number>>; past: ReadonlyArray<Readonly<Record<string, PastCurve['curve']>>> };
}

/**
 * What to push: today's visitors, conversion (buyers ÷ visitors) and order value (sales ÷ buyers) so far
 * against their medians at the same minute of past same weekdays, split as the daily review splits a
 * day (decompose.ts). Null when sales are not behind those days or fewer than `MIN_DAYS` days tell.
 */
export function lagging(today: FactorCurves, minute: number): PaceLever | null {
  const v: number[] = [];
  const c: number[] = [];
  const a: number[] = [];
  for (const d of today.past) {
    const [s, vis, buy] = [d.sales, d.visitors, d.buyers].map((curve) =>
      curve && readBy(curve, minute) ? valueAt(curve, minute) : null,
    );
    if (!s || !vis || !buy) continue;
    v.push(vis);
    c.push(buy / vis);
    a.push(s / buy);
  }
  if (v.length < MIN_DAYS || !today.visitors || !today.buyers) return null;
  const split = decompose(
    { visitors: today.visitors, conversionRate: today.buyers / today.visitors, avgOrderValue: today.sales / today.buyers },
    { visitors: median(v)!, conversionRate: median(c)!, avgOrderValue: median(a)! },
  );
  if (!split?.main || !split.fix) return null;
  const main = split.factors.find((f) => f.factor === split.main)!;
  const lever: PaceLever = {
    factor: split.main,
    fix: split.fix,
    change: main.change,
    current: main.current,
    baseline: main.baseline,
    days: v.length,
  };
  if (split.main === 'visitors' && today.sources) {
    const base: Record<string, number> = {};
    for (const key of Object.keys(today.sources.today)) {
      const values = today.sources.past
        .map((p) => p[key])
        .filter((curve): curve is PastCurve['curve'] => !!curve && readBy(curve, minute))
        .map((curve) => valueAt(curve, minute))
        .filter((x): x is number => x !== null);
      if (values.length >= MIN_DAYS) base[key] = median(values)!;
    }
    const source = fallingSource(today.sources.today, base);
    if (source) lever.source = source;
  }
  return lever;
}

const readBy = (curve: PastCurve['curve'], minute: number) =>
  curve.values.length * curve.step > Math.min(minute, MINUTES_PER_DAY - 1);
