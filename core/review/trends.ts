import { metricDef, type MetricId } from '../metrics';
import type { ThresholdRule } from '../rules';
import { addDays, dayNumber, mondayOf } from './dates';
import { between, byDate, mean, relativeChange, sum } from './series';
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
 * Where the ratio's denominator is read too, the average is weighted by it (`weightMetric`).
 */
export function aggregation(metric: MetricId): Aggregation {
  if (metric === 'avgOrderValue') return 'mean';
  const unit = metricDef(metric).unit;
  return unit === 'count' || unit === 'money' ? 'sum' : 'mean';
}

/**
 * The count a rate's days are weighted by when they make a week or a month, as the platforms compute
 * them over the period: bounce, conversion and pages per visit are per visitor (跳失率 = bounced ÷
 * visitors, 转化率 = buyers ÷ visitors, 人均浏览量 = page views ÷ visitors), AOV per buyer (客单价 =
 * sales ÷ buyers). Null for metrics averaged plainly or summed.
 */
export function weightMetric(metric: MetricId): MetricId | null {
  if (metric === 'bounceRate' || metric === 'conversionRate' || metric === 'pagesPerVisit') return 'visitors';
  if (metric === 'avgOrderValue') return 'paidBuyers';
  return null;
}

/**
 * The average of a rate's days, each weighted by its denominator: Σ(rate × weight) ÷ Σ weight. When a
 * day has no weight read (or the weights add up to 0) the plain mean of the days stands in: a weighted
 * average over some of the days would be a different period.
 */
export function weightedMean(points: readonly DailyPoint[], weights?: readonly DailyPoint[]): number | null {
  if (!points.length) return null;
  const w = weights ? byDate(weights) : null;
  const all = w && points.every((p) => (w.get(p.date) ?? -1) >= 0);
  const total = all ? sum(points.map((p) => w.get(p.date)!)) : 0;
  if (!all || !(total > 0)) return mean(points.map((p) => p.value));
  return sum(points.map((p) => p.value * w.get(p.date)!)) / total;
}

/**
 * One window against the window before it, both ending before `today`. With every day read, totals are
 * compared as totals. With gaps, a total over fewer days would look like a fall, so the daily average of
 * the days read stands in (the same ratio as the totals when nothing is missing). A rate's change is
 * the difference of the two windows' rates (percentage points: 3.10% → 2.85% is -0.0025), never a
 * ratio of rates. Null when either window has fewer than half its days read.
 */
export function periodChange(
  points: readonly DailyPoint[],
  metric: MetricId,
  today: IsoDate,
  days: number,
  weights?: readonly DailyPoint[],
): number | null {
  const recent = between(points, addDays(today, -days), today);
  const before = between(points, addDays(today, -2 * days), addDays(today, -days));
  if (recent.length * 2 < days || before.length * 2 < days) return null;
  const complete = recent.length === days && before.length === days;
  const values = (ps: DailyPoint[]) => ps.map((p) => p.value);
  if (aggregation(metric) === 'sum' && complete) return relativeChange(sum(values(recent)), sum(values(before)));
  if (aggregation(metric) === 'sum') return relativeChange(mean(values(recent)), mean(values(before)));
  const [now, then] = [weightedMean(recent, weights), weightedMean(before, weights)];
  if (metricDef(metric).unit === 'rate') return now === null || then === null ? null : now - then;
  return relativeChange(now, then);
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
  /** The days of the metric's denominator (`weightMetric`), when read. */
  weights?: readonly DailyPoint[];
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
    weekOverWeek: periodChange(input.points, input.metric, input.today, 7, input.weights),
    monthOverMonth: periodChange(input.points, input.metric, input.today, 30, input.weights),
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
 * the week of the latest closed day (it may still be running). Each week's value is the average of its
 * closed days read, weighted by their visitors when those were read (`weightedMean`); a week with none
 * keeps its row with nulls, so the weeks stay evenly spaced.
 */
export function weeklyQuality(
  bounce: readonly DailyPoint[],
  depth: readonly DailyPoint[],
  today: IsoDate,
  weeks = 8,
  visitors?: readonly DailyPoint[],
): WeeklyQuality[] {
  const lastMonday = mondayOf(addDays(today, -1));
  return Array.from({ length: weeks }, (_, i) => {
    const week = addDays(lastMonday, -7 * (weeks - 1 - i));
    const end = dayNumber(addDays(week, 7)) < dayNumber(today) ? addDays(week, 7) : today;
    const bounceRate = weightedMean(between(bounce, week, end), visitors);
    const pagesPerVisit = weightedMean(between(depth, week, end), visitors);
    return {
      week,
      bounceRate,
      pagesPerVisit,
      bounceLevel: bounceRate === null ? null : bounceLevel(bounceRate),
      depthLevel: pagesPerVisit === null ? null : depthLevel(pagesPerVisit),
    };
  });
}
