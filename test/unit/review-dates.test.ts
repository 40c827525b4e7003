import { afterAll, describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayNumber,
  daysBetween,
  daysInMonth,
  monthDays,
  mondayOf,
  monthOf,
  weekdayIndex,
} from '@/core/review/dates';

const ORIGINAL_TZ = process.env.TZ;
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

// Time zones whose clocks change in March (New York on the 8th, Berlin on the 29th, 2026) or April
// (Auckland), and one far from UTC without any change.
describe.each(['America/New_York', 'Europe/Berlin', 'Pacific/Auckland', 'Asia/Shanghai'])('calendar days in %s', (tz) => {
  it('really runs in that zone', () => {
    process.env.TZ = tz;
    const offset = new Date(2026, 0, 15).getTimezoneOffset();
    const expected = { 'America/New_York': 300, 'Europe/Berlin': -60, 'Pacific/Auckland': -780, 'Asia/Shanghai': -480 }[tz];
    expect(offset).toBe(expected);
  });

  it('walks a DST-change week one calendar day at a time', () => {
    process.env.TZ = tz;
    // 2026-03-08 (US change) and 2026-03-29 (EU change) are Sundays.
    const week = Array.from({ length: 8 }, (_, i) => addDays('2026-03-02', i));
    expect(week).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
    ]);
    expect(week.map(weekdayIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 0]);
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-29')).toBe('2026-03-23');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(daysBetween('2026-03-23', '2026-03-30')).toBe(7);
    expect(addDays('2026-04-06', -7)).toBe('2026-03-30');
  });

  it('counts the days of months, leap Februaries included', () => {
    process.env.TZ = tz;
    expect(daysInMonth('2026-01')).toBe(31);
    expect(daysInMonth('2026-04')).toBe(30);
    expect(daysInMonth('2026-02')).toBe(28);
    expect(daysInMonth('2028-02')).toBe(29);
    expect(daysInMonth('2000-02')).toBe(29);
    expect(daysInMonth('2100-02')).toBe(28);
    expect(monthDays('2028-02').at(-1)).toBe('2028-02-29');
    expect(monthDays('2026-03')).toHaveLength(31);
    expect(monthDays('2026-03')[0]).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});

describe('calendar strings', () => {
  it('knows the weekday of known days (0 = Monday)', () => {
    expect(weekdayIndex('2026-11-23')).toBe(0);
    expect(weekdayIndex('2026-01-01')).toBe(3);
    expect(weekdayIndex('2028-02-29')).toBe(1);
    expect(weekdayIndex('1969-12-31')).toBe(2);
  });

  it('steps months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-11', -12)).toBe('2025-11');
    expect(addMonths('2026-03', -14)).toBe('2025-01');
    expect(monthOf('2026-11-26')).toBe('2026-11');
  });

  it.each(['2026-02-30', '2026-2-3', '26-01-01', '2026-13-01', '', '2026-01-01T00:00'])('refuses %j as a date', (bad) => {
    expect(() => dayNumber(bad)).toThrow(/date|day/);
  });

  it.each(['2026-13', '2026-00', '2026-1', 'x'])('refuses %j as a month', (bad) => {
    expect(() => daysInMonth(bad)).toThrow(/month/);
  });
});
