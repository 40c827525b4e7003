import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { MetricId } from './metrics';
import type { FixId, Severity } from './rules';
import type { Breakdown, Period, Source } from './types';

/**
 * The one database module. Only the background opens `storepulse`; everything else asks it by message.
 * Schema changes go through the numbered upgrade chain below, one step per version, never editing a
 * step that has shipped.
 */

export const DB_NAME = 'storepulse';
export const DB_VERSION = 2;

export interface ReadingRecord {
  id?: number;
  /** site|store|metric|periodKey|breakdown|peer — one series of values over time. */
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
  /** site|store|metric|periodKey — one alert per number the operator looks at; custom rules add their row and `|rule:<id>`. */
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
  url: string;
  source: Source;
  /** A custom rule's alert: the operator's name for the rule, and the table row it watched. */
  ruleName?: string;
  breakdown?: Breakdown;
  /** When a browser notification announced this alert; an alert is announced at most once. */
  notifiedAt?: number;
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
    indexes: { byLastSeen: number };
  };
}

export type Database = IDBPDatabase<StorePulseDB>;

type UpgradeTx = IDBPTransaction<StorePulseDB, Array<'readings' | 'alerts'>, 'versionchange'>;

/**
 * The numbered upgrade chain: STEPS[n] takes the database from version n to n + 1. A shipped step is
 * never edited; a schema change adds a step (and a test that upgrades a fixture of the version before).
 */
const STEPS: ReadonlyArray<(db: IDBPDatabase<StorePulseDB>, tx: UpgradeTx) => void> = [
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
];

/** Opens (and upgrades) the database; `version` is for tests that build an older version's fixture. */
export function openDatabase(name = DB_NAME, version: number = DB_VERSION): Promise<Database> {
  return openDB<StorePulseDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) STEPS[v]!(db, tx);
    },
    blocking(_current, _next, event) {
      // A newer version of the extension wants to upgrade: step aside instead of stalling it.
      (event.target as IDBDatabase).close();
    },
  });
}

export const SCHEMA_STEPS = STEPS.length;
