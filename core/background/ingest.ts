import { dayOf, holdMonths, MonthBook, monthKeyOf, monthWrites, shopMonthOfKey } from '../daily-months';
import { allOrNothing, dailyFromReading, issueAll, type AlertRecord, type Database, type ReadingRecord } from '../db';
import { alertKey, customAlertKey, customAlertRange, joinKey, partOf, rowKey, sameRow, seriesKey, shopKey } from '../keys';
import type { Evaluation, PageReport } from '../messages';
import type { MetricId } from '../metrics';
import { periodKey } from '../reader/period';
import {
  DEFAULT_RULES,
  evaluate,
  evaluateCustom,
  inScope,
  usesBaseline,
  watches,
  type CustomContext,
  type CustomRule,
  type ThresholdRule,
} from '../rules';
import type { Breakdown, ObservedValue, Period } from '../types';
import { raisedAlert, resolvedAlert, type AlertFields, type Sighting } from './alerts';
import { curvePointsOf, fileCurvePoints } from './curves';

/**
 * Keeping readings and alerts. One readwrite transaction per report: a reading and the alert it
 * raises are stored together or not at all. Its look-ups are issued together, the report is judged in
 * memory, and its writes are issued together: three round trips a report, whatever its size.
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
  /** The platform's time zone (IANA): the minute of the day a real-time board's curve is filed at. The computer's when absent. */
  timeZone?: string;
}

export interface IngestResult {
  stored: number;
  evaluations: Evaluation[];
  /** Alerts to announce: marked as announced in the same transaction, so each is announced once. */
  notify: AlertRecord[];
}

/** What a number is compared with: its series' last reading (its id when it was a stored reading). */
type Last = Pick<ReadingRecord, 'value' | 'currency' | 'period' | 'id'>;

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
  const sighting: Sighting = { now: ctx.now, period: report.period, periodKey: pKey, url: pageUrl(ctx.url) };
  const rules = ctx.rules ?? DEFAULT_RULES;
  // Look-ups first: an IndexedDB transaction commits itself across an await on anything else.
  const checks = await customChecks(report, ctx);
  const { site, store, observed } = report;
  // A dated row of a table of days carries its own day; every other number is of the page's period.
  const periods = observed.map((o) => o.period ?? report.period);
  const periodKeys = observed.map((o) => (o.period ? periodKey(o.period) : pKey));
  const series = observed.map((o, i) => seriesKey(site, store, o, periodKeys[i]!));
  // The platform's lines and the operator's rules judge numbers of the page's own period: the history
  // a table of days prints raises nothing.
  const platformIds = observed.map((o) => (o.breakdown || o.peer || o.period ? null : alertKey(site, store, o.metric, pKey)));
  const customRanges = observed.map((o) =>
    o.peer || o.period ? null : customAlertRange(site, store, o.metric, pKey, o.breakdown),
  );
  const monthKeys = observed.map((o, i) => {
    const day = dailyFromReading({ site, store, metric: o.metric, value: 0, period: periods[i]!, observedAt: ctx.now });
    return day ? monthKeyOf({ ...day, metric: o.metric, part: partOf(o) }) : null;
  });
  const curve = curvePointsOf(report, ctx.now, ctx.timeZone);

  // Relaxed: the write is not flushed to the disk before it counts (a page reads again anyway), which
  // is most of a report's cost; a transaction is still all or nothing.
  const tx = db.transaction(['readings', 'alerts', 'days', 'curves'], 'readwrite', { durability: 'relaxed' });
  const readings = tx.objectStore('readings');
  const alerts = tx.objectStore('alerts');
  const days = tx.objectStore('days');
  const curves = tx.objectStore('curves');
  const bySeries = readings.index('bySeries');

  return allOrNothing(tx, async () => {
    // Every look-up of the report at once, one request each where the records share a key prefix: the
    // alerts of the shop's period (the platform's and every rule's, on every row), the shop's month
    // record of each month the report's days fall in, and the last reading of each number whose day's month record cannot stand for it.
    const book = new MonthBook();
    const needsLast = observed.map((_, i) => periods[i]!.kind !== 'day' || !monthKeys[i]);
    const [lasts, stored, , foundCurves] = await Promise.all([
      Promise.all(
        series.map((s, i) =>
          needsLast[i] ? bySeries.openCursor(IDBKeyRange.bound([s, -Infinity], [s, Infinity]), 'prev') : null,
        ),
      ),
      observed.some((o) => !o.peer && !o.period)
        ? alerts.index('byPeriod').getAll([site, store, pKey])
        : Promise.resolve([] as AlertRecord[]),
      holdMonths(
        days,
        book,
        monthKeys.flatMap((k) => (k ? [shopMonthOfKey(k)] : [])),
      ),
      Promise.all(curve.points.map((p) => curves.get(p.key))),
    ]);
    const custom = customRanges.map((r) => (r ? stored.filter((a) => a.id >= r.from && a.id <= r.to) : []));

    // Then the report is judged in memory against what was read, and every write is issued together.
    // A closed day's last reading is what its month record holds for the day: a closed figure there is
    // the latest closed reading (a closed one beats a running real-time one, and of two the later wins).
    const lastOf = new Map<string, Last | undefined>();
    series.forEach((s, i) => {
      if (lastOf.get(s)) return;
      const key = monthKeys[i];
      if (!needsLast[i] && key) {
        const month = book.month(key);
        const day = month && dayOf(month, periods[i]!.start);
        lastOf.set(s, day && !day.provisional ? { value: day.value, currency: day.currency, period: periods[i]! } : undefined);
      } else lastOf.set(s, lasts[i]?.value);
    });
    const current = new Map<string, AlertRecord>();
    for (const a of stored) current.set(a.id, a);
    const newReadings: ReadingRecord[] = [];
    const changedAlerts = new Map<string, AlertRecord>();
    const evaluations: Evaluation[] = [];
    const notify: AlertRecord[] = [];

    const putAlert = (alert: AlertRecord) => {
      current.set(alert.id, alert);
      changedAlerts.set(alert.id, alert);
    };
    const resolve = (existing: AlertRecord | undefined, value: number) => {
      const resolved = resolvedAlert(existing, value, ctx.now);
      if (resolved) putAlert(resolved);
    };
    /**
     * One number against one rule, a platform line's or the operator's: a verdict that fired raises (or
     * updates) the alert and gives the number its badge; a number found fine resolves it. `announce`: a
     * critical alert that is open and was never announced is marked and listed for a notification.
     */
    const raiseOrResolve = (
      id: string,
      index: number,
      value: number,
      verdict: { fired: Omit<AlertFields, 'id'> } | { fine: boolean },
      announce = false,
    ): void => {
      const existing = current.get(id);
      if (!('fired' in verdict)) {
        if (verdict.fine) resolve(existing, value);
        return;
      }
      const alert = raisedAlert(existing, { ...verdict.fired, id }, sighting);
      if (announce && ctx.mayNotify && alert.severity === 'critical' && alert.status === 'open' && !alert.notifiedAt) {
        alert.notifiedAt = ctx.now;
        notify.push(alert);
      }
      putAlert(alert);
      evaluations.push(evaluationOf(index, alert));
    };
    const of = (o: ObservedValue) => ({
      site,
      store,
      metric: o.metric,
      value: o.value,
      source: o.source,
      ...(o.currency ? { currency: o.currency } : {}),
    });

    for (const [index, o] of observed.entries()) {
      const last = lastOf.get(series[index]!);
      if (!last || last.value !== o.value || last.currency !== o.currency) {
        const record: ReadingRecord = {
          series: series[index]!,
          metric: o.metric,
          value: o.value,
          period: periods[index]!,
          periodKey: periodKeys[index]!,
          store,
          site,
          observedAt: ctx.now,
          url: sighting.url,
          source: o.source,
        };
        if (o.currency) record.currency = o.currency;
        if (o.breakdown) record.breakdown = o.breakdown;
        if (o.peer) record.peer = o.peer;
        // Today's real-time numbers replace each other; closed days and ranges keep every change.
        if (last?.id !== undefined && record.period.kind === 'realtime' && last.period.kind === 'realtime') record.id = last.id;
        newReadings.push(record);
        lastOf.set(series[index]!, record);
        const next = dailyFromReading(record);
        if (next && monthKeys[index]) book.gather(next);
      }

      // The platform's lines judge the shop's own totals of the page's period; only custom rules watch
      // rows, and peers and the history of a table of days raise nothing.
      const id = platformIds[index];
      if (!id) continue;
      const verdict = evaluate(o.metric, o.value, rules);
      raiseOrResolve(
        id,
        index,
        o.value,
        verdict
          ? {
              fired: {
                ...of(o),
                ruleId: verdict.rule.id,
                severity: verdict.severity,
                direction: verdict.rule.direction,
                fix: verdict.rule.fix,
                threshold: verdict.threshold,
              },
            }
          : { fine: true },
      );
    }

    // Alerts of custom rules since switched off, deleted or narrowed to other shops are resolved.
    for (const [index, o] of observed.entries()) {
      const active = new Set(checks.filter((c) => c.index === index).map((c) => c.rule.id));
      for (const stale of custom[index]!) if (!active.has(stale.ruleId)) resolve(current.get(stale.id), o.value);
    }

    for (const { index, o, rule, inputs } of checks) {
      const verdict = evaluateCustom(rule, inputs);
      raiseOrResolve(
        customAlertKey(site, store, o.metric, pKey, o.breakdown, rule.id),
        index,
        o.value,
        verdict.fired
          ? {
              fired: {
                ...of(o),
                ruleId: rule.id,
                ruleName: rule.name,
                severity: verdict.severity,
                direction: verdict.direction,
                fix: rule.fix,
                threshold: verdict.threshold,
                ...(o.breakdown ? { breakdown: o.breakdown } : {}),
              },
            }
          : // Only numbers that are fine resolve an alert; a missing baseline or target says nothing new.
            { fine: verdict.reason === 'notMet' },
        rule.notify,
      );
    }

    await issueAll([
      ...newReadings.map((r) => () => (r.id === undefined ? readings.add(r) : readings.put(r))),
      ...monthWrites(days, book),
      ...[...changedAlerts.values()].map((a) => () => alerts.put(a)),
      ...fileCurvePoints(report, { minute: curve.minute, timeZone: ctx.timeZone }, curve.points, foundCurves).map(
        (c) => () => curves.put(c),
      ),
    ]);
    return { stored: newReadings.length, evaluations: worstPerValue(evaluations), notify };
  });
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
    ctx.dailyTarget && day ? once('target', () => ctx.dailyTarget!(report.site, report.store, day)) : Promise.resolve(null);

  const checks: CustomCheck[] = [];
  for (const [index, o] of report.observed.entries()) {
    if (o.peer || o.period) continue;
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
