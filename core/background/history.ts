import { evaluateCustom, inScope, usesBaseline, watches, type CustomContext, type CustomRule } from '../custom-rules';
import { dailyFromReading, replacesDaily, type AlertRecord, type Database, type ReadingRecord } from '../db';
import type { AlertAction, AlertView, Evaluation, LatestView, PageReport, PopupState } from '../messages';
import type { AlertEvent, AlertHistoryEntry } from '../review/types';
import type { MetricId } from '../metrics';
import { periodKey } from '../reader/period';
import { DEFAULT_RULES, evaluate, type ThresholdRule } from '../rules';
import {
  alertKey,
  customAlertKey,
  customAlertRange,
  joinKey,
  rowKey,
  sameRow,
  seriesKey,
  shopKey,
  watchedNumberKey,
} from '../keys';
import type { Breakdown, ObservedValue, Period } from '../types';

/**
 * Keeping readings and alerts. One readwrite transaction per report: a reading and the alert it
 * raises are stored together or not at all.
 */

export interface IngestContext {
  /** The page's URL as the browser reports it for the sending tab (never taken from the message). */
  url: string;
  now: number;
  rules?: readonly ThresholdRule[];
  /** The operator's own rules; each is checked against the shops in its scope. */
  customRules?: readonly CustomRule[];
  /** The same weekday's value of a series; null when there is none yet. Absent: baseline rules do not fire. */
  baseline?: (
    site: string,
    store: string,
    metric: MetricId,
    breakdown: Breakdown | undefined,
    period: Period,
  ) => Promise<number | null>;
  /** The day's sales target (YYYY-MM-DD); null when none is set. Absent: target rules do not fire. */
  dailyTarget?: (site: string, store: string, date: string) => Promise<number | null>;
  /** Whether a critical alert of a rule with notify on may be announced now (false in quiet hours). */
  mayNotify?: boolean;
}

export interface IngestResult {
  stored: number;
  evaluations: Evaluation[];
  /** Alerts to announce: marked as announced in the same transaction, so each is announced once. */
  notify: AlertRecord[];
}

/** One custom rule against one reading, with every input it needs already looked up. */
interface CustomCheck {
  index: number;
  o: ObservedValue;
  rule: CustomRule;
  inputs: CustomContext;
}

export function pageUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '';
  }
}

export async function ingest(db: Database, report: PageReport, ctx: IngestContext): Promise<IngestResult> {
  const pKey = periodKey(report.period);
  const url = pageUrl(ctx.url);
  const rules = ctx.rules ?? DEFAULT_RULES;
  // Look-ups first: an IndexedDB transaction commits itself across an await on anything else.
  const checks = await customChecks(report, ctx);
  const tx = db.transaction(['readings', 'alerts', 'daily'], 'readwrite');
  const readings = tx.objectStore('readings');
  const alerts = tx.objectStore('alerts');
  const daily = tx.objectStore('daily');
  let stored = 0;
  const evaluations: Evaluation[] = [];
  const notify: AlertRecord[] = [];

  const raise = (
    existing: AlertRecord | undefined,
    fields: Omit<AlertRecord, 'status' | 'firstSeen' | 'lastSeen' | 'url' | 'periodKey' | 'period' | 'history'>,
  ) => {
    const stillDismissed = existing?.status === 'dismissed' && (existing.dismissedUntil ?? 0) > ctx.now;
    // An acknowledged alert stays quiet until its number turns good; a resolved one fires anew.
    const live = existing && existing.status !== 'resolved' ? existing : undefined;
    const alert: AlertRecord = {
      ...fields,
      period: report.period,
      periodKey: pKey,
      status: live?.status === 'acknowledged' ? 'acknowledged' : stillDismissed ? 'dismissed' : 'open',
      firstSeen: live ? live.firstSeen : ctx.now,
      lastSeen: ctx.now,
      history: live
        ? withEvent(live.history, severityEvent(live, fields.severity), ctx.now, fields.value, fields.severity)
        : withEvent(existing?.history, 'opened', ctx.now, fields.value, fields.severity),
      url,
    };
    if (stillDismissed && existing?.dismissedUntil) alert.dismissedUntil = existing.dismissedUntil;
    if (alert.status === 'acknowledged' && live?.acknowledgedAt !== undefined) alert.acknowledgedAt = live.acknowledgedAt;
    return alert;
  };
  const resolve = async (existing: AlertRecord | undefined, value: number) => {
    if (existing && existing.status !== 'resolved')
      await alerts.put({
        ...existing,
        status: 'resolved',
        resolvedAt: ctx.now,
        value,
        lastSeen: ctx.now,
        history: withEvent(existing.history, 'resolved', ctx.now, value),
      });
  };

  try {
    for (const [index, o] of report.observed.entries()) {
      const series = seriesKey(report.site, report.store, o, pKey);
      const last = await readings
        .index('bySeries')
        .openCursor(IDBKeyRange.bound([series, -Infinity], [series, Infinity]), 'prev');
      if (!last || last.value.value !== o.value || last.value.currency !== o.currency) {
        const record: ReadingRecord = {
          series,
          metric: o.metric,
          value: o.value,
          period: report.period,
          periodKey: pKey,
          store: report.store,
          site: report.site,
          observedAt: ctx.now,
          url,
          source: o.source,
        };
        if (o.currency) record.currency = o.currency;
        if (o.breakdown) record.breakdown = o.breakdown;
        if (o.peer) record.peer = o.peer;
        // Today's real-time numbers replace each other; closed days and ranges keep every change.
        if (last && report.period.kind === 'realtime' && last.value.period.kind === 'realtime') {
          await readings.put({ ...record, id: last.value.id! });
        } else {
          await readings.add(record);
        }
        stored++;
        const day = dailyFromReading(record);
        if (day && replacesDaily(await daily.get(day.id), day)) await daily.put(day);
      }

      // The platform's lines judge the shop's own totals; only custom rules watch rows, and peers raise nothing.
      if (o.breakdown || o.peer) continue;
      const id = alertKey(report.site, report.store, o.metric, pKey);
      const verdict = evaluate(o.metric, o.value, rules);
      const existing = await alerts.get(id);
      if (!verdict) {
        await resolve(existing, o.value);
        continue;
      }
      const alert = raise(existing, {
        id,
        site: report.site,
        store: report.store,
        metric: o.metric,
        ruleId: verdict.rule.id,
        severity: verdict.severity,
        direction: verdict.rule.direction,
        fix: verdict.rule.fix,
        value: o.value,
        threshold: verdict.threshold,
        source: o.source,
        ...(o.currency ? { currency: o.currency } : {}),
      });
      await alerts.put(alert);
      evaluations.push(evaluationOf(index, alert));
    }

    // Alerts of custom rules since switched off, deleted or narrowed to other shops are resolved.
    for (const [index, o] of report.observed.entries()) {
      if (o.peer) continue;
      const range = customAlertRange(report.site, report.store, o.metric, pKey, o.breakdown);
      const active = new Set(checks.filter((c) => c.index === index).map((c) => c.rule.id));
      for (const stale of await alerts.getAll(IDBKeyRange.bound(range.from, range.to))) {
        if (!active.has(stale.ruleId)) await resolve(stale, o.value);
      }
    }

    for (const { index, o, rule, inputs } of checks) {
      const id = customAlertKey(report.site, report.store, o.metric, pKey, o.breakdown, rule.id);
      const verdict = evaluateCustom(rule, inputs);
      const existing = await alerts.get(id);
      if (!verdict.fired) {
        // Only numbers that are fine resolve an alert; a missing baseline or target says nothing new.
        if (verdict.reason === 'notMet') await resolve(existing, o.value);
        continue;
      }
      const alert = raise(existing, {
        id,
        site: report.site,
        store: report.store,
        metric: o.metric,
        ruleId: rule.id,
        ruleName: rule.name,
        severity: verdict.severity,
        direction: verdict.direction,
        fix: rule.fix,
        value: o.value,
        threshold: verdict.threshold,
        source: o.source,
        ...(o.currency ? { currency: o.currency } : {}),
        ...(o.breakdown ? { breakdown: o.breakdown } : {}),
        ...(existing?.notifiedAt ? { notifiedAt: existing.notifiedAt } : {}),
      });
      if (ctx.mayNotify && rule.notify && alert.severity === 'critical' && alert.status === 'open' && !alert.notifiedAt) {
        alert.notifiedAt = ctx.now;
        notify.push(alert);
      }
      await alerts.put(alert);
      evaluations.push(evaluationOf(index, alert));
    }
  } catch (error) {
    // All or nothing: a failed write (full disk) must not leave half a report behind.
    try {
      tx.abort();
    } catch {
      // already aborted by the failing request
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
  return { stored, evaluations: worstPerValue(evaluations), notify };
}

function evaluationOf(index: number, alert: AlertRecord): Evaluation {
  return {
    index,
    metric: alert.metric,
    severity: alert.severity,
    threshold: alert.threshold,
    direction: alert.direction,
    fix: alert.fix,
    alertId: alert.id,
    dismissed: alert.status !== 'open',
  };
}

/** A number carries one badge: the most severe verdict on it, the platform's line before a custom rule's. */
function worstPerValue(evaluations: Evaluation[]): Evaluation[] {
  const worst = new Map<number, Evaluation>();
  for (const e of evaluations) {
    const cur = worst.get(e.index);
    if (!cur || (e.severity === 'critical' && cur.severity === 'warn')) worst.set(e.index, e);
  }
  return [...worst.values()].sort((a, b) => a.index - b.index);
}

/**
 * Which custom rules apply to which readings of the report, with their baselines, target and second
 * values looked up. A look-up that fails counts as missing: the rule does not fire, the readings are
 * still stored.
 */
async function customChecks(report: PageReport, ctx: IngestContext): Promise<CustomCheck[]> {
  const shop = shopKey(report.site, report.store);
  const rules = (ctx.customRules ?? []).filter((r) => r.enabled && inScope(r, shop));
  if (!rules.length) return [];
  const cache = new Map<string, Promise<number | null>>();
  const once = (key: string, look: () => Promise<number | null>) => {
    if (!cache.has(key))
      cache.set(
        key,
        look().catch(() => null),
      );
    return cache.get(key)!;
  };
  const baseline = (metric: MetricId, breakdown: Breakdown | undefined) =>
    ctx.baseline
      ? once(joinKey(['baseline', metric, breakdown ? rowKey(breakdown) : '']), () =>
          ctx.baseline!(report.site, report.store, metric, breakdown, report.period),
        )
      : Promise.resolve(null);
  // A daily target belongs to one day: a range or an undated page has none.
  const day = report.period.kind === 'day' || report.period.kind === 'realtime' ? report.period.end : null;
  const target = () =>
    ctx.dailyTarget && day ? once('t', () => ctx.dailyTarget!(report.site, report.store, day)) : Promise.resolve(null);

  const checks: CustomCheck[] = [];
  for (const [index, o] of report.observed.entries()) {
    if (o.peer) continue;
    for (const rule of rules) {
      if (!watches(rule, o.metric, o.breakdown)) continue;
      const inputs: CustomContext = { value: o.value };
      if (usesBaseline(rule.comparison)) inputs.baseline = await baseline(rule.metric, o.breakdown);
      if (rule.comparison === 'belowTarget' || rule.and?.comparison === 'belowTarget') inputs.dailyTarget = await target();
      if (rule.and) {
        const and = rule.and;
        inputs.second =
          report.observed.find((s) => s.metric === and.metric && !s.peer && sameRow(s.breakdown, o.breakdown))?.value ?? null;
        if (usesBaseline(and.comparison)) inputs.secondBaseline = await baseline(and.metric, o.breakdown);
      }
      checks.push({ index, o, rule, inputs });
    }
  }
  return checks;
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

export function endOfLocalDay(now: number): number {
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}

export function startOfLocalDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
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

export async function popupState(db: Database, now: number): Promise<PopupState> {
  const alerts = await todaysAlerts(db, now);
  const since = startOfLocalDay(now);
  const today = await db.getAllFromIndex('readings', 'byObservedAt', IDBKeyRange.lowerBound(since));
  const totalReadings = await db.count('readings');
  const latest = new Map<string, LatestView>();
  for (const r of today) {
    if (r.breakdown || r.peer) continue;
    const key = joinKey([r.site, r.store, r.periodKey, r.metric]);
    const cur = latest.get(key);
    if (!cur || cur.observedAt <= r.observedAt) {
      const view: LatestView = {
        site: r.site,
        store: r.store,
        metric: r.metric,
        value: r.value,
        period: r.period,
        observedAt: r.observedAt,
      };
      if (r.currency) view.currency = r.currency;
      latest.set(key, view);
    }
  }
  return {
    alerts: alerts.map(toView),
    latest: newestPeriods([...latest.values()]),
    readingsToday: today.length,
    totalReadings,
    pages: [],
  };
}

/** How many periods of one shop the popup's latest numbers show (e.g. today's real-time and yesterday). */
const LATEST_PERIODS = 2;

function newestPeriods(latest: LatestView[]): LatestView[] {
  const periods = new Map<string, Set<string>>();
  const order = [...latest].sort((a, b) => b.period.end.localeCompare(a.period.end) || b.observedAt - a.observedAt);
  return order.filter((l) => {
    const shop = shopKey(l.site, l.store);
    const seen = periods.get(shop) ?? new Set<string>();
    periods.set(shop, seen);
    const key = `${l.period.kind}:${l.period.start}..${l.period.end}`;
    if (!seen.has(key) && seen.size >= LATEST_PERIODS) return false;
    seen.add(key);
    return true;
  });
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
  return view;
}

/** Every shop seen, once each, from the byShop index (no reading is loaded). */
export async function listShops(db: Database): Promise<Array<{ site: string; store: string }>> {
  const shops: Array<{ site: string; store: string }> = [];
  let cursor = await db.transaction('readings').store.index('byShop').openKeyCursor(null, 'nextunique');
  while (cursor) {
    const [site, store] = cursor.key;
    shops.push({ site, store });
    cursor = await cursor.continue();
  }
  return shops;
}
