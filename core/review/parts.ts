import type { MetricId } from '../metrics';
import type { BreakdownKind } from '../rules';
import type { Breakdown } from '../types';

/**
 * Advice from the parts already read: the platform's lines judge the shop's totals, the advice names
 * the traffic source or item that is worst against them ("直通车跳失率 81.40%（全店 72.31%）→ 先改直通车落地页").
 */

/** One row of a table read on the same page and period as the shop's total. */
export interface PartValue {
  breakdown: Breakdown;
  kind: BreakdownKind;
  value: number;
}

/** The part named in an alert's advice, with the shop's own value beside it. */
export interface WorstPart extends PartValue {
  metric: MetricId;
  shop: number;
}

/** Which way is worse for the metrics whose parts the advice names. */
const WORSE: Partial<Record<MetricId, 'up' | 'down'>> = {
  bounceRate: 'up',
  pagesPerVisit: 'down',
  conversionRate: 'down',
};

/**
 * How far a part must be from the shop before it is named: a source 1 point above the shop's bounce is
 * the shop, not a culprit. Relative to the shop's value (0.05 = 5% of it).
 */
export const PART_MARGIN = 0.05;

/**
 * The part furthest on the bad side of the shop's own value, or null when none is clearly worse (or
 * the metric is not one whose parts explain it). Ties go to the first part read.
 */
export function worstPart(metric: MetricId, shop: number, parts: readonly PartValue[]): WorstPart | null {
  const worse = WORSE[metric];
  if (!worse || !Number.isFinite(shop) || shop <= 0) return null;
  let best: PartValue | null = null;
  let bestGap = PART_MARGIN;
  for (const p of parts) {
    if (!Number.isFinite(p.value)) continue;
    const gap = worse === 'up' ? p.value / shop - 1 : 1 - p.value / shop;
    if (gap > bestGap + 1e-12) [best, bestGap] = [p, gap];
  }
  return best ? { ...best, metric, shop } : null;
}

/** Whether the advice can look at parts of this metric. */
export const hasPartAdvice = (metric: MetricId): boolean => WORSE[metric] !== undefined;
