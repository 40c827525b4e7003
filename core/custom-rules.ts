import { isMetricId, metricDef, type MetricId } from './metrics';
import type { FixId, Severity } from './rules';
import type { Breakdown } from './types';

/**
 * Custom rules: the operator's own alerts, kept as data in the settings so they are exported,
 * imported and repaired like every other setting. Evaluation is pure: the background looks up the
 * baseline and the daily target first and passes them in.
 *
 * Comparisons (`value` is in the metric's own unit for above/below, a fraction otherwise):
 * - `above`: fires when value ≥ the line; `below`: fires when value < the line.
 * - `dropVsBaseline` / `riseVsBaseline`: the change against the same weekday's baseline is at least
 *   `value` (0.2 = 20%) down / up.
 * - `belowTarget`: sales under `value` × the day's target (1 = the whole target).
 */

export type Comparison = 'above' | 'below' | 'dropVsBaseline' | 'riseVsBaseline' | 'belowTarget';
export const COMPARISONS: readonly Comparison[] = ['above', 'below', 'dropVsBaseline', 'riseVsBaseline', 'belowTarget'];

/** Rows of a table a rule can watch instead of the shop's totals. */
export type BreakdownKind = 'source' | 'item';
export const BREAKDOWN_KINDS: readonly BreakdownKind[] = ['source', 'item'];

/** Column headers of the back offices' tables, by what their rows are (case-folded on comparison). */
const BREAKDOWN_DIMENSIONS: Readonly<Record<BreakdownKind, readonly string[]>> = {
  source: ['流量来源', '流量來源', '来源', '來源', '流量渠道', 'traffic source', 'source', 'session default channel group'],
  item: ['商品', '商品名称', '商品名稱', '(child) asin', '(parent) asin', 'product', 'product title'],
};

export function breakdownMatches(kind: BreakdownKind, breakdown: Breakdown | undefined): boolean {
  return !!breakdown && BREAKDOWN_DIMENSIONS[kind].includes(breakdown.dimension.trim().toLowerCase());
}

export interface Condition {
  metric: MetricId;
  comparison: Comparison;
  value: number;
}

export interface CustomRule extends Condition {
  id: string;
  name: string;
  enabled: boolean;
  severity: Severity;
  /** A second condition that must hold too (AND), on the same shop or the same breakdown row. */
  and?: Condition;
  /** `all` shops, or a list of `site|store` keys. */
  scope: 'all' | string[];
  /** Watch the rows of a table (e.g. each traffic source) instead of the shop's totals. */
  breakdown?: BreakdownKind;
  /** Raise a browser notification for a critical alert (once per alert, never in quiet hours). */
  notify: boolean;
  fix: FixId;
}

export const MAX_CUSTOM_RULES = 50;

export const usesBaseline = (c: Comparison) => c === 'dropVsBaseline' || c === 'riseVsBaseline';

/** The value a comparison holds as a percentage in the form (rates, changes and shares of target). */
export function isPercentValue(c: Condition): boolean {
  return c.comparison !== 'above' && c.comparison !== 'below' ? true : metricDef(c.metric).unit === 'rate';
}

export interface CustomContext {
  value: number;
  /** The same weekday's baseline for the rule's metric; null or absent: none yet. */
  baseline?: number | null;
  dailyTarget?: number | null;
  /** The second condition's metric, read on the same page (same row for breakdown rules); absent: 'noValue'. */
  second?: number | null;
  /** The same weekday's baseline for the second condition's metric. */
  secondBaseline?: number | null;
}

/** Why a rule did not fire: its numbers were fine, or an input it needs is not there yet. */
export type NotFiredReason = 'disabled' | 'notMet' | 'noValue' | 'noBaseline' | 'noTarget';

export type CustomVerdict =
  | {
      fired: true;
      severity: Severity;
      /** The line crossed, in the metric's unit (baseline × (1 − 20%), the target, the value set). */
      threshold: number;
      /** Which side is bad, as the badge and popup phrase it. */
      direction: 'above' | 'below';
    }
  | { fired: false; reason: NotFiredReason; condition: 'first' | 'second' | 'rule' };

type ConditionResult = { met: true; threshold: number } | { met: false; reason: NotFiredReason };

/** One condition against its inputs; a missing input is a reason, never a quiet "not met". */
export function checkCondition(
  c: Condition,
  value: number | null | undefined,
  baseline: number | null | undefined,
  dailyTarget: number | null | undefined,
): ConditionResult {
  if (value === null || value === undefined || !Number.isFinite(value)) return { met: false, reason: 'noValue' };
  switch (c.comparison) {
    case 'above':
      return value >= c.value ? { met: true, threshold: c.value } : { met: false, reason: 'notMet' };
    case 'below':
      return value < c.value ? { met: true, threshold: c.value } : { met: false, reason: 'notMet' };
    case 'dropVsBaseline':
    case 'riseVsBaseline': {
      // A zero baseline has no percentage change; it is as good as none.
      if (baseline === null || baseline === undefined || !Number.isFinite(baseline) || baseline <= 0)
        return { met: false, reason: 'noBaseline' };
      const change = (value - baseline) / baseline;
      const line = round(baseline * (c.comparison === 'dropVsBaseline' ? 1 - c.value : 1 + c.value));
      const met = c.comparison === 'dropVsBaseline' ? -change >= c.value - 1e-9 : change >= c.value - 1e-9;
      return met ? { met: true, threshold: line } : { met: false, reason: 'notMet' };
    }
    case 'belowTarget': {
      if (dailyTarget === null || dailyTarget === undefined || !Number.isFinite(dailyTarget) || dailyTarget <= 0)
        return { met: false, reason: 'noTarget' };
      const line = round(dailyTarget * c.value);
      return value < line ? { met: true, threshold: line } : { met: false, reason: 'notMet' };
    }
  }
}

export function evaluateCustom(rule: CustomRule, ctx: CustomContext): CustomVerdict {
  if (!rule.enabled) return { fired: false, reason: 'disabled', condition: 'rule' };
  const first = checkCondition(rule, ctx.value, ctx.baseline, ctx.dailyTarget);
  if (!first.met) return { fired: false, reason: first.reason, condition: 'first' };
  if (rule.and) {
    const second = checkCondition(rule.and, ctx.second, ctx.secondBaseline, ctx.dailyTarget);
    if (!second.met) return { fired: false, reason: second.reason, condition: 'second' };
  }
  return { fired: true, severity: rule.severity, threshold: first.threshold, direction: badSide(rule.comparison) };
}

export function badSide(c: Comparison): 'above' | 'below' {
  return c === 'above' || c === 'riseVsBaseline' ? 'above' : 'below';
}

export function inScope(rule: CustomRule, shopKey: string): boolean {
  return rule.scope === 'all' || rule.scope.includes(shopKey);
}

/** Whether the reading (`breakdown` or the shop's total) is one this rule watches. */
export function watches(rule: CustomRule, metric: MetricId, breakdown: Breakdown | undefined): boolean {
  if (rule.metric !== metric) return false;
  return rule.breakdown ? breakdownMatches(rule.breakdown, breakdown) : !breakdown;
}

const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * What is wrong with a condition, as a message key suffix for the form and a note for repair;
 * null when it is sound.
 */
export function conditionProblem(c: Partial<Condition>): 'metric' | 'comparison' | 'value' | 'targetMetric' | null {
  if (!isMetricId(c.metric)) return 'metric';
  if (!COMPARISONS.includes(c.comparison as Comparison)) return 'comparison';
  if (c.comparison === 'belowTarget' && c.metric !== 'sales') return 'targetMetric';
  if (typeof c.value !== 'number' || !Number.isFinite(c.value) || c.value < 0) return 'value';
  // A change of 100% or more down would need a negative number; a share of target past 10× is a typo.
  if (c.comparison === 'dropVsBaseline' && c.value >= 1) return 'value';
  if ((c.comparison === 'riseVsBaseline' || c.comparison === 'belowTarget') && c.value > 10) return 'value';
  if (usesBaseline(c.comparison as Comparison) && c.value === 0) return 'value';
  return null;
}

/** Starter templates for the form (guide §4 and §5). Values are what the form starts with. */
export type TemplateId = 'bounceHigh' | 'depthLow' | 'salesBelowTarget' | 'conversionDown' | 'visitorsDownBySource';

export const TEMPLATES: Readonly<Record<TemplateId, Omit<CustomRule, 'id' | 'name' | 'scope' | 'notify' | 'enabled'>>> = {
  bounceHigh: { metric: 'bounceRate', comparison: 'above', value: 0.7, severity: 'critical', fix: 'bounceHigh' },
  depthLow: { metric: 'pagesPerVisit', comparison: 'below', value: 2.5, severity: 'critical', fix: 'depthLow' },
  salesBelowTarget: { metric: 'sales', comparison: 'belowTarget', value: 1, severity: 'warn', fix: 'salesBelowTarget' },
  conversionDown: { metric: 'conversionRate', comparison: 'dropVsBaseline', value: 0.2, severity: 'warn', fix: 'conversionLow' },
  visitorsDownBySource: {
    metric: 'visitors',
    comparison: 'dropVsBaseline',
    value: 0.3,
    severity: 'warn',
    breakdown: 'source',
    fix: 'visitorsFell',
  },
};
export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];
