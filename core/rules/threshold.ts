import type { MetricId } from '../metrics';
import { DEFAULT_RULES } from './defaults';
import type { ThresholdRule, Verdict } from './types';

/** Judging a number by threshold lines (the semantics are on `ThresholdRule`). */

/** Whether a rule's lines are in the right order: warn on the good side of critical. */
export function isWellOrdered(rule: Pick<ThresholdRule, 'direction' | 'warn' | 'critical'>): boolean {
  return rule.direction === 'above' ? rule.warn <= rule.critical : rule.warn >= rule.critical;
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
