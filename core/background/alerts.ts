import type { AlertRecord, Database } from '../db';
import { watchedNumberKey } from '../keys';
import type { AlertAction } from '../messages';
import type { AlertEvent, AlertHistoryEntry, AlertView } from '../review/types';
import { endOfLocalDay, startOfLocalDay } from './local-day';

/**
 * An alert's life: raised when a number crosses a line (again: worse or better), resolved when it is
 * fine, and the operator's answers (acknowledge, snooze, reopen); the inbox and today's alerts as the
 * popup and the toolbar count read them.
 */

/** What a verdict says about an alert; the rest (status, times, history, page) comes from its life so far. */
export type AlertFields = Omit<AlertRecord, 'status' | 'firstSeen' | 'lastSeen' | 'url' | 'periodKey' | 'period' | 'history'>;

/** Where and when a number was judged. */
export interface Sighting {
  now: number;
  period: AlertRecord['period'];
  periodKey: string;
  url: string;
}

/**
 * The alert a number that crossed a line stands for. An acknowledged alert stays quiet until its
 * number turns good, a snoozed one until its time; a resolved one fires anew. An alert announced once
 * is not announced again.
 */
export function raisedAlert(existing: AlertRecord | undefined, fields: AlertFields, at: Sighting): AlertRecord {
  const stillDismissed = existing?.status === 'dismissed' && (existing.dismissedUntil ?? 0) > at.now;
  const live = existing && existing.status !== 'resolved' ? existing : undefined;
  const alert: AlertRecord = {
    ...fields,
    ...(existing?.notifiedAt ? { notifiedAt: existing.notifiedAt } : {}),
    period: at.period,
    periodKey: at.periodKey,
    status: live?.status === 'acknowledged' ? 'acknowledged' : stillDismissed ? 'dismissed' : 'open',
    firstSeen: live ? live.firstSeen : at.now,
    lastSeen: at.now,
    history: live
      ? withEvent(live.history, severityEvent(live, fields.severity), at.now, fields.value, fields.severity)
      : withEvent(existing?.history, 'opened', at.now, fields.value, fields.severity),
    url: at.url,
  };
  if (stillDismissed && existing?.dismissedUntil) alert.dismissedUntil = existing.dismissedUntil;
  if (alert.status === 'acknowledged' && live?.acknowledgedAt !== undefined) alert.acknowledgedAt = live.acknowledgedAt;
  return alert;
}

/** The alert once its number is fine again; undefined when there is nothing open to resolve. */
export function resolvedAlert(existing: AlertRecord | undefined, value: number, now: number): AlertRecord | undefined {
  if (!existing || existing.status === 'resolved') return undefined;
  return {
    ...existing,
    status: 'resolved',
    resolvedAt: now,
    value,
    lastSeen: now,
    history: withEvent(existing.history, 'resolved', now, value),
  };
}

/** The most history entries an alert keeps: the oldest fall off. */
export const ALERT_HISTORY_LIMIT = 50;

export function withEvent(
  history: readonly AlertHistoryEntry[] | undefined,
  event: AlertEvent | null,
  at: number,
  value?: number,
  severity?: AlertHistoryEntry['severity'],
): AlertHistoryEntry[] {
  const list = [...(history ?? [])];
  if (!event) return list;
  const entry: AlertHistoryEntry = { at, event };
  if (value !== undefined) entry.value = value;
  if (severity) entry.severity = severity;
  list.push(entry);
  return list.slice(-ALERT_HISTORY_LIMIT);
}

function severityEvent(live: AlertRecord, severity: AlertRecord['severity']): AlertEvent | null {
  if (live.severity === severity) return null;
  return severity === 'critical' ? 'worse' : 'better';
}

export async function dismissAlert(db: Database, alertId: string, now: number): Promise<boolean> {
  return alertAction(db, alertId, 'snooze', now, endOfLocalDay(now));
}

/**
 * The operator's answer to an alert: acknowledge (quiet until the number turns good), snooze until a
 * moment (back afterwards), or reopen. A resolved alert takes no action. Returns whether it was found.
 */
export async function alertAction(
  db: Database,
  alertId: string,
  action: AlertAction,
  now: number,
  until?: number,
): Promise<boolean> {
  const tx = db.transaction('alerts', 'readwrite');
  const alert = await tx.store.get(alertId);
  if (alert && alert.status !== 'resolved') {
    const next: AlertRecord = { ...alert };
    delete next.dismissedUntil;
    delete next.acknowledgedAt;
    if (action === 'acknowledge') {
      next.status = 'acknowledged';
      next.acknowledgedAt = now;
      next.history = withEvent(alert.history, 'acknowledged', now);
    } else if (action === 'snooze') {
      next.status = 'dismissed';
      next.dismissedUntil = until !== undefined && until > now ? until : endOfLocalDay(now);
      next.history = withEvent(alert.history, 'snoozed', now);
    } else {
      next.status = 'open';
      next.history = withEvent(alert.history, 'reopened', now);
    }
    await tx.store.put(next);
  }
  await tx.done;
  return !!alert;
}

/** How long the inbox looks back: alerts of older days have been dealt with or are history. */
export const INBOX_DAYS = 7;

/** Every alert not resolved from the last week, snoozes that ran out counting as open, most severe first. */
export async function inbox(db: Database, now: number): Promise<AlertRecord[]> {
  const since = startOfLocalDay(now) - (INBOX_DAYS - 1) * 86_400_000;
  const records = await db.getAllFromIndex('alerts', 'byLastSeen', IDBKeyRange.lowerBound(since));
  return newestPerNumber(records.map(expireSnooze(now)).filter((a) => a.status !== 'resolved')).sort(
    (a, b) => statusRank(a) - statusRank(b) || severityRank(b) - severityRank(a) || b.lastSeen - a.lastSeen,
  );
}

/**
 * One alert per number the operator watches (shop, metric, rule, row): the one of the newest period.
 * Yesterday's bounce alert and the day before's are one problem, not two.
 */
export function newestPerNumber(alerts: readonly AlertRecord[]): AlertRecord[] {
  const newest = new Map<string, AlertRecord>();
  for (const a of alerts) {
    const key = watchedNumberKey(a);
    const cur = newest.get(key);
    if (!cur || a.period.end > cur.period.end || (a.period.end === cur.period.end && a.lastSeen > cur.lastSeen))
      newest.set(key, a);
  }
  return [...newest.values()];
}

function expireSnooze(now: number): (a: AlertRecord) => AlertRecord {
  return (a) => (a.status === 'dismissed' && (a.dismissedUntil ?? 0) <= now ? { ...a, status: 'open' as const } : a);
}

function statusRank(a: AlertRecord): number {
  return a.status === 'open' ? 0 : 1;
}

/** Alerts seen today, newest first; dismissals that have run out count as open again. */
export async function todaysAlerts(db: Database, now: number): Promise<AlertRecord[]> {
  const since = startOfLocalDay(now);
  const records = await db.getAllFromIndex('alerts', 'byLastSeen', IDBKeyRange.lowerBound(since));
  return newestPerNumber(records.map(expireSnooze(now)).filter((a) => a.status !== 'resolved')).sort(
    (a, b) => severityRank(b) - severityRank(a) || b.lastSeen - a.lastSeen,
  );
}

function severityRank(a: AlertRecord): number {
  return a.severity === 'critical' ? 2 : 1;
}

export function toView(a: AlertRecord): AlertView {
  const view: AlertView = {
    id: a.id,
    site: a.site,
    store: a.store,
    metric: a.metric,
    severity: a.severity,
    value: a.value,
    threshold: a.threshold,
    direction: a.direction,
    fix: a.fix,
    period: a.period,
    status: a.status,
    firstSeen: a.firstSeen,
    lastSeen: a.lastSeen,
    source: a.source,
  };
  if (a.currency) view.currency = a.currency;
  if (a.ruleName !== undefined) view.ruleName = a.ruleName;
  if (a.breakdown) view.row = a.breakdown;
  if (a.review) view.review = a.review;
  return view;
}
