import { metricDef, type MetricId } from '../metrics';
import type { ThresholdRule } from '../rules';
import { addDays, dayNumber, mondayOf } from './dates';
import { between, mean, relativeChange, sum } from './series';
import { dailyTargets, validateTarget } from './target-split';
import type { DailyPoint, IsoDate, MonthTarget, QualityLevel, TrendView, WeeklyQuality } from './types';

/**
 * The trends tab: a metric's last 7 / 30 / 90 closed days with its alert lines and target line, how the
 * last week and month compare with the ones before, and the weekly page-quality check.
 */

export type Aggregation = 'sum' | 'mean';

/**
 * How a metric's days add up to a week or a month, from its unit in core/metrics.ts: counts and money
 * are totals (a week's visitors, a week's sales), rates, ratios and durations are averages of the days
 * (a week's bounce rate). Average order value is money but a per-order ratio, so it is averaged too.
 * Rates are averaged day by day, not weighted by visitors: the daily history keeps no weights.
 */
export function aggregation(metric: MetricId): Aggregation {
  if (metric === 'avgOrderValue') return 'mean';
  const unit = metricDef(metric).unit;
  return unit === 'count' || unit === 'money' ? 'sum' : 'mean';
}

/**
 * One window against the window before it, both ending before `today`. With every day read, totals are
 * compared as totals. With gaps, a total over fewer days would look like a fall, so the daily average of
 * the days read stands in (the same ratio as the totals when nothing is missing). Null when either
 * window has fewer than half its days read.
 */
export function periodChange(points: readonly DailyPoint[], metric: MetricId, today: IsoDate, days: number): number | null {
  const recent = between(points, addDays(today, -days), today).map((p) => p.value);
  const before = between(points, addDays(today, -2 * days), addDays(today, -days)).map((p) => p.value);
  if (recent.length * 2 < days || before.length * 2 < days) return null;
  const complete = recent.length === days && before.length === days;
  if (aggregation(metric) === 'sum' && complete) return relativeChange(sum(recent), sum(before));
  return relativeChange(mean(recent), mean(before));
}

export interface TrendInput {
  site: string;
  store: string;
  metric: MetricId;
  currency?: string;
  days: TrendView['days'];
  today: IsoDate;
  /** The series' closed days; at least the last 60 for the month-over-month change. */
  points: readonly DailyPoint[];
  /** The rule that judges this metric for this shop, if any. */
  rule?: Pick<ThresholdRule, 'direction' | 'warn' | 'critical'> | null;
  /** The shop's monthly targets (sales only); months that cannot be split draw no line. */
  targets?: readonly MonthTarget[];
  peers?: ReadonlyArray<{ peer: string; points: readonly DailyPoint[]; listed?: boolean }>;
}

export function trendView(input: TrendInput): TrendView {
  const from = addDays(input.today, -input.days);
  const view: TrendView = {
    site: input.site,
    store: input.store,
    metric: input.metric,
    ...(input.currency ? { currency: input.currency } : {}),
    days: input.days,
    points: between(input.points, from, input.today),
    weekOverWeek: periodChange(input.points, input.metric, input.today, 7),
    monthOverMonth: periodChange(input.points, input.metric, input.today, 30),
  };
  if (input.rule) view.band = { direction: input.rule.direction, warn: input.rule.warn, critical: input.rule.critical };
  if (input.metric === 'sales' && input.targets?.length) view.target = targetLine(input.targets, from, input.today);
  if (input.peers?.length) {
    view.peers = input.peers.map((p) => ({ ...p, points: between(p.points, from, input.today) }));
  }
  return view;
}

/** Daily targets of the days from ≤ d < to, oldest first, from every valid target covering them. */
function targetLine(targets: readonly MonthTarget[], from: IsoDate, to: IsoDate): DailyPoint[] {
  const line: DailyPoint[] = [];
  for (const t of targets) {
    if (validateTarget(t).length) continue;
    for (const [date, value] of dailyTargets(t)) line.push({ date, value });
  }
  return between(line, from, to);
}

/**
 * Weekly page-quality levels (README, "The daily review's arithmetic"): 跳失率 below 70% and depth at
 * least 2.5 are only the pass line; pages are adjusted week by week until bounce < 60% and depth > 3.5;
 * shops with many returning visitors run at bounce < 50% and depth > 4.0. So bounce ≥ 70% fails, 60–70% passes, 50–60% is good, < 50% is
 * excellent; depth < 2.5 fails, 2.5–3.5 passes, above 3.5 up to 4.0 is good, above 4.0 excellent.
 */
export function bounceLevel(rate: number): QualityLevel {
  if (rate >= 0.7) return 'fail';
  if (rate >= 0.6) return 'pass';
  if (rate >= 0.5) return 'good';
  return 'excellent';
}

export function depthLevel(pages: number): QualityLevel {
  if (pages < 2.5) return 'fail';
  if (pages <= 3.5) return 'pass';
  if (pages <= 4.0) return 'good';
  return 'excellent';
}

/**
 * The weekly page check for the last `weeks` Monday-to-Sunday weeks, oldest first, the last one being
 * the week of the latest closed day (it may still be running). Each week's value is the mean of its
 * closed days read; a week with none keeps its row with nulls, so the weeks stay evenly spaced.
 */
export function weeklyQuality(
  bounce: readonly DailyPoint[],
  depth: readonly DailyPoint[],
  today: IsoDate,
  weeks = 8,
): WeeklyQuality[] {
  const lastMonday = mondayOf(addDays(today, -1));
  return Array.from({ length: weeks }, (_, i) => {
    const week = addDays(lastMonday, -7 * (weeks - 1 - i));
    const end = dayNumber(addDays(week, 7)) < dayNumber(today) ? addDays(week, 7) : today;
    const bounceRate = mean(between(bounce, week, end).map((p) => p.value));
    const pagesPerVisit = mean(between(depth, week, end).map((p) => p.value));
    return {
      week,
      bounceRate,
      pagesPerVisit,
      bounceLevel: bounceRate === null ? null : bounceLevel(bounceRate),
      depthLevel: pagesPerVisit === null ? null : depthLevel(pagesPerVisit),
    };
  });
}
