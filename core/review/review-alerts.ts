import type { FixId, ReviewAlertChoices } from '../rules';
import { sameWeekdayBaseline, sustainedGap } from './baseline';
import { addDays, monthOf } from './dates';
import { factorSeries, latestClosedDay, sourceThatFell, type DayReviewInput } from './day-review';
import { FACTOR_FIX, FACTORS, type FallingSource } from './decompose';
import { dailyTargets, validateTarget } from './target-split';
import type { Factor, IsoDate, MonthTarget } from './types';

/**
 * The review's default alerts (README, "The review's alerts"), judged from a shop's closed days: sales
 * under the day's target, and each factor of sales down against the median of the same weekday over
 * the last 4 weeks, each once it held on consecutive closed days. One verdict per shop and cause; the
 * background raises or resolves the alert through the one alert path (core/background/alerts.ts).
 */

export type ReviewCause = 'target' | Factor;
export const REVIEW_CAUSES: readonly ReviewCause[] = ['target', ...FACTORS];

/** Weeks the baselines look back over (the same weekday in each). */
export const REVIEW_BASELINE_WEEKS = 4;

export interface ReviewVerdict {
  cause: ReviewCause;
  /**
   * `fired`: the gap held on every day of `range`; `fine`: the last day closed the gap (resolve);
   * `unknown`: neither (one bad day, no target, no baseline) — an open alert stays as it is.
   */
  state: 'fired' | 'fine' | 'unknown';
  metric: 'sales' | Factor;
  /** The last day's value, and what it is held against: the day's target, or its baseline. */
  value: number;
  threshold: number;
  /** The closed days the gap held on, oldest first. */
  range: { start: IsoDate; end: IsoDate };
  fix: FixId;
  /** value ÷ threshold − 1. */
  change: number;
  /** Visitors: the source that lost the most against its own baseline on the last day. */
  source?: FallingSource;
}

export function reviewVerdicts(input: DayReviewInput, choices: ReviewAlertChoices): ReviewVerdict[] {
  const date = latestClosedDay(input);
  if (!date) return [];
  const days = Math.max(1, Math.round(choices.days));
  const range = { start: addDays(date, -(days - 1)), end: date };
  const out: ReviewVerdict[] = [];
  if (choices.targetMiss) {
    const v = targetVerdict(input, date, days, range);
    if (v) out.push(v);
  }
  if (choices.factorDrop) out.push(...factorVerdicts(input, date, days, choices.minDrop, range));
  return out;
}

function targetVerdict(input: DayReviewInput, date: IsoDate, days: number, range: ReviewVerdict['range']): ReviewVerdict | null {
  const targets: readonly MonthTarget[] =
    input.target === null ? [] : Array.isArray(input.target) ? input.target : [input.target as MonthTarget];
  const dayTarget = (d: IsoDate): number | null => {
    const t = targets.find((x) => x.month === monthOf(d));
    return t && !validateTarget(t).length ? (dailyTargets(t).get(d) ?? null) : null;
  };
  const sales = new Map((input.series.sales ?? []).filter((p) => p.date < input.today).map((p) => [p.date, p.value]));
  const target = dayTarget(date);
  const value = sales.get(date);
  if (target === null || !(target > 0) || value === undefined) return null;
  let held = true;
  for (let i = 0; i < days; i++) {
    const d = addDays(date, -i);
    const [s, t] = [sales.get(d), dayTarget(d)];
    if (s === undefined || t === null || !(s < t)) held = false;
  }
  return {
    cause: 'target',
    state: held ? 'fired' : value >= target ? 'fine' : 'unknown',
    metric: 'sales',
    value,
    threshold: target,
    range,
    fix: 'salesBelowTarget',
    change: value / target - 1,
  };
}

function factorVerdicts(
  input: DayReviewInput,
  date: IsoDate,
  days: number,
  minDrop: number,
  range: ReviewVerdict['range'],
): ReviewVerdict[] {
  const series = factorSeries(input, date);
  if (!series) return [];
  const out: ReviewVerdict[] = [];
  for (const f of FACTORS) {
    const points = series[f];
    const last = points.at(-1);
    const base = sameWeekdayBaseline(points, date, REVIEW_BASELINE_WEEKS);
    if (!last || last.date !== date || !base || !(base.value > 0)) continue;
    const change = last.value / base.value - 1;
    const held = sustainedGap(points, date, { days, minDrop, weeks: REVIEW_BASELINE_WEEKS });
    const verdict: ReviewVerdict = {
      cause: f,
      state: held ? 'fired' : change > -minDrop ? 'fine' : 'unknown',
      metric: f,
      value: last.value,
      threshold: base.value,
      range,
      fix: FACTOR_FIX[f],
      change,
    };
    const source = f === 'visitors' && held ? sourceThatFell(input, date) : undefined;
    if (source) verdict.source = source;
    out.push(verdict);
  }
  return out;
}
