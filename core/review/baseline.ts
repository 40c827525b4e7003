import { addDays } from './dates';
import { byDate, median } from './series';
import type { DailyPoint, IsoDate } from './types';

/**
 * Baselines that respect the week: a Monday is compared with past Mondays, never with a Sunday.
 */

export interface Baseline {
  /** Median of the same weekday in the past weeks that have a reading. */
  value: number;
  /** How many of those days it stands on. */
  weeks: number;
}

/**
 * The same weekday in each of the `weeks` weeks before `date` (date − 7, date − 14, …); weeks without
 * a reading are skipped, not looked for further back, so the baseline stays recent. The median, not
 * the mean, so one holiday or one promotion day in those weeks does not move it. Null with fewer than
 * two days: one past day is an anecdote, not a baseline.
 */
export function sameWeekdayBaseline(
  points: readonly DailyPoint[] | ReadonlyMap<IsoDate, number>,
  date: IsoDate,
  weeks = 4,
): Baseline | null {
  const read = points instanceof Map ? points : byDate(points as readonly DailyPoint[]);
  const values: number[] = [];
  for (let k = 1; k <= weeks; k++) {
    const v = read.get(addDays(date, -7 * k));
    if (v !== undefined && Number.isFinite(v)) values.push(v);
  }
  const value = median(values);
  return value !== null && values.length >= 2 ? { value, weeks: values.length } : null;
}

export interface GapOptions {
  /** How many consecutive closed days, ending at the date, the gap must hold on. Default 2. */
  days?: number;
  /** The least relative gap against the baseline that counts (0.1 = 10%). Default 0.1. */
  minDrop?: number;
  /** Which way is better for the metric: a gap is a fall for `up` (sales), a rise for `down` (bounce). */
  better?: 'up' | 'down';
  /** Weeks each day's baseline looks back. Default 4. */
  weeks?: number;
}

/**
 * Whether a gap is sustained: on each of `days` consecutive calendar days ending at `date`, the day was
 * read and fell at least `minDrop` below its own same-weekday baseline (a Tuesday against past
 * Tuesdays, the Monday before against past Mondays). One noisy day is not a trend, so a single bad
 * day, a day in the run without a reading, or a day without a baseline all answer false: an alert
 * waits until the numbers show the gap held, rather than fire on what it cannot see.
 */
export function sustainedGap(points: readonly DailyPoint[], date: IsoDate, opts: GapOptions = {}): boolean {
  const { days = 2, minDrop = 0.1, better = 'up', weeks = 4 } = opts;
  const read = byDate(points);
  for (let i = 0; i < days; i++) {
    const day = addDays(date, -i);
    const value = read.get(day);
    const base = sameWeekdayBaseline(read, day, weeks);
    if (value === undefined || !base || !(base.value > 0)) return false;
    const gap = better === 'up' ? 1 - value / base.value : value / base.value - 1;
    if (!(gap >= minDrop - 1e-12)) return false;
  }
  return days > 0;
}
