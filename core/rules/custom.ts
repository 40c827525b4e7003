import { isMetricId, metricDef, type MetricId } from '../metrics';
import type { Breakdown } from '../types';
import { BREAKDOWN_DIMENSIONS } from './defaults';
import { COMPARISONS, type BreakdownKind, type Comparison, type Condition, type CustomRule, type Severity } from './types';

/**
 * Custom rules: the operator's own alerts, kept as data in the settings so they are exported,
 * imported and repaired like every other setting. Evaluation is pure: the background looks up the
 * baseline and the daily target first and passes them in. How each comparison reads is on `Comparison`
 * (types.ts).
 */

export function breakdownMatches(kind: BreakdownKind, breakdown: Breakdown | undefined): boolean {
  return !!breakdown && BREAKDOWN_DIMENSIONS[kind].includes(breakdown.dimension.trim().toLowerCase());
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
