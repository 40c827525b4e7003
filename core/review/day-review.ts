import type { MetricId } from '../metrics';
import { sameWeekdayBaseline, sustainedGap } from './baseline';
import { addDays, dayNumber, monthOf } from './dates';
import { decompose, fallingSource, FACTORS, type FactorValues } from './decompose';
import { byDate, relativeChange } from './series';
import { dailyTargets, monthPacing, validateTarget } from './target-split';
import type { DailyPoint, Decomposition, DayReview, Factor, IsoDate, MonthTarget, TargetProblem } from './types';

/**
 * The morning question (README, "The popup: review, trends, month"): was the last closed day's target met, how does the day stand
 * against the same weekday in past weeks, and if sales fell short, which of visitors × conversion ×
 * AOV explains it and which traffic source fell.
 */

export interface DayReviewInput {
  site: string;
  store: string;
  currency?: string;
  /** The operator's today; only days before it are closed. */
  today: IsoDate;
  /** Closed days of the shop's totals, per metric. */
  series: Partial<Record<MetricId, readonly DailyPoint[]>>;
  /** Visitors per traffic source. */
  sources?: Readonly<Record<string, readonly DailyPoint[]>>;
  /** The shop's target, or its targets of several months: the one of the reviewed day's month is used. */
  target: MonthTarget | readonly MonthTarget[] | null;
}

/** How many past weeks every baseline of the review looks at. */
const BASELINE_WEEKS = 4;

/** The closed days read, per metric. */
type Reads = Partial<Record<MetricId, Map<IsoDate, number>>>;

export function buildDayReview(input: DayReviewInput): DayReview {
  const reads: Reads = {};
  for (const [metric, points] of Object.entries(input.series) as [MetricId, readonly DailyPoint[]][]) {
    reads[metric] = closed(points, input.today);
  }
  const sales = reads.sales ?? new Map<IsoDate, number>();
  const date = latestDate(sales) ?? addDays(input.today, -1);
  const { target, problems } = targetFor(input.target, monthOf(date));
  const head = { site: input.site, store: input.store, ...(input.currency ? { currency: input.currency } : {}), date };
  const value = sales.get(date);
  if (value === undefined) {
    return { ...head, ...EMPTY, month: target ? monthPacing(target, [], input.today) : null, ...problems };
  }
  const points = [...sales].map(([d, v]) => ({ date: d, value: v }));
  const dayTarget = target ? (dailyTargets(target).get(date) ?? null) : null;
  const baseline = sameWeekdayBaseline(sales, date, BASELINE_WEEKS);
  const change = relativeChange(value, baseline?.value ?? null);
  const missed = dayTarget !== null && value < dayTarget;
  const fell = change !== null && change < 0;
  return {
    ...head,
    sales: value,
    target: dayTarget,
    completion: dayTarget ? value / dayTarget : null,
    status: dayTarget === null ? 'noTarget' : missed ? 'missed' : 'met',
    baseline: baseline?.value ?? null,
    baselineWeeks: baseline?.weeks ?? 0,
    change,
    sustained: sustainedGap(points, date, { weeks: BASELINE_WEEKS }),
    decomposition: missed || fell ? explain(reads, input, date) : null,
    month: target ? monthPacing(target, points, input.today) : null,
    ...problems,
  };
}

const EMPTY = {
  sales: null,
  target: null,
  completion: null,
  status: 'noData',
  baseline: null,
  baselineWeeks: 0,
  change: null,
  sustained: false,
  decomposition: null,
} as const;

/** Finite values of closed days (before today) only: today's real-time figures are still moving. */
function closed(points: readonly DailyPoint[] | undefined, today: IsoDate): Map<IsoDate, number> {
  dayNumber(today);
  return byDate((points ?? []).filter((p) => p.date < today)); // YYYY-MM-DD strings sort as days
}

function latestDate(read: ReadonlyMap<IsoDate, number>): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const d of read.keys()) if (latest === null || d > latest) latest = d;
  return latest;
}

function targetFor(
  given: DayReviewInput['target'],
  month: string,
): { target: MonthTarget | null; problems: { targetProblems?: TargetProblem[] } } {
  const list: readonly MonthTarget[] = given === null ? [] : Array.isArray(given) ? given : [given as MonthTarget];
  const target = list.find((t) => t.month === month) ?? null;
  if (!target) return { target: null, problems: {} };
  const targetProblems = validateTarget(target);
  return targetProblems.length ? { target: null, problems: { targetProblems } } : { target, problems: {} };
}

/**
 * The decomposition of the day against its same-weekday baseline. Each factor's baseline is its own
 * same-weekday median, taken over days where all three factors are known by the same method; so the
 * decomposition's salesChange (against the product of those medians) can differ a little from the
 * day's change against the median of sales.
 */
function explain(reads: Reads, input: DayReviewInput, date: IsoDate): Decomposition | null {
  for (const method of FACTOR_READERS) {
    const today = method(reads, date);
    if (!today) continue;
    const baseline: Partial<FactorValues> = {};
    for (const f of FACTORS) {
      const past: DailyPoint[] = [];
      for (let k = 1; k <= BASELINE_WEEKS; k++) {
        const d = addDays(date, -7 * k);
        const v = method(reads, d)?.[f];
        if (v !== undefined) past.push({ date: d, value: v });
      }
      const b = sameWeekdayBaseline(past, date, BASELINE_WEEKS);
      if (b) baseline[f] = b.value;
    }
    const result = decompose(today, baseline);
    if (!result) continue;
    const source = sourceThatFell(input, date);
    return source ? { ...result, fallingSource: source } : result;
  }
  return null;
}

type FactorReader = (reads: Reads, date: IsoDate) => FactorValues | null;

/** The three factors as the back office printed them. */
const readFactors: FactorReader = (reads, date) => {
  const [visitors, conversionRate, avgOrderValue] = FACTORS.map((f) => reads[f]?.get(date));
  return visitors && conversionRate && avgOrderValue ? { visitors, conversionRate, avgOrderValue } : null;
};

/**
 * The factors derived from counts when the page did not print them: conversion = buyers ÷ visitors and
 * AOV = sales ÷ buyers, which is how 生意参谋 defines 支付转化率 and 客单价, so visitors × conversion × AOV
 * is the day's sales exactly. Paying buyers are tried first; orders stand in when buyers were not read
 * (conversion and AOV then count orders, not people). One count serves both factors on every day
 * compared, never a printed rate mixed with a derived one. Visitors are never derived.
 */
function derivedFrom(count: 'paidBuyers' | 'orders'): FactorReader {
  return (reads, date) => {
    const visitors = reads.visitors?.get(date);
    const sales = reads.sales?.get(date);
    const n = reads[count]?.get(date);
    if (!visitors || !sales || !n) return null;
    return { visitors, conversionRate: n / visitors, avgOrderValue: sales / n };
  };
}

const FACTOR_READERS: readonly FactorReader[] = [readFactors, derivedFrom('paidBuyers'), derivedFrom('orders')];

/**
 * Each factor's closed days up to `date`, all by the one method that knows the three factors on
 * `date` (printed, or derived from the same count): a printed rate is never compared with a derived
 * one. Null when no method knows them on `date`.
 */
export function factorSeries(input: DayReviewInput, date: IsoDate): Record<Factor, DailyPoint[]> | null {
  const reads: Reads = {};
  for (const [metric, points] of Object.entries(input.series) as [MetricId, readonly DailyPoint[]][]) {
    reads[metric] = closed(points, input.today);
  }
  const method = FACTOR_READERS.find((m) => m(reads, date));
  if (!method) return null;
  const out: Record<Factor, DailyPoint[]> = { visitors: [], conversionRate: [], avgOrderValue: [] };
  const days = new Set([...(reads.sales?.keys() ?? []), ...(reads.visitors?.keys() ?? [])]);
  for (const day of [...days].sort()) {
    if (day > date) continue;
    const v = method(reads, day);
    if (v) for (const f of FACTORS) out[f].push({ date: day, value: v[f] });
  }
  return out;
}

/** The latest closed day with sales read, or null. */
export function latestClosedDay(input: DayReviewInput): IsoDate | null {
  return latestDate(closed(input.series.sales, input.today));
}

export function sourceThatFell(input: DayReviewInput, date: IsoDate): Decomposition['fallingSource'] | undefined {
  const current: Record<string, number> = {};
  const baseline: Record<string, number> = {};
  for (const [key, points] of Object.entries(input.sources ?? {})) {
    const read = closed(points, input.today);
    const now = read.get(date);
    const base = sameWeekdayBaseline(read, date, BASELINE_WEEKS);
    if (now !== undefined && base) [current[key], baseline[key]] = [now, base.value];
  }
  return fallingSource(current, baseline) ?? undefined;
}
