import { describe, expect, it } from 'vitest';
import { periodChange, weeklyQuality, weightedMean, weightMetric } from '@/core/review/trends';
import type { DailyPoint } from '@/core/review/types';

const days = (start: string, values: number[]): DailyPoint[] =>
  values.map((value, i) => ({
    date: new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
    value,
  }));

describe('averages of rates weighted by their denominator', () => {
  it('names the weight of each rate', () => {
    expect(weightMetric('bounceRate')).toBe('visitors');
    expect(weightMetric('conversionRate')).toBe('visitors');
    expect(weightMetric('avgOrderValue')).toBe('paidBuyers');
    expect(weightMetric('sales')).toBeNull();
    expect(weightMetric('avgVisitDuration')).toBeNull();
  });

  it('bounce over two days by visitors (hand-checked)', () => {
    // Day 1: 1,000 visitors, 80% bounced (800); day 2: 3,000 visitors, 40% bounced (1,200).
    // 2,000 bounced of 4,000 visitors = 50%, where the plain mean of the days says 60%.
    const bounce = days('2026-11-02', [0.8, 0.4]);
    const visitors = days('2026-11-02', [1000, 3000]);
    expect(weightedMean(bounce, visitors)).toBeCloseTo(0.5, 12);
    expect(weightedMean(bounce)).toBeCloseTo(0.6, 12);
  });

  it('AOV over three days by buyers (hand-checked)', () => {
    // 10 buyers at ¥100, 30 at ¥200, 60 at ¥50: (1,000 + 6,000 + 3,000) ÷ 100 buyers = ¥100.
    expect(weightedMean(days('2026-11-02', [100, 200, 50]), days('2026-11-02', [10, 30, 60]))).toBeCloseTo(100, 12);
  });

  it('falls back to the plain mean when a day’s weight was not read', () => {
    expect(weightedMean(days('2026-11-02', [0.8, 0.4]), days('2026-11-02', [1000]))).toBeCloseTo(0.6, 12);
    expect(weightedMean([], [])).toBeNull();
  });

  it('week over week of conversion by visitors (hand-checked)', () => {
    // Week before (Nov 16–22): 7 days of 1,000 visitors at 2% = 140 buyers of 7,000: 2%.
    // Last week (Nov 23–29): 6 days of 1,000 at 2% and one of 8,000 at 5% = 120 + 400 = 520 of 14,000 = 3.714…%.
    // A rate's change is in points: 3.7142857% − 2% = +1.714… points. The plain day mean (2.4286%) would say +0.43.
    const conversion = days('2026-11-16', [...Array(7).fill(0.02), ...Array(6).fill(0.02), 0.05]);
    const visitors = days('2026-11-16', [...Array(13).fill(1000), 8000]);
    expect(periodChange(conversion, 'conversionRate', '2026-11-30', 7, visitors)).toBeCloseTo(520 / 14000 - 0.02, 12);
    expect(periodChange(conversion, 'conversionRate', '2026-11-30', 7)).toBeCloseTo(0.17 / 7 - 0.02, 12);
  });

  it('month over month of AOV by buyers (hand-checked)', () => {
    // 60 days: the first 30 at ¥100 with 10 buyers each; the last 30: 29 days at ¥100 with 10 buyers
    // and one day at ¥400 with 90 buyers. Last month: (29 × 1,000 + 36,000) ÷ 380 = ¥171.05…; change 71.05…%.
    const aov = days('2026-10-01', [...Array(59).fill(100), 400]);
    const buyers = days('2026-10-01', [...Array(59).fill(10), 90]);
    expect(periodChange(aov, 'avgOrderValue', '2026-11-30', 30, buyers)).toBeCloseTo(65000 / 380 / 100 - 1, 12);
  });

  it('weekly page quality weighs each day by its visitors', () => {
    // Week of Monday Nov 23, seven closed days: six of 100 visitors at 80% bounce, one of 1,400 at 30%.
    // (6 × 80 + 420) ÷ 2,000 = 45%: excellent, where the day mean (72.9%) would fail.
    const bounce = days('2026-11-23', [0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.3]);
    const visitors = days('2026-11-23', [100, 100, 100, 100, 100, 100, 1400]);
    const [week] = weeklyQuality(bounce, [], '2026-11-30', 1, visitors);
    expect(week!.bounceRate).toBeCloseTo(0.45, 12);
    expect(week!.bounceLevel).toBe('excellent');
  });
});
