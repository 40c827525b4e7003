import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { MetricId } from './metrics';
import type { FixId, Severity } from './rules';
import type { AlertHistoryEntry, MonthTarget, ReviewAlertDetail } from './review/types';
import {
  gatherDay,
  replacesDaily,
  shopMonthsOf,
  type DailyMonthRecord,
  type DailyValue,
  type ShopMonthKey,
  type ShopMonthRecord,
} from './daily-months';
import type { CurveKey, CurveRecord } from './intraday-curves';
import { alertKey, customAlertKey, dailyId, partOf, seriesKey, targetId } from './keys';
import type { Breakdown, Period, Source } from './types';

/**
 * The one database module. Only the background opens `storepulse`; everything else asks it by message.
 * Schema changes go through the numbered upgrade chain below, one step per version, never editing a
 * step that has shipped.
 */

export const DB_NAME = 'storepulse';
export const DB_VERSION = 8;

export interface ReadingRecord {
  id?: number;
  /** site|store|metric|periodKey|breakdown|peer — one series of values over time (`seriesKey`, core/keys.ts). */
  series: string;
  metric: MetricId;
  value: number;
  currency?: string;
  period: Period;
  periodKey: string;
  store: string;
  site: string;
  breakdown?: Breakdown;
  peer?: string;
  observedAt: number;
  /** Origin and path of the page, without query or fragment (those can carry session tokens). */
  url: string;
  source: Source;
}

/** `dismissed` is snoozed until `dismissedUntil`; `acknowledged` stays quiet until the number turns good. */
export type AlertStatus = 'open' | 'resolved' | 'dismissed' | 'acknowledged';

export interface AlertRecord {
  /**
   * site|store|metric|periodKey — one alert per number the operator looks at; custom rules add their row
   * and `|rule:<id>` (`alertKey`, `customAlertKey`, core/keys.ts).
   */
  id: string;
  site: string;
  store: string;
  metric: MetricId;
  ruleId: string;
  severity: Severity;
  direction: 'above' | 'below';
  fix: FixId;
  value: number;
  currency?: string;
  threshold: number;
  period: Period;
  periodKey: string;
  status: AlertStatus;
  firstSeen: number;
  lastSeen: number;
  /** Dismissed alerts come back after this moment (end of the local day they were dismissed). */
  dismissedUntil?: number;
  resolvedAt?: number;
  acknowledgedAt?: number;
  /** What happened to the alert, oldest first (capped). Absent on alerts stored before version 3. */
  history?: AlertHistoryEntry[];
  url: string;
  source: Source;
  /** A custom rule's alert: the operator's name for the rule, and the table row it watched. */
  ruleName?: string;
  breakdown?: Breakdown;
  /** When a browser notification announced this alert; an alert is announced at most once. */
  notifiedAt?: number;
  /** An alert of the review (core/review/review-alerts.ts): the days the gap held on and what fell. */
  review?: ReviewAlertDetail;
}

/**
 * One day of one series with its id: how the `daily` store of versions 3 and 4 kept a day, and how an
 * export file carries one. Since version 5 the days live in month records (`days`, core/daily-months.ts).
 */
export interface DailyRecord extends DailyValue {
  /** site|store|metric|part|date (`dailyId`, core/keys.ts) */
  id: string;
}

export interface TargetRecord extends MonthTarget {
  /** site|store|month (`targetId`, core/keys.ts) */
  id: string;
  updatedAt: number;
}

export interface StorePulseDB extends DBSchema {
  readings: {
    key: number;
    value: ReadingRecord;
    indexes: { bySeries: [string, number]; byObservedAt: number; byShop: [string, string] };
  };
  alerts: {
    key: string;
    value: AlertRecord;
    indexes: { byLastSeen: number; byPeriod: [string, string, string] };
  };
  /** One record per shop × month holding every series' days, keyed `[site, store, month]` (core/daily-months.ts). */
  days: {
    key: ShopMonthKey;
    value: ShopMonthRecord;
  };
  targets: {
    key: string;
    value: TargetRecord;
    indexes: { byShop: [string, string] };
  };
  /** One record per shop × series × day of a real-time board's running totals, keyed `[site, store, metric, part, date]` (core/intraday-curves.ts). */
  curves: {
    key: CurveKey;
    value: CurveRecord;
    indexes: { byDate: string };
  };
}

export type Database = IDBPDatabase<StorePulseDB>;

/** One read-only transaction over every store: many reads in it cost one transaction, not one each. */
export type ReadTx = IDBPTransaction<StorePulseDB, Array<StoreNames<StorePulseDB>>, 'readonly'>;

/** Where reads go: the database (each read its own transaction) or one transaction shared by many reads. */
export type Reader = Database | ReadTx;

/** A store to read from `reader`: in its transaction, or in a new one. */
export function readStore<S extends StoreNames<StorePulseDB>>(reader: Reader, name: S) {
  return 'objectStore' in reader ? reader.objectStore(name) : reader.transaction(name).objectStore(name);
}

/** A read-only transaction over every store, for a batch of reads issued together. */
export const readAll = (db: Database): ReadTx => db.transaction([...db.objectStoreNames]);

/**
 * The schema the upgrade steps see: today's stores, `daily` (one record a day, until version 5) and
 * `days` as versions 5 to 7 kept it (one record per shop × series × month, until version 8).
 */
interface UpgradeSchema extends DBSchema {
  readings: StorePulseDB['readings'];
  alerts: StorePulseDB['alerts'];
  targets: StorePulseDB['targets'];
  curves: StorePulseDB['curves'];
  days: {
    key: IDBValidKey;
    value: DailyMonthRecord | ShopMonthRecord;
    indexes: { byShopMonth: [string, string, string] };
  };
  daily: {
    key: string;
    value: DailyRecord;
    indexes: { bySeries: [string, string, string, string, string]; byDate: string };
  };
}

type UpgradeTx = IDBPTransaction<
  UpgradeSchema,
  Array<'readings' | 'alerts' | 'daily' | 'days' | 'targets' | 'curves'>,
  'versionchange'
>;

/**
 * One upgrade step: its schema changes, made at once, and the work on the data it returns, which runs
 * after every step's schema changes and after the data work of the steps before it.
 */
type Step = (db: IDBPDatabase<UpgradeSchema>, tx: UpgradeTx) => void | (() => Promise<void>);

/**
 * The numbered upgrade chain: STEPS[n] takes the database from version n to n + 1. A shipped step is
 * never edited; a schema change adds a step (and a test that upgrades a fixture of the version before,
 * `test/fixtures/db/`).
 */
const STEPS: readonly Step[] = [
  // 0 → 1: readings and alerts.
  (db) => {
    const readings = db.createObjectStore('readings', { keyPath: 'id', autoIncrement: true });
    readings.createIndex('bySeries', ['series', 'observedAt']);
    readings.createIndex('byObservedAt', 'observedAt');
    const alerts = db.createObjectStore('alerts', { keyPath: 'id' });
    alerts.createIndex('byLastSeen', 'lastSeen');
  },
  // 1 → 2: list the shops seen without reading every reading (options page, per-shop settings).
  (_db, tx) => {
    tx.objectStore('readings').createIndex('byShop', ['site', 'store']);
  },
  // 2 → 3: one value per series and day (trends, reviews, retention) and monthly targets. The days
  // already read are filled in from the readings kept so far.
  (db, tx) => {
    const daily = db.createObjectStore('daily', { keyPath: 'id' });
    daily.createIndex('bySeries', ['site', 'store', 'metric', 'part', 'date']);
    daily.createIndex('byDate', 'date');
    const targets = db.createObjectStore('targets', { keyPath: 'id' });
    targets.createIndex('byShop', ['site', 'store']);
    return () => backfillDaily(tx);
  },
  // 3 → 4: ids escape `|` (and a row's `=` and `:`) inside page text (core/keys.ts). Ids built from
  // text without those characters are unchanged; the others are built again from the record's fields.
  (_db, tx) => () => rekey(tx),
  // 4 → 5: the days move into one record per shop × series × month (`days`); every day read is kept.
  (db, tx) => {
    db.createObjectStore('days', { keyPath: ['site', 'store', 'metric', 'part', 'month'] });
    return async () => {
      await foldDaily(tx);
      db.deleteObjectStore('daily');
    };
  },
  // 5 → 6: the day's curve of real-time boards (one record per shop × series × day); older data is
  // untouched. Nothing to fill in: version 5 kept only the latest real-time reading of each series.
  (db) => {
    const curves = db.createObjectStore('curves', { keyPath: ['site', 'store', 'metric', 'part', 'date'] });
    curves.createIndex('byDate', 'date');
  },
  // 6 → 7: a report's look-ups in one request each: the alerts of a shop's period, the month records of a
  // shop's month. Indexes only: every record stays as it was.
  (_db, tx) => {
    tx.objectStore('alerts').createIndex('byPeriod', ['site', 'store', 'periodKey']);
    tx.objectStore('days').createIndex('byShopMonth', ['site', 'store', 'month']);
  },
  // 7 → 8: the month records of a shop's series move into one record per shop × month (`days`, keyed
  // [site, store, month]): a report of a shop's day writes one record instead of one per series. Every
  // day, with when it was read, whether it was provisional and its currency, is kept; readings untouched.
  (db, tx) => () => intoShopMonths(db, tx),
];

async function backfillDaily(tx: UpgradeTx): Promise<void> {
  const daily = tx.objectStore('daily');
  let cursor = await tx.objectStore('readings').index('byObservedAt').openCursor();
  while (cursor) {
    const day = dailyFromReading(cursor.value);
    if (day) {
      const next = { ...day, id: dailyId(day.site, day.store, day.metric, day.part, day.date) };
      const current = await daily.get(next.id);
      if (replacesDaily(current, next)) await daily.put(next);
    }
    cursor = await cursor.continue();
  }
}

/**
 * Builds every stored id again from its record's own fields and files the record under it when it
 * differs: a series of readings, a daily value (two that now share an id keep the one `replacesDaily`
 * picks), an alert (a custom rule's keeps its rule; two that now share an id keep the one seen last)
 * and a target (the one updated last).
 */
async function rekey(tx: UpgradeTx): Promise<void> {
  let readings = await tx.objectStore('readings').openCursor();
  while (readings) {
    const r = readings.value;
    const series = seriesKey(r.site, r.store, r, r.periodKey);
    if (series !== r.series) await readings.update({ ...r, series });
    readings = await readings.continue();
  }
  const daily = tx.objectStore('daily');
  for (const d of await daily.getAll()) {
    const part = partOf(d);
    const id = dailyId(d.site, d.store, d.metric, part, d.date);
    if (id === d.id && part === d.part) continue;
    await daily.delete(d.id);
    const next = { ...d, id, part };
    if (replacesDaily(await daily.get(id), next)) await daily.put(next);
  }
  const alerts = tx.objectStore('alerts');
  for (const a of await alerts.getAll()) {
    const custom = a.ruleName !== undefined || a.breakdown !== undefined || a.id.endsWith(`|rule:${a.ruleId}`);
    const id = custom
      ? customAlertKey(a.site, a.store, a.metric, a.periodKey, a.breakdown, a.ruleId)
      : alertKey(a.site, a.store, a.metric, a.periodKey);
    if (id === a.id) continue;
    await alerts.delete(a.id);
    const current = await alerts.get(id);
    if (!current || current.lastSeen <= a.lastSeen) await alerts.put({ ...a, id });
  }
  const targets = tx.objectStore('targets');
  for (const t of await targets.getAll()) {
    const id = targetId(t.site, t.store, t.month);
    if (id === t.id) continue;
    await targets.delete(t.id);
    const current = await targets.get(id);
    if (!current || current.updatedAt <= t.updatedAt) await targets.put({ ...t, id });
  }
}

/** Every day of the `daily` store filed in its month record (the one `replacesDaily` picks wins a day). */
async function foldDaily(tx: UpgradeTx): Promise<void> {
  const months = new Map<string, DailyMonthRecord>();
  for (const { id: _id, ...day } of await tx.objectStore('daily').getAll()) gatherDay(months, day);
  const days = tx.objectStore('days');
  await Promise.all([...months.values()].map((m) => days.put(m)));
}

/** Every month record of `days` (versions 5–7) gathered into its shop's month, in a `days` store made anew. */
async function intoShopMonths(db: IDBPDatabase<UpgradeSchema>, tx: UpgradeTx): Promise<void> {
  const months = (await tx.objectStore('days').getAll()) as DailyMonthRecord[];
  db.deleteObjectStore('days');
  const days = db.createObjectStore('days', { keyPath: ['site', 'store', 'month'] });
  await issueAll(shopMonthsOf(months).map((m) => () => days.put(m)));
}

/** The daily value a reading stands for: only readings of one day (closed, or today's real-time). */
export function dailyFromReading(
  r: Pick<ReadingRecord, 'site' | 'store' | 'metric' | 'value' | 'currency' | 'period' | 'breakdown' | 'peer' | 'observedAt'>,
): DailyValue | null {
  const { period } = r;
  if ((period.kind !== 'day' && period.kind !== 'realtime') || period.start !== period.end) return null;
  const record: DailyValue = {
    site: r.site,
    store: r.store,
    metric: r.metric,
    part: partOf(r),
    date: period.start,
    value: r.value,
    provisional: period.kind === 'realtime',
    observedAt: r.observedAt,
  };
  if (r.currency) record.currency = r.currency;
  if (r.breakdown) record.breakdown = r.breakdown;
  if (r.peer) record.peer = r.peer;
  return record;
}

/** What happens to an open connection, for the one who keeps it (core/background/connection.ts). */
export interface DbEvents {
  /** The connection closed under us: another version opened, the database was deleted, the browser dropped it. */
  closed?(): void;
  /** Our upgrade waits for an older connection elsewhere to close. */
  blocked?(): void;
}

/** Opens (and upgrades) the database; `version` is for tests that build an older version's fixture. */
export async function openDatabase(name = DB_NAME, version: number = DB_VERSION, events: DbEvents = {}): Promise<Database> {
  const db = await openDB<UpgradeSchema>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      // An upgrade that fails or is cut short rejects the open itself; its transaction's own promise is not waited on.
      tx.done.catch(() => undefined);
      const work: Array<() => Promise<void>> = [];
      for (let v = oldVersion; v < (newVersion ?? version); v++) {
        const data = STEPS[v]!(db, tx);
        if (data) work.push(data);
      }
      // One after another, each started inside the transaction's own callbacks so it stays open.
      const [first, ...rest] = work;
      if (first) void rest.reduce((before, next) => before.then(next), first()).catch(() => abortQuietly(tx));
    },
    blocking(_current, _next, event) {
      // A newer version of the extension wants to upgrade: step aside instead of stalling it.
      (event.target as IDBDatabase).close();
      events.closed?.();
    },
    blocked() {
      events.blocked?.();
    },
    terminated() {
      events.closed?.();
    },
  });
  return db as unknown as Database;
}

/** Aborts a transaction, which a failed request may already have done. */
function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // already aborted by the failing request
  }
}

/**
 * All or nothing: runs `work` in a readwrite transaction and waits for it to commit. When anything
 * fails (a full disk, a bad record), the transaction is aborted, so nothing it wrote stays, and the
 * error is rethrown.
 */
export async function allOrNothing<T>(tx: { abort(): void; done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    abortQuietly(tx);
    await tx.done.catch(() => undefined);
    throw error;
  }
  await tx.done;
  return result;
}

/**
 * Issues a batch of writes at once and waits for all. When one cannot even be issued (the store throws
 * at once), the ones already issued fail with the aborted transaction: they are waited for quietly and
 * the first error is what the caller sees.
 */
export async function issueAll(writes: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  const issued: Array<Promise<unknown>> = [];
  try {
    for (const write of writes) issued.push(write());
  } catch (error) {
    for (const p of issued) p.catch(() => undefined);
    throw error;
  }
  await Promise.all(issued);
}
