import { joinKey } from './keys';
import type { MetricId } from './metrics';
import type { Breakdown } from './types';

/**
 * The compact daily history: one record per shop × month (`ShopMonthRecord`, the `days` store since
 * version 8) holding every series of that month, each as dense arrays of its days, so what a day costs
 * on disk is its value and the moment it was read, not the shop's name, the metric and an id repeated
 * for every day, and a report of a shop's day writes one record. The layout is this module's detail:
 * everyone else sees one series' month (`DailyMonthRecord`) or its days (`DailyValue`), and writers file
 * days through a `MonthBook`. Pure data code: core/db.ts and core/background/daily.ts store and read
 * these records.
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

/** One series' days of one month, as everyone but this module sees them. */
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

/** The key of a shop's month record in `days`: `[site, store, YYYY-MM]`. */
export type ShopMonthKey = [string, string, string];

/** One series' days inside its shop's month record: a `DailyMonthRecord` without what the record holds once. */
type SeriesDays = Omit<DailyMonthRecord, 'site' | 'store' | 'month'>;

/** What `days` holds since version 8: every series of one shop in one month. */
export interface ShopMonthRecord {
  site: string;
  store: string;
  /** YYYY-MM */
  month: string;
  /** Every series with a day in the month, by metric, then part (in code-unit order, as keys compare). */
  series: SeriesDays[];
}

export const shopMonthKeyOf = (m: Pick<DailyMonthRecord, 'site' | 'store' | 'month'>): ShopMonthKey => [m.site, m.store, m.month];

/** The shop month a series month belongs to. */
export const shopMonthOfKey = (key: MonthKey): ShopMonthKey => [key[0], key[1], key[4]];

const bySeries = (a: Pick<SeriesDays, 'metric' | 'part'>, b: Pick<SeriesDays, 'metric' | 'part'>): number =>
  a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : a.part < b.part ? -1 : a.part > b.part ? 1 : 0;

/** Each series of a shop's month as a month record of its own, by metric, then part. */
export const seriesMonths = (shop: ShopMonthRecord): DailyMonthRecord[] =>
  shop.series.map((s) => ({ site: shop.site, store: shop.store, month: shop.month, ...s }));

/** One series of a shop's month, or undefined when the month holds none of it. */
export function seriesMonth(shop: ShopMonthRecord, metric: string, part: string): DailyMonthRecord | undefined {
  const s = shop.series.find((x) => x.metric === metric && x.part === part);
  return s && { site: shop.site, store: shop.store, month: shop.month, ...s };
}

function seriesDays(month: DailyMonthRecord): SeriesDays {
  const { site: _site, store: _store, month: _month, ...series } = month;
  return series;
}

/** Series months gathered into their shops' month records (each series once; a later one replaces an earlier). */
export function shopMonthsOf(months: Iterable<DailyMonthRecord>): ShopMonthRecord[] {
  const book = new MonthBook();
  for (const m of months) book.set(m);
  return book.changed();
}

/**
 * The shop months a batch of writes works on: read from `days` and held (`hold`), days filed into their
 * series (`gather`), then each changed shop month written once (`changed`). One report of a shop's day
 * touches one record, however many series it holds.
 */
export class MonthBook {
  /** By joinKey of the shop month key: its series by joinKey([metric, part]). */
  private readonly shops = new Map<string, { key: ShopMonthKey; series: Map<string, DailyMonthRecord> }>();
  private readonly dirty = new Set<string>();

  /** Holds a shop's month as read from the store (undefined: none yet); a month already held stays as it is. */
  hold(key: ShopMonthKey, record: ShopMonthRecord | undefined): void {
    const k = joinKey(key);
    if (this.shops.has(k)) return;
    const series = new Map<string, DailyMonthRecord>();
    if (record) for (const m of seriesMonths(record)) series.set(joinKey([m.metric, m.part]), m);
    this.shops.set(k, { key, series });
  }

  /** Whether the shop month of `key` is held. */
  holds(key: ShopMonthKey): boolean {
    return this.shops.has(joinKey(key));
  }

  private shopOf(key: ShopMonthKey) {
    const k = joinKey(key);
    let shop = this.shops.get(k);
    if (!shop) this.shops.set(k, (shop = { key, series: new Map() }));
    return { k, shop };
  }

  /** The month of one series (`[site, store, metric, part, month]`), when held and read. */
  month(key: MonthKey): DailyMonthRecord | undefined {
    return this.shops.get(joinKey(shopMonthOfKey(key)))?.series.get(joinKey([key[2], key[3]]));
  }

  /** Puts a whole series month in its shop's month, replacing what it held of that series. */
  set(month: DailyMonthRecord): void {
    const { k, shop } = this.shopOf(shopMonthKeyOf(month));
    shop.series.set(joinKey([month.metric, month.part]), month);
    this.dirty.add(k);
  }

  /**
   * Files `day` in its series' month (`putDay`), starting the series when the month holds none of it.
   * `had`: the month already held that day; `changed`: the day was written.
   */
  gather(day: DailyValue): { month: DailyMonthRecord; had: boolean; changed: boolean } {
    const { k, shop } = this.shopOf([day.site, day.store, day.date.slice(0, 7)]);
    const filed = gatherDay(shop.series, day, joinKey([day.metric, day.part]));
    if (filed.changed) this.dirty.add(k);
    return filed;
  }

  /** Every shop month with a day written since it was held, as the store keeps it. */
  changed(): ShopMonthRecord[] {
    return [...this.dirty].map((k) => {
      const { key, series } = this.shops.get(k)!;
      const [site, store, month] = key;
      return { site, store, month, series: [...series.values()].map(seriesDays).sort(bySeries) };
    });
  }
}

/** The part of the `days` store a batch of writes needs (in the writer's readwrite transaction). */
interface MonthStore {
  get(key: ShopMonthKey): Promise<ShopMonthRecord | undefined>;
  put(record: ShopMonthRecord): Promise<unknown>;
}

/** Reads the shop months of `keys` not held yet into `book`, all requests at once. */
export async function holdMonths(days: MonthStore, book: MonthBook, keys: readonly ShopMonthKey[]): Promise<void> {
  const wanted = [...new Map(keys.filter((k) => !book.holds(k)).map((k) => [joinKey(k), k])).values()];
  const records = await Promise.all(wanted.map((k) => days.get(k)));
  wanted.forEach((k, i) => book.hold(k, records[i]));
}

/** The writes of every changed shop month of `book`, to issue together. */
export const monthWrites = (days: MonthStore, book: MonthBook): Array<() => Promise<unknown>> =>
  book.changed().map((m) => () => days.put(m));
