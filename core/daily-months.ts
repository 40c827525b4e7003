import { joinKey } from './keys';
import type { MetricId } from './metrics';
import type { Breakdown } from './types';

/**
 * The compact daily history: one record per shop × series × month holding the month's days as dense
 * arrays, so what a day costs on disk is its value and the moment it was read, not the shop's name,
 * the metric and an id repeated for every day. Pure data code: core/db.ts stores these records,
 * core/background/daily.ts reads them.
 */

/** One day of one series as the review, trends, export and import see it. */
export interface DailyValue {
  site: string;
  store: string;
  metric: MetricId;
  /** '' for the shop's own total, `dimension=key` for a part of it, `peer:name` for a peer's number. */
  part: string;
  date: string;
  value: number;
  currency?: string;
  breakdown?: Breakdown;
  peer?: string;
  /** Today's running real-time value, until a reading of the closed day replaces it. */
  provisional: boolean;
  observedAt: number;
}

/** The key of a month record: `[site, store, metric, part, YYYY-MM]`, in this order in the store. */
export type MonthKey = [string, string, string, string, string];

export interface DailyMonthRecord {
  site: string;
  store: string;
  metric: MetricId;
  part: string;
  /** YYYY-MM */
  month: string;
  /** Day d + 1 of the month at index d; null where that day was not read. As long as the last day read. */
  values: Array<number | null>;
  /** When each day's value was read (epoch ms), at the same index; null where the day was not read. */
  observedAt: Array<number | null>;
  /** Bit d set: day d + 1 holds today's running real-time value (provisional). */
  provisional: number;
  /** The currency of the month's money values. */
  currency?: string;
  /** Only when a day's currency differs from `currency`: that day's currency ('' for none) at its index. */
  currencies?: Array<string | null>;
  breakdown?: Breakdown;
  peer?: string;
}

export const monthKeyOf = (d: Pick<DailyValue, 'site' | 'store' | 'metric' | 'part' | 'date'>): MonthKey => [
  d.site,
  d.store,
  d.metric,
  d.part,
  d.date.slice(0, 7),
];

const dayIndex = (date: string): number => Number(date.slice(8, 10)) - 1;

/**
 * Whether `next` should replace the stored day: a closed day's figure beats a running real-time one;
 * otherwise the later reading wins (back offices revise closed days, e.g. Amazon after ~24 h).
 */
export function replacesDaily(current: DailyValue | undefined, next: DailyValue): boolean {
  if (!current) return true;
  if (current.provisional !== next.provisional) return !next.provisional;
  return next.observedAt >= current.observedAt;
}

/** An empty month for the series of `day`. */
export function emptyMonth(day: DailyValue): DailyMonthRecord {
  const record: DailyMonthRecord = {
    site: day.site,
    store: day.store,
    metric: day.metric,
    part: day.part,
    month: day.date.slice(0, 7),
    values: [],
    observedAt: [],
    provisional: 0,
  };
  if (day.currency) record.currency = day.currency;
  if (day.breakdown) record.breakdown = day.breakdown;
  if (day.peer) record.peer = day.peer;
  return record;
}

/** The day of `date` in a month record, or undefined when it was not read. */
export function dayOf(month: DailyMonthRecord, date: string): DailyValue | undefined {
  const i = dayIndex(date);
  const value = month.values[i];
  if (value === null || value === undefined) return undefined;
  return expand(month, i, value, date);
}

function expand(month: DailyMonthRecord, i: number, value: number, date: string): DailyValue {
  const day: DailyValue = {
    site: month.site,
    store: month.store,
    metric: month.metric,
    part: month.part,
    date,
    value,
    provisional: (month.provisional & (1 << i)) !== 0,
    observedAt: month.observedAt[i] ?? 0,
  };
  const currency = month.currencies?.[i] ?? month.currency;
  if (currency) day.currency = currency;
  if (month.breakdown) day.breakdown = month.breakdown;
  if (month.peer) day.peer = month.peer;
  return day;
}

/** The days of a month from `from` to `to` (inclusive, YYYY-MM-DD), oldest first. */
export function daysOf(month: DailyMonthRecord, from = '', to = '\uffff'): DailyValue[] {
  const days: DailyValue[] = [];
  const prefix = `${month.month}-`;
  month.values.forEach((value, i) => {
    if (value === null) return;
    const date = `${prefix}${String(i + 1).padStart(2, '0')}`;
    if (date >= from && date <= to) days.push(expand(month, i, value, date));
  });
  return days;
}

/**
 * Files `day` in its month when it replaces what the month holds for that day (`replacesDaily`).
 * Returns whether the month changed.
 */
export function putDay(month: DailyMonthRecord, day: DailyValue): boolean {
  if (!replacesDaily(dayOf(month, day.date), day)) return false;
  const i = dayIndex(day.date);
  while (month.values.length <= i) {
    month.values.push(null);
    month.observedAt.push(null);
  }
  month.values[i] = day.value;
  month.observedAt[i] = day.observedAt;
  month.provisional = day.provisional ? month.provisional | (1 << i) : month.provisional & ~(1 << i);
  const currency = day.currency ?? '';
  if (!month.currencies && currency === (month.currency ?? '')) return true;
  if (month.values.every((v, j) => v === null || j === i)) {
    // The only day of the month: its currency is the month's.
    if (currency) month.currency = currency;
    else delete month.currency;
    delete month.currencies;
    return true;
  }
  month.currencies ??= month.values.map(() => null);
  while (month.currencies.length < month.values.length) month.currencies.push(null);
  month.currencies[i] = currency === (month.currency ?? '') ? null : currency;
  if (month.currencies.every((c) => c === null)) delete month.currencies;
  return true;
}

/**
 * Files `day` in its month within `months` (by `joinKey` of its month key), starting the month when it
 * is the first day seen. `had`: the month already held that day; `changed`: the day was written.
 */
export function gatherDay(
  months: Map<string, DailyMonthRecord>,
  day: DailyValue,
  key = joinKey(monthKeyOf(day)),
): { month: DailyMonthRecord; had: boolean; changed: boolean } {
  let month = months.get(key);
  if (!month) months.set(key, (month = emptyMonth(day)));
  const had = dayOf(month, day.date) !== undefined;
  return { month, had, changed: putDay(month, day) };
}
