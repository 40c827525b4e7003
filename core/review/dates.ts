import type { IsoDate, IsoMonth } from './types';

/**
 * Calendar arithmetic on YYYY-MM-DD strings. The shop's days are calendar days, not instants, so every
 * step goes through a day number (days since 1970-01-01) computed with Date.UTC: no local time zone or
 * daylight-saving change can move a day, and no Date object ever holds "midnight somewhere".
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar date; throws on anything else (2026-02-30, 2026-1-5). */
export function dayNumber(date: IsoDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 30 February over into March; a real day comes back as it went in.
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) {
    throw new Error(`no such day: ${date}`);
  }
  return day.getTime() / DAY_MS;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** b − a in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** 0 = Monday … 6 = Sunday (the operator's week, and the order of `weekdayWeights`). */
export function weekdayIndex(date: IsoDate): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((dayNumber(date) + 3) % 7) + 7) % 7;
}

export function mondayOf(date: IsoDate): IsoDate {
  return addDays(date, -weekdayIndex(date));
}

export function monthOf(date: IsoDate): IsoMonth {
  dayNumber(date);
  return date.slice(0, 7);
}

function monthParts(month: IsoMonth): [number, number] {
  const m = MONTH_RE.exec(month);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  if (!m || mo < 1 || mo > 12) throw new Error(`not a YYYY-MM month: ${month}`);
  return [y, mo];
}

export function isIsoMonth(value: string): boolean {
  try {
    monthParts(value);
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(month: IsoMonth): number {
  const [y, mo] = monthParts(month);
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Every day of the month, first to last. */
export function monthDays(month: IsoMonth): IsoDate[] {
  const first = dayNumber(`${month}-01`);
  return Array.from({ length: daysInMonth(month) }, (_, i) => fromDayNumber(first + i));
}

export function addMonths(month: IsoMonth, months: number): IsoMonth {
  const [y, mo] = monthParts(month);
  const index = y * 12 + (mo - 1) + months;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}
