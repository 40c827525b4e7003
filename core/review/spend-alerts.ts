import type { FixId, Severity } from '../rules';
import { monthOf } from './dates';
import { paidSourceUp } from './spend';
import type { DailyPoint, IsoDate, MonthTarget, SpendAlertDetail, SpendDay } from './types';
import { byDate } from './series';

/**
 * The review's spend alerts, judged on the latest closed day with spend read:
 * - `leakingPage` (critical): page quality past its critical line (bounce ≥ the critical bounce, or pages per
 *   visit under the critical depth) while spend is above the median of the same weekday — paid traffic
 *   into a leaking page loses money however it is bought. Fix the page first, then add promotion.
 * - `spendRatio` (warn): 费比 (spend ÷ the shop's sales) above the month's ceiling, when the month has one.
 * - `roiFloor` (warn): ROI (ad sales ÷ spend) under the profile's floor.
 * `fired` raises, `fine` resolves, `unknown` (a number missing) leaves an open alert as it is.
 */

export type SpendCause = SpendAlertDetail['cause'];
export const SPEND_CAUSES: readonly SpendCause[] = ['leakingPage', 'spendRatio', 'roiFloor'];

export interface SpendVerdict {
  cause: SpendCause;
  state: 'fired' | 'fine' | 'unknown';
  metric: 'bounceRate' | 'pagesPerVisit' | 'adSpend' | 'adRoas';
  severity: Severity;
  direction: 'above' | 'below';
  value: number;
  threshold: number;
  date: IsoDate;
  fix: FixId;
  detail: SpendAlertDetail;
}

export interface SpendAlertInput {
  /** The day judged and its spend (spendDay, core/review/spend.ts). */
  day: SpendDay;
  /** The shop's closed days of page quality. */
  bounceRate?: readonly DailyPoint[];
  pagesPerVisit?: readonly DailyPoint[];
  /** The shop's critical lines (its profile's, with the operator's changes). */
  lines: { bounceCritical: number | null; depthCritical: number | null };
  /** Visitors per traffic source. */
  sources?: Readonly<Record<string, readonly DailyPoint[]>>;
  /** Where the spend was read, named when no paid source was read on the shop's side. */
  adsSource: string;
  sales?: readonly DailyPoint[];
  targets: readonly MonthTarget[];
  roiFloor: number;
  choices: { leakingPage: boolean; spendRatio: boolean; roiFloor: boolean };
}

export function spendVerdicts(input: SpendAlertInput): SpendVerdict[] {
  const out: SpendVerdict[] = [];
  if (input.choices.leakingPage) {
    const v = leakingPage(input);
    if (v) out.push(v);
  }
  if (input.choices.spendRatio) {
    const v = spendRatio(input);
    if (v) out.push(v);
  }
  if (input.choices.roiFloor) {
    const v = roiFloor(input);
    if (v) out.push(v);
  }
  return out;
}

function leakingPage(input: SpendAlertInput): SpendVerdict | null {
  const { day, lines } = input;
  const bounce = byDate(input.bounceRate ?? []).get(day.date);
  const depth = byDate(input.pagesPerVisit ?? []).get(day.date);
  if (bounce === undefined && depth === undefined) return null;
  const bounceFails = bounce !== undefined && lines.bounceCritical !== null && bounce >= lines.bounceCritical;
  const depthFails = depth !== undefined && lines.depthCritical !== null && depth < lines.depthCritical;
  const fails = bounceFails || depthFails;
  const up = day.baseline !== null ? day.spend > day.baseline : null;
  const state = fails && up === true ? 'fired' : !fails || up === false ? 'fine' : 'unknown';
  const onBounce = bounceFails || (!depthFails && bounce !== undefined);
  const detail: SpendAlertDetail = {
    cause: 'leakingPage',
    spend: day.spend,
    ...(day.baseline !== null ? { baseline: day.baseline } : {}),
    ...(bounce !== undefined ? { bounceRate: bounce } : {}),
    ...(depth !== undefined ? { pagesPerVisit: depth } : {}),
    source: paidSourceUp(input.sources ?? {}, day.date) ?? input.adsSource,
  };
  return {
    cause: 'leakingPage',
    state,
    metric: onBounce ? 'bounceRate' : 'pagesPerVisit',
    severity: 'critical',
    direction: onBounce ? 'above' : 'below',
    value: onBounce ? bounce! : depth!,
    threshold: (onBounce ? lines.bounceCritical : lines.depthCritical) ?? 0,
    date: day.date,
    fix: 'leakingPage',
    detail,
  };
}

function spendRatio(input: SpendAlertInput): SpendVerdict | null {
  const { day } = input;
  const ceiling = input.targets.find((t) => t.month === monthOf(day.date))?.spendRatioCeiling;
  const sales = byDate(input.sales ?? []).get(day.date);
  if (ceiling === undefined || day.spendRatio === null || sales === undefined) return null;
  return {
    cause: 'spendRatio',
    state: day.spendRatio > ceiling ? 'fired' : 'fine',
    metric: 'adSpend',
    severity: 'warn',
    direction: 'above',
    value: day.spend,
    // The spend the ceiling allows on that day's sales.
    threshold: ceiling * sales,
    date: day.date,
    fix: 'spendRatioHigh',
    detail: { cause: 'spendRatio', spend: day.spend, sales, ratio: day.spendRatio, ceiling },
  };
}

function roiFloor(input: SpendAlertInput): SpendVerdict | null {
  const { day, roiFloor: floor } = input;
  if (day.roi === null || day.adSales === null) return null;
  return {
    cause: 'roiFloor',
    state: day.roi < floor ? 'fired' : 'fine',
    metric: 'adRoas',
    severity: 'warn',
    direction: 'below',
    value: day.roi,
    threshold: floor,
    date: day.date,
    fix: 'roiLow',
    detail: { cause: 'roiFloor', spend: day.spend, adSales: day.adSales, roi: day.roi, floor },
  };
}
