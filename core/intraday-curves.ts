import type { MetricId } from './metrics';
import type { Breakdown } from './types';

/**
 * The day's curve: the running totals a real-time board shows, kept at one point per slot (the last
 * value read in each slot) for every day, so the shape of past days says how much of a day's total is
 * usually reached by a given time. One record per shop × series × day holding a dense array of slots.
 * Pure data code: core/db.ts stores these records, core/background/ingest.ts files points, the pace
 * module (core/review/pace.ts) reads them.
 */

/** Minutes per slot of a fresh curve: 144 slots a day. */
export const SLOT_MINUTES = 10;
/** Minutes per slot of a thinned curve: 24 slots a day. */
export const THIN_MINUTES = 60;
export const MINUTES_PER_DAY = 1440;

/** The running totals a real-time board prints that make a day's shape: sales and its factors' counts. */
export const CURVE_METRICS: readonly MetricId[] = ['sales', 'visitors', 'paidBuyers', 'orders'];

/** The key of a curve: `[site, store, metric, part, YYYY-MM-DD]`, in this order in the store. */
export type CurveKey = [string, string, string, string, string];

export interface CurveRecord {
  site: string;
  store: string;
  metric: MetricId;
  /** '' for the shop's own total, `dimension=key` for a traffic source's visitors. */
  part: string;
  /** The platform's calendar day (YYYY-MM-DD). */
  date: string;
  /** Minutes per slot: 10 while fresh, 60 once thinned. */
  step: number;
  /** Slot i holds the last value read in minutes [i × step, (i + 1) × step) of the platform's wall clock; null: nothing read then. As long as the last slot read. */
  values: Array<number | null>;
  currency?: string;
  breakdown?: Breakdown;
  /** The platform's time zone the minutes are counted in (IANA); absent: the computer's. */
  timeZone?: string;
}

export const curveKeyOf = (c: Pick<CurveRecord, 'site' | 'store' | 'metric' | 'part' | 'date'>): CurveKey => [
  c.site,
  c.store,
  c.metric,
  c.part,
  c.date,
];

/**
 * The platform's calendar day and the minute of its wall-clock day at `now`, in `timeZone` (the
 * computer's when undefined). Wall clock, not elapsed time: on a day a clock moves for daylight
 * saving, 20:00 is still slot 120, where shoppers' evenings are on every other day.
 */
export function wallClock(now: number, timeZone?: string): { date: string; minute: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    ...(timeZone ? { timeZone } : {}),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(now));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** An empty curve for a series and day. */
export function emptyCurve(c: Omit<CurveRecord, 'step' | 'values'>): CurveRecord {
  const record: CurveRecord = {
    site: c.site,
    store: c.store,
    metric: c.metric,
    part: c.part,
    date: c.date,
    step: SLOT_MINUTES,
    values: [],
  };
  if (c.currency) record.currency = c.currency;
  if (c.breakdown) record.breakdown = c.breakdown;
  if (c.timeZone) record.timeZone = c.timeZone;
  return record;
}

/**
 * Files `value`, read at `minute` of the curve's day, in its slot (the last value read in a slot wins).
 * A value in another currency than the curve's is not filed: one curve never mixes money. Returns
 * whether the curve changed.
 */
export function putPoint(curve: CurveRecord, minute: number, value: number, currency?: string): boolean {
  if (!Number.isFinite(value) || minute < 0 || minute >= MINUTES_PER_DAY) return false;
  if ((currency ?? '') !== (curve.currency ?? '')) {
    if (curve.values.some((v) => v !== null)) return false;
    if (currency) curve.currency = currency;
    else delete curve.currency;
  }
  const i = Math.floor(minute / curve.step);
  if (curve.values[i] === value) return false;
  while (curve.values.length <= i) curve.values.push(null);
  curve.values[i] = value;
  return true;
}

/**
 * A curve at a coarser step (60 minutes): each hour keeps the last value read in it, which is what a
 * fresh curve's slots at that hour's end say. Coarser or equal steps are returned as they are.
 */
export function thinned(curve: CurveRecord, step = THIN_MINUTES): CurveRecord {
  if (curve.step >= step || step % curve.step !== 0) return curve;
  const per = step / curve.step;
  const values: Array<number | null> = [];
  for (let i = 0; i < curve.values.length; i += per) {
    let last: number | null = null;
    for (let j = i; j < Math.min(i + per, curve.values.length); j++) last = curve.values[j] ?? last;
    values.push(last);
  }
  while (values.length && values[values.length - 1] === null) values.pop();
  return { ...curve, step, values };
}

/**
 * The running total at `minute` of the day: the last value read at or before the end of the slot
 * before, moving in a straight line through the current slot to that slot's last value (a slot's value
 * is read as standing at the slot's end). Slots not read carry the value before them. Null when
 * nothing was read by then. At minute 1440 it is the last value of the day.
 */
export function valueAt(curve: Pick<CurveRecord, 'step' | 'values'>, minute: number): number | null {
  const { step, values } = curve;
  const slot = Math.min(Math.floor(minute / step), values.length);
  const before = lastAtOrBefore(values, slot - 1);
  if (slot >= values.length || values[slot] === null || values[slot] === undefined) return before;
  const into = (minute - slot * step) / step;
  return (before ?? 0) + (values[slot]! - (before ?? 0)) * into;
}

function lastAtOrBefore(values: ReadonlyArray<number | null>, i: number): number | null {
  for (let j = Math.min(i, values.length - 1); j >= 0; j--) if (values[j] !== null && values[j] !== undefined) return values[j]!;
  return null;
}

/** The last value the curve holds (the day's total when it was read to the end). */
export const lastValue = (curve: Pick<CurveRecord, 'values'>): number | null =>
  lastAtOrBefore(curve.values, curve.values.length - 1);

/** The minute the curve was last read by (end of its last slot read); 0 for an empty curve. */
export const readUntil = (curve: Pick<CurveRecord, 'step' | 'values'>): number => curve.values.length * curve.step;

/**
 * A curve from elsewhere (an import) merged into the one kept: slots read here stay as read, slots
 * not read here take the other's value. The kept curve keeps its step: a finer other is thinned to
 * it, a coarser other's slot (the last value of its hour) stands at the end of the hour's last fine
 * slot. A curve in another currency is not merged (one curve never mixes money). Returns the merged
 * curve, or null when the other adds nothing.
 */
export function mergeCurve(kept: CurveRecord, other: CurveRecord): CurveRecord | null {
  const keptRead = kept.values.some((v) => v !== null);
  if (keptRead && (kept.currency ?? '') !== (other.currency ?? '')) return null;
  const add = thinned(other, kept.step);
  if (add.step % kept.step !== 0) return null;
  const per = add.step / kept.step;
  const values = [...kept.values];
  let changed = false;
  add.values.forEach((v, i) => {
    const at = (i + 1) * per - 1;
    if (v === null || (values[at] !== null && values[at] !== undefined)) return;
    while (values.length <= at) values.push(null);
    values[at] = v;
    changed = true;
  });
  if (!changed) return null;
  const merged: CurveRecord = { ...kept, values };
  if (!keptRead) {
    if (other.currency) merged.currency = other.currency;
    else delete merged.currency;
  }
  return merged;
}
