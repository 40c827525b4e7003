import type { MetricId } from './metrics';

/**
 * Threshold rules. Knowledge lives in the DEFAULT_RULES table (guide §4), not in code paths: each row
 * names the metric, which side is bad, the warn and critical lines, and the fix an alert points to.
 *
 * Semantics, matching the guide's bands ("跳失率 ≥ 70% critical, 60–70% warn, < 60% good";
 * "人均浏览量 < 2.5 critical, 2.5–3.5 warn, > 3.5 good"):
 * - `above`: critical when value ≥ critical; warn when value ≥ warn.
 * - `below`: critical when value < critical; warn when value ≤ warn.
 */

export type Severity = 'warn' | 'critical';
export type FixId =
  'bounceHigh' | 'depthLow' | 'conversionLow' | 'visitorsFell' | 'aovFell' | 'salesBelowTarget' | 'returningThin';

export interface ThresholdRule {
  id: string;
  metric: MetricId;
  direction: 'above' | 'below';
  warn: number;
  critical: number;
  fix: FixId;
}

/** The Taobao operator's rules of thumb (guide §4); other platforms' lines live in core/profiles.ts. */
export const DEFAULT_RULES: readonly ThresholdRule[] = [
  { id: 'bounce-high', metric: 'bounceRate', direction: 'above', warn: 0.6, critical: 0.7, fix: 'bounceHigh' },
  { id: 'depth-low', metric: 'pagesPerVisit', direction: 'below', warn: 3.5, critical: 2.5, fix: 'depthLow' },
];

/** Whether a rule's lines are in the right order: warn on the good side of critical. */
export function isWellOrdered(rule: Pick<ThresholdRule, 'direction' | 'warn' | 'critical'>): boolean {
  return rule.direction === 'above' ? rule.warn <= rule.critical : rule.warn >= rule.critical;
}

export interface Verdict {
  rule: ThresholdRule;
  severity: Severity;
  /** The line the value crossed. */
  threshold: number;
}

export function evaluate(metric: MetricId, value: number, rules: readonly ThresholdRule[] = DEFAULT_RULES): Verdict | null {
  let worst: Verdict | null = null;
  for (const rule of rules) {
    if (rule.metric !== metric) continue;
    const verdict = judge(rule, value);
    if (verdict && (!worst || (verdict.severity === 'critical' && worst.severity === 'warn'))) worst = verdict;
  }
  return worst;
}

function judge(rule: ThresholdRule, value: number): Verdict | null {
  if (!Number.isFinite(value)) return null;
  if (rule.direction === 'above') {
    if (value >= rule.critical) return { rule, severity: 'critical', threshold: rule.critical };
    if (value >= rule.warn) return { rule, severity: 'warn', threshold: rule.warn };
  } else {
    if (value < rule.critical) return { rule, severity: 'critical', threshold: rule.critical };
    if (value <= rule.warn) return { rule, severity: 'warn', threshold: rule.warn };
  }
  return null;
}
