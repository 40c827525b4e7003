import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, evaluate } from '@/core/rules';
import { FIXES } from '@/core/fixes';
import { MESSAGES } from '@/core/i18n';

describe('default rules (README, "Rules and platform profiles")', () => {
  it.each([
    [0.7231, 'critical', 0.7],
    [0.7, 'critical', 0.7],
    [0.6999, 'warn', 0.6],
    [0.65, 'warn', 0.6],
    [0.6, 'warn', 0.6],
    [0.5999, null, null],
    [0.452, null, null],
  ])('bounce rate %s → %s', (value, severity, threshold) => {
    const v = evaluate('bounceRate', value);
    expect(v?.severity ?? null).toBe(severity);
    expect(v?.threshold ?? null).toBe(threshold);
  });

  it.each([
    [2.1, 'critical'],
    [2.4999, 'critical'],
    [2.5, 'warn'],
    [3.0, 'warn'],
    [3.5, 'warn'],
    [3.51, null],
    [4.2, null],
  ])('pages per visit %s → %s', (value, severity) => {
    expect(evaluate('pagesPerVisit', value)?.severity ?? null).toBe(severity);
  });

  it('leaves metrics without a rule alone, and never judges NaN', () => {
    expect(evaluate('visitors', 1)).toBeNull();
    expect(evaluate('bounceRate', Number.NaN)).toBeNull();
  });

  it('has a well-formed table: unique ids, warn on the good side of critical, a fix with text', () => {
    const ids = DEFAULT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of DEFAULT_RULES) {
      if (rule.direction === 'above') expect(rule.warn).toBeLessThan(rule.critical);
      else expect(rule.warn).toBeGreaterThan(rule.critical);
      const fix = FIXES[rule.fix];
      for (const key of [fix.summary, ...fix.steps]) {
        for (const table of Object.values(MESSAGES)) expect(table[key].length).toBeGreaterThan(0);
      }
    }
  });
});
