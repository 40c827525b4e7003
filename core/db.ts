import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { MetricId } from './metrics';
import type { FixId, Severity } from './rules';
import type { Breakdown, Period, Source } from './types';

/**
 * The one database module. Only the background opens `storepulse`; everything else asks it by message.
 * Schema changes go through the numbered upgrade chain below, one step per version, never editing a
 * step that has shipped.
 */

export const DB_NAME = 'storepulse';
export const DB_VERSION = 1;

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

export type AlertStatus = 'open' | 'resolved' | 'dismissed';

export interface AlertRecord {
  /** site|store|metric|periodKey — one alert per number the operator looks at. */
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
}

export interface StorePulseDB extends DBSchema {
  readings: {
    key: number;
    value: ReadingRecord;
    indexes: { bySeries: [string, number]; byObservedAt: number };
  };
  alerts: {
    key: string;
    value: AlertRecord;
    indexes: { byLastSeen: number };
  };
}

export type Database = IDBPDatabase<StorePulseDB>;

export function openDatabase(name = DB_NAME): Promise<Database> {
  return openDB<StorePulseDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const readings = db.createObjectStore('readings', { keyPath: 'id', autoIncrement: true });
        readings.createIndex('bySeries', ['series', 'observedAt']);
        readings.createIndex('byObservedAt', 'observedAt');
        const alerts = db.createObjectStore('alerts', { keyPath: 'id' });
        alerts.createIndex('byLastSeen', 'lastSeen');
      }
    },
    blocking(_current, _next, event) {
      // A newer version of the extension wants to upgrade: step aside instead of stalling it.
      (event.target as IDBDatabase).close();
    },
  });
}
