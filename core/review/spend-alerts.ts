import type { FixId, Severity } from '../rules';
import { addDays, monthOf } from './dates';
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
 * The two warnings fire once they held on `choices.days` consecutive closed days, as the factor alerts do
 * (core/review/review-alerts.ts): one day of dear clicks is noise. The leaking-page alert fires on the first
 * day: every day paid visitors land on a failing page the money is lost, and it already needs spend up
 * against its weekday's median, not one high day.
 * `fired` raises, `fine` resolves, `unknown` (a number missing, or a warning's first bad day) leaves an open
 * alert as it is.
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
  /** The closed days the verdict stands on, oldest first (the held days of a warning). */
  range: { start: IsoDate; end: IsoDate };
  fix: FixId;
  detail: SpendAlertDetail;
}

export interface SpendAlertInput {
  /** The day judged and its spend (spendDay, core/review/spend.ts). */
  day: SpendDay;
  /** The closed days with spend read before `day`, as far back as the hold reaches (any order). */
  earlier: readonly SpendDay[];
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
  /** `days`: consecutive closed days a warning must hold (the review alerts' own setting). */
  choices: { leakingPage: boolean; spendRatio: boolean; roiFloor: boolean; days: number };
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
    range: { start: day.date, end: day.date },
    fix: 'leakingPage',
    detail,
  };
}

/**
 * A warning's state: `fired` once `bad` held on each of the hold's consecutive closed days up to the judged
 * one, `fine` when the judged day is not bad, else `unknown` (a first bad day, or a day of the hold unread).
 */
function held(input: SpendAlertInput, bad: (d: SpendDay) => boolean | null): Pick<SpendVerdict, 'state' | 'range'> {
  const { day } = input;
  const days = Math.max(1, Math.round(input.choices.days));
  const range = { start: addDays(day.date, -(days - 1)), end: day.date };
  if (bad(day) !== true) return { state: bad(day) === false ? 'fine' : 'unknown', range };
  const earlier = new Map(input.earlier.map((d) => [d.date, d]));
  for (let i = 1; i < days; i++) {
    const d = earlier.get(addDays(day.date, -i));
    if (!d || bad(d) !== true) return { state: 'unknown', range };
  }
  return { state: 'fired', range };
}

function spendRatio(input: SpendAlertInput): SpendVerdict | null {
  const { day } = input;
  const ceilingOf = (date: IsoDate) => input.targets.find((t) => t.month === monthOf(date))?.spendRatioCeiling;
  const ceiling = ceilingOf(day.date);
  const sales = byDate(input.sales ?? []).get(day.date);
  if (ceiling === undefined || day.spendRatio === null || sales === undefined) return null;
  return {
    cause: 'spendRatio',
    ...held(input, (d) => {
      const c = ceilingOf(d.date);
      return c === undefined || d.spendRatio === null ? null : d.spendRatio > c;
    }),
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
    ...held(input, (d) => (d.roi === null ? null : d.roi < floor)),
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
