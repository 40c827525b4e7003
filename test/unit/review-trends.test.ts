import { describe, expect, it } from 'vitest';
import { aggregation, bounceLevel, depthLevel, periodChange, trendView, weeklyQuality } from '@/core/review/trends';
import { addDays } from '@/core/review/dates';
import { METRICS } from '@/core/metrics';
import { DEFAULT_RULES } from '@/core/rules';
import type { DailyPoint, MonthTarget } from '@/core/review/types';

const TODAY = '2026-11-25';

/** `n` days ending yesterday (the day before TODAY), value by index from the oldest. */
function lastDays(n: number, value: (i: number, date: string) => number, today = TODAY): DailyPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const date = addDays(today, i - n);
    return { date, value: value(i, date) };
  });
}

describe('how days add up', () => {
  it('sums counts and money, averages rates, ratios, durations and the order value', () => {
    expect(aggregation('visitors')).toBe('sum');
    expect(aggregation('sales')).toBe('sum');
    expect(aggregation('orders')).toBe('sum');
    expect(aggregation('avgOrderValue')).toBe('mean');
    expect(aggregation('conversionRate')).toBe('mean');
    expect(aggregation('pagesPerVisit')).toBe('mean');
    expect(aggregation('avgVisitDuration')).toBe('mean');
    for (const m of METRICS) {
      const summed = (m.unit === 'count' || m.unit === 'money') && m.id !== 'avgOrderValue';
      expect(aggregation(m.id)).toBe(summed ? 'sum' : 'mean');
    }
  });
});

describe('week over week and month over month', () => {
  // 14 days: 1000 visitors a day for the week 11–17 November, 1100 a day for 18–24 November.
  const visitors = lastDays(14, (i) => (i < 7 ? 1000 : 1100));

  it('compares totals of full weeks', () => {
    // 7700 ÷ 7000 − 1 = +10%.
    expect(periodChange(visitors, 'visitors', TODAY, 7)).toBeCloseTo(0.1, 12);
  });

  it('compares daily averages when days are missing, not a short total', () => {
    // Two days of the last week not read: the total 5500 would read −21%; 1100 a day against 1000 is +10%.
    const gaps = visitors.filter((p) => p.date !== '2026-11-20' && p.date !== '2026-11-22');
    expect(periodChange(gaps, 'visitors', TODAY, 7)).toBeCloseTo(0.1, 12);
    // Four of seven days missing in the week before: too little to compare.
    const thin = visitors.filter((_, i) => i >= 4);
    expect(periodChange(thin, 'visitors', TODAY, 7)).toBeNull();
  });

  it('averages rates and gives their change in points, not as a ratio of rates', () => {
    // Bounce 50% a day, then 60% a day: up 10 points (0.1), never "+20%".
    const bounce = lastDays(14, (i) => (i < 7 ? 0.5 : 0.6));
    expect(periodChange(bounce, 'bounceRate', TODAY, 7)).toBeCloseTo(0.1, 12);
    // Conversion 3.10% then 2.85%: down 0.25 points.
    const conversion = lastDays(14, (i) => (i < 7 ? 0.031 : 0.0285));
    expect(periodChange(conversion, 'conversionRate', TODAY, 7)).toBeCloseTo(-0.0025, 12);
    // A ratio (pages per visit) stays a relative change: 2 then 2.5 is +25%.
    expect(
      periodChange(
        lastDays(14, (i) => (i < 7 ? 2 : 2.5)),
        'pagesPerVisit',
        TODAY,
        7,
      ),
    ).toBeCloseTo(0.25, 12);
  });

  it('leaves today out and compares 30 days with the 30 before', () => {
    // 30 days of 2000 then 30 of 1800: −10%; today's running 1 does not count.
    const sales = [...lastDays(60, (i) => (i < 30 ? 2000 : 1800)), { date: TODAY, value: 1 }];
    expect(periodChange(sales, 'sales', TODAY, 30)).toBeCloseTo(-0.1, 12);
    expect(periodChange(sales, 'sales', TODAY, 7)).toBe(0);
  });

  it('has no change against nothing', () => {
    expect(
      periodChange(
        lastDays(14, (i) => (i < 7 ? 0 : 5)),
        'orders',
        TODAY,
        7,
      ),
    ).toBeNull();
    expect(periodChange([], 'orders', TODAY, 7)).toBeNull();
  });
});

describe('trend view', () => {
  const sales = [...lastDays(90, (i) => 1000 + i), { date: TODAY, value: 5 }];
  const october: MonthTarget = { site: 'sycm', store: 's', month: '2026-10', amount: 31000, split: 'even' };
  const november: MonthTarget = { ...october, month: '2026-11', amount: 60000 };

  it('keeps the closed days of the window, oldest first, with the target line across months', () => {
    const v = trendView({
      site: 'sycm',
      store: 's',
      metric: 'sales',
      currency: 'CNY',
      days: 30,
      today: TODAY,
      points: sales,
      targets: [november, october],
    });
    expect(v.points).toHaveLength(30);
    expect(v.points[0]).toEqual({ date: '2026-10-26', value: 1060 });
    expect(v.points.at(-1)).toEqual({ date: '2026-11-24', value: 1089 });
    // 26–31 October at 31,000 ÷ 31 = 1000, then 1–24 November at 60,000 ÷ 30 = 2000.
    expect(v.target).toHaveLength(30);
    expect(v.target?.slice(0, 6).every((p) => p.value === 1000)).toBe(true);
    expect(v.target?.[6]).toEqual({ date: '2026-11-01', value: 2000 });
    expect(v.currency).toBe('CNY');
    // Last 7 days 1083…1089 (sum 7602) against 1076…1082 (sum 7553).
    expect(v.weekOverWeek).toBeCloseTo(7602 / 7553 - 1, 12);
    expect(v.band).toBeUndefined();
  });

  it('draws the rule band and no target line for other metrics, and cuts peers to the window', () => {
    const rule = DEFAULT_RULES.find((r) => r.metric === 'bounceRate')!;
    const bounce = lastDays(20, () => 0.55);
    const v = trendView({
      site: 'sycm',
      store: 's',
      metric: 'bounceRate',
      days: 7,
      today: TODAY,
      points: bounce,
      rule,
      targets: [november],
      peers: [{ peer: '同行A', points: lastDays(20, () => 0.5) }],
    });
    expect(v.points).toHaveLength(7);
    expect(v.band).toEqual({ direction: 'above', warn: 0.6, critical: 0.7 });
    expect(v.target).toBeUndefined();
    expect(v.peers?.[0]?.points).toHaveLength(7);
    expect(v.weekOverWeek).toBe(0);
    expect(v.monthOverMonth).toBeNull();
  });
});

describe('weekly page quality', () => {
  it.each([
    [0.75, 'fail'],
    [0.7, 'fail'],
    [0.6999, 'pass'],
    [0.6, 'pass'],
    [0.5999, 'good'],
    [0.5, 'good'],
    [0.4999, 'excellent'],
  ])('bounce %s is %s', (v, level) => expect(bounceLevel(v)).toBe(level));

  it.each([
    [2.4999, 'fail'],
    [2.5, 'pass'],
    [3.5, 'pass'],
    [3.51, 'good'],
    [4.0, 'good'],
    [4.01, 'excellent'],
  ])('depth %s is %s', (v, level) => expect(depthLevel(v)).toBe(level));

  it('averages Monday weeks, oldest first, ending with the week of the last closed day', () => {
    // Weeks of 2, 9, 16 and 23 November; nothing read the week of the 9th; today (the 25th) not closed.
    const bounce = [
      ...lastDays(7, () => 0.72, '2026-11-09'), // 2–8 Nov
      ...lastDays(7, (i) => (i % 2 ? 0.5 : 0.6), '2026-11-23'), // 16–22 Nov: 0.6, 0.5, 0.6, 0.5, 0.6, 0.5, 0.6
      { date: '2026-11-23', value: 0.4 },
      { date: '2026-11-24', value: 0.44 },
      { date: TODAY, value: 0.99 },
    ];
    const depth = [
      { date: '2026-11-03', value: 2.2 },
      { date: '2026-11-17', value: 3.8 },
      { date: '2026-11-24', value: 4.5 },
    ];
    const q = weeklyQuality(bounce, depth, TODAY, 4);
    expect(q.map((w) => w.week)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(q[0]?.bounceRate).toBeCloseTo(0.72, 12);
    expect(q[0]).toMatchObject({ bounceLevel: 'fail', pagesPerVisit: 2.2, depthLevel: 'fail' });
    expect(q[1]).toEqual({ week: '2026-11-09', bounceRate: null, pagesPerVisit: null, bounceLevel: null, depthLevel: null });
    // (4 × 0.6 + 3 × 0.5) ÷ 7 = 0.557 → good.
    expect(q[2]?.bounceRate).toBeCloseTo(3.9 / 7, 12);
    expect(q[2]).toMatchObject({ bounceLevel: 'good', depthLevel: 'good' });
    // 0.4 and 0.44 (today's 0.99 left out) → 0.42, excellent.
    expect(q[3]?.bounceRate).toBeCloseTo(0.42, 12);
    expect(q[3]).toMatchObject({ bounceLevel: 'excellent', depthLevel: 'excellent' });
  });

  it('keeps a week whole across a DST change', () => {
    // Europe's clocks change on Sunday 29 March 2026; the week of the 23rd has seven days read.
    const bounce = lastDays(7, () => 0.65, '2026-03-30');
    const [week] = weeklyQuality(bounce, [], '2026-03-31', 1);
    expect(week).toMatchObject({ week: '2026-03-30', bounceRate: null });
    const [prev] = weeklyQuality(bounce, [], '2026-03-30', 1);
    expect(prev).toMatchObject({ week: '2026-03-23', bounceRate: 0.65, bounceLevel: 'pass' });
  });
});
