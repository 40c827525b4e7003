import { isIsoDate } from './review/dates';
import type { IsoDate } from './review/types';

/**
 * Event days the operator marks (大促: 双11, 618, the shop's own). On such a day today's pace is
 * judged against last year's same event day hour by hour (core/review/pace.ts), not against ordinary
 * weekdays. A setting of its own, optional in the stored settings: absent means none marked.
 */
export interface EventDay {
  date: IsoDate;
  /** As the operator calls it: 双11, 618, 店庆. */
  name: string;
  /** Last year's same event day when it fell on another date (a shop's anniversary sale); absent: the same date a year back. */
  lastYear?: IsoDate;
}

export const MAX_EVENT_DAYS = 40;
export const MAX_EVENT_NAME = 20;

/** Why an event day cannot be kept, or null when it can. */
export type EventDayProblem =
  | { kind: 'date'; value: string }
  | { kind: 'name' }
  | { kind: 'lastYear'; value: string }
  | { kind: 'duplicate'; value: string }
  | { kind: 'tooMany' };

/** Checks one event day against the list it would join (a date may be marked once). */
export function eventDayProblem(day: EventDay, others: readonly EventDay[] = []): EventDayProblem | null {
  if (!isIsoDate(day.date)) return { kind: 'date', value: day.date };
  const name = day.name.trim();
  if (!name || name.length > MAX_EVENT_NAME) return { kind: 'name' };
  if (day.lastYear !== undefined && (!isIsoDate(day.lastYear) || day.lastYear >= day.date))
    return { kind: 'lastYear', value: day.lastYear };
  if (others.some((o) => o.date === day.date)) return { kind: 'duplicate', value: day.date };
  if (others.length >= MAX_EVENT_DAYS) return { kind: 'tooMany' };
  return null;
}

/** The same calendar day a year back (29 February goes to 28 February). */
export function yearBefore(date: IsoDate): IsoDate {
  const y = Number(date.slice(0, 4)) - 1;
  const md = date.slice(5);
  const day = md === '02-29' ? '02-28' : md;
  return `${String(y).padStart(4, '0')}-${day}`;
}

/** The event marked on `date`, if any. */
export const eventOn = (days: readonly EventDay[] | undefined, date: IsoDate): EventDay | undefined =>
  days?.find((d) => d.date === date);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Repairs a stored `eventDays` field: a day that does not hold is dropped with a note, the rest kept in date order. */
export function repairEventDays(raw: unknown, notes: string[]): EventDay[] {
  if (!Array.isArray(raw)) {
    notes.push('eventDays: not a list; no event days');
    return [];
  }
  const kept: EventDay[] = [];
  raw.forEach((item, i) => {
    if (!isObject(item) || typeof item.date !== 'string' || typeof item.name !== 'string') {
      notes.push(`eventDays[${i}]: not a day with a date and a name; dropped`);
      return;
    }
    if (item.lastYear !== undefined && typeof item.lastYear !== 'string') {
      notes.push(`eventDays[${i}].lastYear: not a date; dropped`);
      return;
    }
    const day: EventDay = { date: item.date, name: item.name.trim() };
    if (typeof item.lastYear === 'string') day.lastYear = item.lastYear;
    const problem = eventDayProblem(day, kept);
    if (problem) notes.push(`eventDays[${i}]: ${JSON.stringify(item)} (${problem.kind}); dropped`);
    else kept.push(day);
  });
  return kept.sort((a, b) => a.date.localeCompare(b.date));
}
