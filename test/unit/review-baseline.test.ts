import { describe, expect, it } from 'vitest';
import { sameWeekdayBaseline, sustainedGap } from '@/core/review/baseline';
import { addDays } from '@/core/review/dates';
import type { DailyPoint } from '@/core/review/types';

/** Every day from `from` for `n` days at `value`, then `over` on the days it names. */
function days(from: string, n: number, value: number, over: Record<string, number> = {}): DailyPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const date = addDays(from, i);
    return { date, value: over[date] ?? value };
  });
}

describe('same-weekday baseline', () => {
  // 2026-11-23 is a Monday; the Mondays before are the 16th, 9th, 2nd and 26 October.
  const mondays: DailyPoint[] = [
    { date: '2026-11-02', value: 100 },
    { date: '2026-11-09', value: 300 },
    { date: '2026-11-16', value: 200 },
    { date: '2026-11-22', value: 9999 }, // a Sunday: never a Monday's baseline
    { date: '2026-11-23', value: 50 }, // the day itself is not its own baseline
  ];

  it('is the median of the same weekday in the past weeks read', () => {
    // Mondays read: 200, 300, 100 (26 October not read) → median 200, on 3 weeks.
    expect(sameWeekdayBaseline(mondays, '2026-11-23')).toEqual({ value: 200, weeks: 3 });
  });

  it('looks back only as many weeks as asked, and averages the middle two of an even count', () => {
    // Two weeks back: 200 and 300 → 250.
    expect(sameWeekdayBaseline(mondays, '2026-11-23', 2)).toEqual({ value: 250, weeks: 2 });
  });

  it('needs two days, and skips values that are no reading', () => {
    expect(sameWeekdayBaseline(mondays, '2026-11-23', 1)).toBeNull();
    expect(
      sameWeekdayBaseline(
        [
          { date: '2026-11-16', value: 200 },
          { date: '2026-11-09', value: Number.NaN },
        ],
        '2026-11-23',
      ),
    ).toBeNull();
    expect(sameWeekdayBaseline([], '2026-11-23')).toBeNull();
  });

  it('is not moved by one promotion day', () => {
    const withPromo = [...mondays, { date: '2026-10-26', value: 5000 }];
    // 100, 200, 300, 5000 → median 250 (a mean would say 1400).
    expect(sameWeekdayBaseline(withPromo, '2026-11-23')).toEqual({ value: 250, weeks: 4 });
  });

  it('steps over the week clocks change (Europe, 29 March 2026)', () => {
    const points = [
      { date: '2026-03-23', value: 120 },
      { date: '2026-03-16', value: 100 },
      { date: '2026-03-09', value: 110 },
    ];
    expect(sameWeekdayBaseline(points, '2026-03-30')).toEqual({ value: 110, weeks: 3 });
  });
});

describe('sustained gap', () => {
  // Five weeks of 1000 a day from Monday 19 October; reviewed day Tuesday 24 November.
  const steady = (over: Record<string, number>) => days('2026-10-19', 37, 1000, over);

  it('holds when two consecutive days each fell 10% or more below their own weekday', () => {
    // Mon 23rd: 880 (−12%), Tue 24th: 900 (−10%, exactly the line).
    expect(sustainedGap(steady({ '2026-11-23': 880, '2026-11-24': 900 }), '2026-11-24')).toBe(true);
  });

  it('is not one noisy day', () => {
    expect(sustainedGap(steady({ '2026-11-24': 500 }), '2026-11-24')).toBe(false);
    expect(sustainedGap(steady({ '2026-11-24': 500 }), '2026-11-24', { days: 1 })).toBe(true);
  });

  it('does not hold over a day not read or a gap under the line', () => {
    const missing = steady({ '2026-11-24': 800 }).filter((p) => p.date !== '2026-11-23');
    expect(sustainedGap(missing, '2026-11-24')).toBe(false);
    expect(sustainedGap(steady({ '2026-11-23': 910, '2026-11-24': 800 }), '2026-11-24')).toBe(false);
    expect(sustainedGap(steady({ '2026-11-23': 850, '2026-11-24': 800 }), '2026-11-24', { minDrop: 0.2 })).toBe(false);
  });

  it('compares each day with its own weekday, not with the day before', () => {
    // Weekends sell 2000, weekdays 1000. Sunday 22nd at 1700 is −15% against past Sundays, Monday 23rd
    // at 850 is −15% against past Mondays (against Sunday it would look like a −50% crash).
    const points = days('2026-10-19', 36, 1000).map((p) => {
      const d = new Date(`${p.date}T00:00:00Z`).getUTCDay();
      return { ...p, value: d === 0 || d === 6 ? 2000 : 1000 };
    });
    const fell = points.map((p) =>
      p.date === '2026-11-22' ? { ...p, value: 1700 } : p.date === '2026-11-23' ? { ...p, value: 850 } : p,
    );
    expect(sustainedGap(fell, '2026-11-23')).toBe(true);
    expect(sustainedGap(points, '2026-11-23')).toBe(false);
  });

  it('reads a rise as the gap for a metric where lower is better', () => {
    const bounce = days('2026-10-19', 37, 0.5, { '2026-11-23': 0.56, '2026-11-24': 0.6 });
    expect(sustainedGap(bounce, '2026-11-24', { better: 'down' })).toBe(true);
    expect(sustainedGap(bounce, '2026-11-24')).toBe(false);
  });

  it('needs a baseline for every day of the run', () => {
    expect(sustainedGap(days('2026-11-09', 16, 1000, { '2026-11-23': 10, '2026-11-24': 10 }), '2026-11-24')).toBe(true);
    expect(sustainedGap(days('2026-11-16', 9, 1000, { '2026-11-23': 10, '2026-11-24': 10 }), '2026-11-24')).toBe(false);
  });
});
