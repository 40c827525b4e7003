import { describe, expect, it } from 'vitest';
import {
  BLANK_RULE,
  breakdownMatches,
  conditionProblem,
  evaluateCustom,
  TEMPLATE_IDS,
  TEMPLATES,
  watches,
  type CustomRule,
} from '@/core/rules';
import { repairSettings } from '@/core/settings';

const rule = (over: Partial<CustomRule>): CustomRule => ({
  id: 'r1',
  name: 'test',
  enabled: true,
  metric: 'bounceRate',
  comparison: 'above',
  value: 0.7,
  severity: 'critical',
  scope: 'all',
  notify: false,
  fix: 'bounceHigh',
  ...over,
});

describe('custom rules: one condition', () => {
  it('fires above at or past the line and not under it', () => {
    expect(evaluateCustom(rule({}), { value: 0.7231 })).toEqual({
      fired: true,
      severity: 'critical',
      threshold: 0.7,
      direction: 'above',
    });
    expect(evaluateCustom(rule({}), { value: 0.7 })).toMatchObject({ fired: true });
    expect(evaluateCustom(rule({}), { value: 0.6999 })).toEqual({ fired: false, reason: 'notMet', condition: 'first' });
  });

  it('fires below strictly under the line', () => {
    const depth = rule({ metric: 'pagesPerVisit', comparison: 'below', value: 2.5, severity: 'warn' });
    expect(evaluateCustom(depth, { value: 2.5 })).toMatchObject({ fired: false, reason: 'notMet' });
    expect(evaluateCustom(depth, { value: 2.1 })).toEqual({ fired: true, severity: 'warn', threshold: 2.5, direction: 'below' });
  });

  it('compares with the same weekday by a percentage, and says when there is no baseline', () => {
    const down = rule({ metric: 'conversionRate', comparison: 'dropVsBaseline', value: 0.2, severity: 'warn' });
    // 2.00% against 2.60%: −23.1%, past −20%; the line is 2.60% × 0.8 = 2.08%.
    expect(evaluateCustom(down, { value: 0.02, baseline: 0.026 })).toEqual({
      fired: true,
      severity: 'warn',
      threshold: 0.0208,
      direction: 'below',
    });
    // 2.10% against 2.60%: −19.2%, not yet.
    expect(evaluateCustom(down, { value: 0.021, baseline: 0.026 })).toMatchObject({ fired: false, reason: 'notMet' });
    // Exactly −20% counts (800 against 1,000), despite floating point.
    expect(evaluateCustom({ ...down, metric: 'visitors' }, { value: 800, baseline: 1000 })).toMatchObject({
      fired: true,
      threshold: 800,
    });
    // A rise is not a drop.
    expect(evaluateCustom(down, { value: 0.04, baseline: 0.026 })).toMatchObject({ fired: false, reason: 'notMet' });
    expect(evaluateCustom(down, { value: 0.001 })).toEqual({ fired: false, reason: 'noBaseline', condition: 'first' });
    expect(evaluateCustom(down, { value: 0.001, baseline: null })).toMatchObject({ reason: 'noBaseline' });
    expect(evaluateCustom(down, { value: 0.001, baseline: 0 })).toMatchObject({ reason: 'noBaseline' });

    const up = rule({ metric: 'bounceRate', comparison: 'riseVsBaseline', value: 0.5 });
    // 0.60 against 0.40 is +50%: the line is 0.40 × 1.5 = 0.60.
    expect(evaluateCustom(up, { value: 0.6, baseline: 0.4 })).toEqual({
      fired: true,
      severity: 'critical',
      threshold: 0.6,
      direction: 'above',
    });
    expect(evaluateCustom(up, { value: 0.59, baseline: 0.4 })).toMatchObject({ fired: false, reason: 'notMet' });
  });

  it('fires on sales under a share of the daily target, and says when there is no target', () => {
    const target = rule({ metric: 'sales', comparison: 'belowTarget', value: 1, severity: 'warn' });
    expect(evaluateCustom(target, { value: 8000, dailyTarget: 10000 })).toEqual({
      fired: true,
      severity: 'warn',
      threshold: 10000,
      direction: 'below',
    });
    expect(evaluateCustom(target, { value: 10000, dailyTarget: 10000 })).toMatchObject({ fired: false, reason: 'notMet' });
    // 90% of the target: 8,500 is under 9,000.
    expect(evaluateCustom({ ...target, value: 0.9 }, { value: 8500, dailyTarget: 10000 })).toMatchObject({ threshold: 9000 });
    expect(evaluateCustom(target, { value: 8000 })).toEqual({ fired: false, reason: 'noTarget', condition: 'first' });
    expect(evaluateCustom(target, { value: 8000, dailyTarget: null })).toMatchObject({ reason: 'noTarget' });
  });

  it('does nothing while switched off', () => {
    expect(evaluateCustom(rule({ enabled: false }), { value: 0.99 })).toEqual({
      fired: false,
      reason: 'disabled',
      condition: 'rule',
    });
  });
});

describe('custom rules: two conditions', () => {
  // Conversion down 20% against the same weekday AND more than 1,000 visitors (enough traffic to matter).
  const both = rule({
    metric: 'conversionRate',
    comparison: 'dropVsBaseline',
    value: 0.2,
    and: { metric: 'visitors', comparison: 'above', value: 1000 },
  });

  it('fires only when both hold, with the first condition’s line', () => {
    expect(evaluateCustom(both, { value: 0.02, baseline: 0.03, second: 3482 })).toEqual({
      fired: true,
      severity: 'critical',
      threshold: 0.024,
      direction: 'below',
    });
    expect(evaluateCustom(both, { value: 0.02, baseline: 0.03, second: 800 })).toEqual({
      fired: false,
      reason: 'notMet',
      condition: 'second',
    });
    expect(evaluateCustom(both, { value: 0.029, baseline: 0.03, second: 3482 })).toEqual({
      fired: false,
      reason: 'notMet',
      condition: 'first',
    });
  });

  it('says which input is missing', () => {
    expect(evaluateCustom(both, { value: 0.02, baseline: 0.03 })).toEqual({
      fired: false,
      reason: 'noValue',
      condition: 'second',
    });
    expect(evaluateCustom(both, { value: 0.02, second: 3482 })).toEqual({
      fired: false,
      reason: 'noBaseline',
      condition: 'first',
    });
    const secondVsBaseline = rule({ and: { metric: 'visitors', comparison: 'dropVsBaseline', value: 0.3 } });
    expect(evaluateCustom(secondVsBaseline, { value: 0.75, second: 500 })).toEqual({
      fired: false,
      reason: 'noBaseline',
      condition: 'second',
    });
    // 500 against 1,000 visitors: −50%, past −30%.
    expect(evaluateCustom(secondVsBaseline, { value: 0.75, second: 500, secondBaseline: 1000 })).toMatchObject({ fired: true });
  });
});

describe('custom rules: what they watch and what is sound', () => {
  it('watches the shop’s totals, or the rows of a traffic-source table in any back office’s words', () => {
    const bySource = rule({ metric: 'visitors', breakdown: 'source' });
    expect(watches(bySource, 'visitors', { dimension: '流量来源', key: '手淘搜索' })).toBe(true);
    expect(watches(bySource, 'visitors', { dimension: 'Session default channel group', key: 'Organic Search' })).toBe(true);
    expect(watches(bySource, 'visitors', { dimension: '商品名称', key: '羽绒服' })).toBe(false);
    expect(watches(bySource, 'visitors', undefined)).toBe(false);
    expect(watches(rule({ metric: 'visitors' }), 'visitors', undefined)).toBe(true);
    expect(watches(rule({ metric: 'visitors' }), 'visitors', { dimension: '流量来源', key: '直通车' })).toBe(false);
    expect(breakdownMatches('item', { dimension: '(Child) ASIN', key: 'B0X' })).toBe(true);
  });

  it('names what is wrong with a condition', () => {
    expect(conditionProblem({ metric: 'bounceRate', comparison: 'above', value: 0.7 })).toBeNull();
    expect(conditionProblem({ metric: 'nope' as never, comparison: 'above', value: 1 })).toBe('metric');
    expect(conditionProblem({ metric: 'visitors', comparison: 'sideways' as never, value: 1 })).toBe('comparison');
    expect(conditionProblem({ metric: 'visitors', comparison: 'belowTarget', value: 1 })).toBe('targetMetric');
    expect(conditionProblem({ metric: 'visitors', comparison: 'above', value: -1 })).toBe('value');
    expect(conditionProblem({ metric: 'visitors', comparison: 'above', value: Number.NaN })).toBe('value');
    expect(conditionProblem({ metric: 'visitors', comparison: 'dropVsBaseline', value: 1 })).toBe('value');
    expect(conditionProblem({ metric: 'visitors', comparison: 'dropVsBaseline', value: 0 })).toBe('value');
  });

  it('gives every template, and the blank rule, a sound condition that settings keep as it is', () => {
    expect(TEMPLATE_IDS).toEqual(['bounceHigh', 'depthLow', 'salesBelowTarget', 'conversionDown', 'visitorsDownBySource']);
    const starts = [...TEMPLATE_IDS.map((id) => [id, TEMPLATES[id]] as const), ['blank', BLANK_RULE] as const];
    for (const [id, start] of starts) {
      expect(conditionProblem(start), id).toBeNull();
      const rule: CustomRule = { ...start, id, name: id, enabled: true, scope: 'all', notify: false };
      expect(repairSettings({ version: 2, customRules: [rule] }), id).toMatchObject({
        notes: [],
        settings: { customRules: [rule] },
      });
    }
    expect(TEMPLATES.visitorsDownBySource).toMatchObject({ comparison: 'dropVsBaseline', value: 0.3, breakdown: 'source' });
    expect(TEMPLATES.conversionDown).toMatchObject({ comparison: 'dropVsBaseline', value: 0.2 });
  });
});
