import { dayNumber } from './dates';
import type { DailyPoint, IsoDate } from './types';

/**
 * Small helpers over daily series. A point whose value is not a finite number is no reading: it is
 * dropped here so no NaN or Infinity can travel into a sum, a median or a share.
 */

/** date → value, finite values only; a later point for the same date wins. */
export function byDate(points: readonly DailyPoint[]): Map<IsoDate, number> {
  const map = new Map<IsoDate, number>();
  for (const p of points) if (Number.isFinite(p.value)) map.set(p.date, p.value);
  return map;
}

/**
 * Finite points with from ≤ date < to, oldest first. YYYY-MM-DD strings sort as the days they name, so
 * the points are compared as strings (only the bounds are checked as days): a two-year series is cut
 * without building a date per point.
 */
export function between(points: readonly DailyPoint[], from: IsoDate, to: IsoDate): DailyPoint[] {
  dayNumber(from);
  dayNumber(to);
  const inside = byDate(points.filter((p) => p.date >= from && p.date < to));
  return [...inside].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, value]) => ({ date, value }));
}

export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export function mean(values: readonly number[]): number | null {
  return values.length ? sum(values) / values.length : null;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** a ÷ b − 1, or null when b is not a positive number (no change can be stated against 0). */
export function relativeChange(a: number | null, b: number | null): number | null {
  if (a === null || b === null || !(b > 0) || !Number.isFinite(a)) return null;
  return a / b - 1;
}
