import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dailyTargets, monthPacing, validateTarget } from '@/core/review/target-split';
import { monthDays } from '@/core/review/dates';
import type { DailyPoint, MonthTarget } from '@/core/review/types';

const shop = { site: 'sycm', store: '小雨的旗舰店' };
const target = (over: Partial<MonthTarget>): MonthTarget => ({
  ...shop,
  month: '2026-11',
  amount: 30000,
  split: 'even',
  ...over,
});
const codes = (t: MonthTarget) => validateTarget(t).map((p) => p.code);

describe('daily targets', () => {
  it('splits evenly over a 31-day month and a leap February', () => {
    const jan = dailyTargets(target({ month: '2026-01', amount: 31000 }));
    expect(jan.size).toBe(31);
    expect(jan.get('2026-01-31')).toBe(1000);
    const feb = dailyTargets(target({ month: '2028-02', amount: 29000 }));
    expect(feb.size).toBe(29);
    expect(feb.get('2028-02-29')).toBe(1000);
  });

  it('weights weekdays over the month it is in', () => {
    // November 2026 starts on a Sunday: 5 Mondays, 5 Sundays, 4 of every other day.
    // Weights Mon…Sun 1,1,1,1,1,2,2 → 5·1 + 16·1 (Tue–Fri) + 4·2 (Sat) + 5·2 (Sun) = 39 parts of 1000.
    const t = dailyTargets(target({ amount: 39000, split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 2, 2] }));
    expect(t.get('2026-11-02')).toBeCloseTo(1000, 9); // Monday
    expect(t.get('2026-11-06')).toBeCloseTo(1000, 9); // Friday
    expect(t.get('2026-11-07')).toBeCloseTo(2000, 9); // Saturday
    expect(t.get('2026-11-29')).toBeCloseTo(2000, 9); // Sunday
  });

  it('takes a plan as given, days left out planning nothing', () => {
    const t = dailyTargets(target({ amount: 3000, split: 'plan', plan: { '2026-11-01': 1000, '2026-11-11': 2000 } }));
    expect(t.size).toBe(30);
    expect(t.get('2026-11-11')).toBe(2000);
    expect(t.get('2026-11-02')).toBe(0);
  });

  it('throws every reason for a target that cannot be split', () => {
    expect(() => dailyTargets(target({ amount: -5, split: 'weekday', weekdayWeights: [0, 0, 0, 0, 0, 0, 0] }))).toThrow(
      /amount -5 must be a number above 0; all seven weights are 0/,
    );
  });

  it('adds up to the month for even and weekday splits (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0.01, max: 1e10, noNaN: true }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 7, maxLength: 7 }).filter((w) => w.some((x) => x > 0)),
        fc.boolean(),
        (year, m, amount, weights, weekday) => {
          const month = `${year}-${String(m).padStart(2, '0')}`;
          const t = target(weekday ? { month, amount, split: 'weekday', weekdayWeights: weights } : { month, amount });
          const dailies = dailyTargets(t);
          expect([...dailies.keys()]).toEqual(monthDays(month));
          const total = [...dailies.values()].reduce((a, b) => a + b, 0);
          expect(Math.abs(total - amount)).toBeLessThanOrEqual(amount * 1e-12);
          for (const v of dailies.values()) expect(v).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('validateTarget', () => {
  it('accepts good targets of each split', () => {
    expect(codes(target({}))).toEqual([]);
    expect(codes(target({ split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 0, 0] }))).toEqual([]);
    expect(codes(target({ amount: 300, split: 'plan', plan: { '2026-11-30': 299.995 } }))).toEqual([]);
  });

  it.each<[string, Partial<MonthTarget>, string[]]>([
    ['a negative amount', { amount: -1 }, ['amountNotPositive']],
    ['a zero amount', { amount: 0 }, ['amountNotPositive']],
    ['NaN', { amount: Number.NaN }, ['amountNotPositive']],
    ['a bad month', { month: '2026-13' }, ['badMonth']],
    ['no weights', { split: 'weekday' }, ['weightsMissing']],
    ['six weights', { split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 1] }, ['weightsNotSeven']],
    ['a negative weight', { split: 'weekday', weekdayWeights: [1, -1, 1, 1, 1, 1, 1] }, ['weightNegative']],
    ['all weights zero', { split: 'weekday', weekdayWeights: [0, 0, 0, 0, 0, 0, 0] }, ['weightsAllZero']],
    ['no plan', { split: 'plan' }, ['planMissing']],
    ['a plan day in December', { split: 'plan', plan: { '2026-12-01': 30000 } }, ['planDateOutsideMonth']],
    ['a plan day that does not exist', { split: 'plan', plan: { '2026-11-31': 30000 } }, ['planDateInvalid']],
    ['a negative plan day', { split: 'plan', plan: { '2026-11-01': 30001, '2026-11-02': -1 } }, ['planAmountNegative']],
    ['a plan short of the amount', { split: 'plan', plan: { '2026-11-01': 20000 } }, ['planTotalDiffers']],
  ])('names %s', (_, over, expected) => {
    expect(codes(target(over))).toEqual(expected);
  });

  it('says where the problem is', () => {
    const [p] = validateTarget(target({ split: 'plan', plan: { '2026-12-01': 30000 } }));
    expect(p).toMatchObject({ at: '2026-12-01', reason: '2026-12-01 is not in 2026-11' });
  });
});

describe('month pacing', () => {
  // 30,000 in November split evenly: 1,000 a day.
  const t = target({});
  const sales: DailyPoint[] = Array.from({ length: 10 }, (_, i) => ({
    date: `2026-11-${String(i + 1).padStart(2, '0')}`,
    value: 880,
  }));

  it('reads "12% behind plan" on the 11th', () => {
    // Ten closed days (1st–10th) plan 10,000; 10 × 880 = 8,800 sold → 8,800 ÷ 10,000 − 1 = −0.12.
    const p = monthPacing(t, sales, '2026-11-11');
    expect(p).toMatchObject({ month: '2026-11', target: 30000, actual: 8800, planToDate: 10000, daysElapsed: 10 });
    expect(p.pace).toBeCloseTo(-0.12, 12);
    expect(p.completion).toBeCloseTo(8800 / 30000, 12);
    expect(p.daysWithData).toBe(10);
  });

  it('counts only closed days of the month, and days not read as planned but not sold', () => {
    const withToday = [...sales, { date: '2026-11-05', value: 880 }, { date: '2026-10-31', value: 5000 }];
    // Today (the 5th) is still running: closed days are the 1st–4th, 4 × 880 = 3,520 of 4,000.
    const p = monthPacing(t, withToday, '2026-11-05');
    expect(p).toMatchObject({ actual: 3520, planToDate: 4000, daysElapsed: 4, daysWithData: 4 });
    const gap = monthPacing(t, sales.slice(1), '2026-11-03');
    expect(gap).toMatchObject({ actual: 880, planToDate: 2000, daysElapsed: 2, daysWithData: 1 });
  });

  it('has no pace before the month starts or when the days so far plan nothing', () => {
    expect(monthPacing(t, [], '2026-11-01')).toMatchObject({ pace: null, planToDate: 0, daysElapsed: 0, completion: 0 });
    const weekendOff = target({ split: 'weekday', weekdayWeights: [1, 1, 1, 1, 1, 1, 0] });
    // 1 November 2026 is a Sunday with weight 0.
    expect(monthPacing(weekendOff, [{ date: '2026-11-01', value: 50 }], '2026-11-02').pace).toBeNull();
  });

  it('covers the whole month once it is over', () => {
    const p = monthPacing(t, sales, '2026-12-05');
    expect(p).toMatchObject({ daysElapsed: 30, planToDate: 30000, actual: 8800 });
  });
});
