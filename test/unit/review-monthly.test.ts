import { describe, expect, it } from 'vitest';
import { monthRows } from '@/core/review/monthly';
import { addDays, daysBetween } from '@/core/review/dates';
import type { DailyPoint, MonthTarget } from '@/core/review/types';

/** Every day from `from` up to and including `to`. */
function daily(from: string, to: string, value: (date: string) => number): DailyPoint[] {
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => {
    const date = addDays(from, i);
    return { date, value: value(date) };
  });
}

const target = (month: string, amount: number): MonthTarget => ({ site: 'sycm', store: 's', month, amount, split: 'even' });

describe('monthly review', () => {
  // 100 a day through 2025, 120 a day in 2026, today (25 November 2026, running) included.
  const sales = daily('2025-01-01', '2026-11-25', (d) => (d < '2026' ? 100 : 120));
  const targets = [
    target('2026-11', 4000),
    target('2026-10', 4000),
    target('2026-09', 3000),
    { ...target('2026-08', 1), amount: -1 },
  ];
  const rows = monthRows(sales, targets, '2026-11-25');

  it('lists twelve months, newest first', () => {
    expect(rows.map((r) => r.month)).toEqual([
      '2026-11',
      '2026-10',
      '2026-09',
      '2026-08',
      '2026-07',
      '2026-06',
      '2026-05',
      '2026-04',
      '2026-03',
      '2026-02',
      '2026-01',
      '2025-12',
    ]);
    expect(monthRows(sales, targets, '2026-11-25', 3)).toHaveLength(3);
  });

  it('reads the running month to date, against the same days a year before', () => {
    // 1–24 November: 24 × 120 = 2880 of 4000 (72%); 1–24 November 2025: 24 × 100 = 2400 → +20%.
    expect(rows[0]).toMatchObject({
      month: '2026-11',
      target: 4000,
      actual: 2880,
      lastYear: 2400,
      daysWithData: 24,
      missed: null,
    });
    expect(rows[0]?.completion).toBeCloseTo(0.72, 12);
    expect(rows[0]?.growth).toBeCloseTo(0.2, 12);
  });

  it('says which closed months missed their target', () => {
    // October: 31 × 120 = 3720 < 4000 → missed (93%); September: 30 × 120 = 3600 ≥ 3000 → not missed.
    expect(rows[1]).toMatchObject({ actual: 3720, lastYear: 3100, missed: true, daysWithData: 31 });
    expect(rows[1]?.completion).toBeCloseTo(0.93, 12);
    expect(rows[2]).toMatchObject({ actual: 3600, target: 3000, missed: false, completion: 1.2 });
  });

  it('has no target, completion or verdict without a valid target', () => {
    // August's target of −1 cannot be used.
    expect(rows[3]).toMatchObject({ month: '2026-08', target: null, completion: null, missed: null, actual: 3720 });
  });

  it('has no growth when last year was not read', () => {
    expect(rows[11]).toMatchObject({ month: '2025-12', actual: 3100, lastYear: null, growth: null });
  });

  it('lists a month with nothing read as 0 days, judging nothing', () => {
    const [row] = monthRows([], [target('2026-11', 4000)], '2026-12-02', 2).slice(1);
    expect(row).toMatchObject({
      month: '2026-11',
      actual: 0,
      daysWithData: 0,
      target: 4000,
      completion: null,
      missed: null,
      lastYear: null,
    });
  });

  it('compares a leap February with the 28 days of the February before', () => {
    const ones = daily('2027-01-01', '2028-03-09', () => 1);
    const feb = monthRows(ones, [], '2028-03-10', 2)[1];
    expect(feb).toMatchObject({ month: '2028-02', actual: 29, lastYear: 28, daysWithData: 29 });
    // And a running 29 February against 28 February the year before (1–28 February 2027).
    const running = monthRows(ones, [], '2028-02-29', 1)[0];
    expect(running).toMatchObject({ month: '2028-02', actual: 28, lastYear: 28, growth: 0 });
  });
});
