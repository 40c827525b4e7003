import type { z } from 'zod';
import {
  allOrNothing,
  replacesDaily,
  type AlertRecord,
  type DailyRecord,
  type Database,
  type ReadingRecord,
  type TargetRecord,
} from '../../db';
import { alertKey, dailyId, legacyIds, partOf, seriesKey, targetId } from '../../keys';
import { periodKey } from '../../reader/period';
import {
  exportedAlertSchema,
  exportedDailySchema,
  exportedReadingSchema,
  exportedTargetSchema,
  exportFileSchema,
} from '../../schemas';
import type { ImportReport, RejectionKind, SectionCounts } from '../../messages';
import { CSV_COLUMNS, CsvError, parseCsv, undefused } from './csv';
import { EXPORT_VERSION } from './export';

/**
 * Import of a JSON export or a CSV of daily values. Every record is validated and each one rejected is
 * reported with why; records merge without duplicates; the write is one transaction, so a file that
 * cannot be read, or a write that fails, leaves the database as it was.
 */

/** Files larger than this are refused before parsing (a 2-year, 10-shop history is a few MB). */
export const MAX_IMPORT_CHARS = 200_000_000;
/** Rejections listed one by one; the rest are counted. */
const MAX_LISTED = 200;

export class ImportError extends Error {}

const BATCH = 1000;

/**
 * Issues a batch of writes at once and waits for all. When one cannot even be issued (the store throws
 * at once), the ones already issued fail with the aborted transaction: they are waited for quietly and
 * the first error is what the caller sees.
 */
async function issueAll(writes: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  const issued: Array<Promise<unknown>> = [];
  try {
    for (const write of writes) issued.push(write());
  } catch (error) {
    for (const p of issued) p.catch(() => undefined);
    throw error;
  }
  await Promise.all(issued);
}

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

interface Valid {
  targets: TargetRecord[];
  daily: DailyRecord[];
  readings: Array<Omit<ReadingRecord, 'id'>>;
  alerts: AlertRecord[];
}

const zero = (): SectionCounts => ({ targets: 0, daily: 0, readings: 0, alerts: 0 });

/** Reads a JSON export or a CSV of daily values; throws ImportError (nothing written) when the file is not one. */
export async function importData(db: Database, text: string): Promise<ImportReport> {
  if (text.length > MAX_IMPORT_CHARS) throw new ImportError(`the file is too large (${text.length} characters)`);
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (!trimmed) throw new ImportError('the file is empty');
  const report: ImportReport = { format: 'json', added: zero(), duplicates: zero(), rejected: [], rejectedCount: 0 };
  const reject: Reject = (section, index, reason, what) => {
    report.rejectedCount++;
    if (report.rejected.length < MAX_LISTED) report.rejected.push({ section, index, reason, what });
  };
  const valid: Valid = trimmed.startsWith('{') ? validateJson(trimmed, report, reject) : validateCsv(trimmed, report, reject);
  await merge(db, valid, report);
  return report;
}

type Reject = (section: keyof SectionCounts, index: number, reason: string, what: RejectionKind) => void;

/** The first problem zod found, as the field it concerns and its own words. */
function fieldProblem(issue: z.core.$ZodIssue | undefined, whole: string): [string, RejectionKind] {
  const field = issue?.path.join('.') || whole;
  return [`${field}: ${issue?.message ?? 'invalid'}`, { kind: 'field', field }];
}

function validateJson(text: string, report: ImportReport, reject: Reject): Valid {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`not valid JSON: ${(error as Error).message}`);
  }
  const file = exportFileSchema.safeParse(raw);
  if (!file.success) {
    const issue = file.error.issues[0];
    throw new ImportError(`not a StorePulse export (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'})`);
  }
  if (file.data.version > EXPORT_VERSION)
    throw new ImportError(
      `the file was made by a newer StorePulse (format version ${file.data.version}); update StorePulse first`,
    );
  if (file.data.settings !== undefined) report.settings = file.data.settings;

  const valid: Valid = { targets: [], daily: [], readings: [], alerts: [] };
  // Ids must match the record's own fields; those of files exported before database version 4 (a
  // bare "|" join) are recognised too, and every record is filed under today's id.
  each(file.data.targets, exportedTargetSchema, 'targets', reject, (t) => {
    const id = targetId(t.site, t.store, t.month);
    if (t.id !== id && t.id !== legacyIds.target(t.site, t.store, t.month)) return 'id does not match site, store and month';
    valid.targets.push({ ...t, id } as TargetRecord);
  });
  each(file.data.daily, exportedDailySchema, 'daily', reject, (d) => {
    const part = partOf(d);
    const legacyPart = legacyIds.part(d);
    if (d.part !== part && d.part !== legacyPart) return 'part does not match breakdown and peer';
    const id = dailyId(d.site, d.store, d.metric, part, d.date);
    if (d.id !== id && d.id !== legacyIds.daily(d.site, d.store, d.metric, legacyPart, d.date))
      return 'id does not match its fields';
    valid.daily.push({ ...d, id, part } as DailyRecord);
  });
  each(file.data.readings, exportedReadingSchema, 'readings', reject, (r) => {
    // Keys are derived, never trusted: a reading is filed under the series its own fields name.
    const pKey = periodKey(r.period);
    valid.readings.push({ ...r, periodKey: pKey, series: seriesKey(r.site, r.store, r, pKey) } as Omit<ReadingRecord, 'id'>);
  });
  each(file.data.alerts, exportedAlertSchema, 'alerts', reject, (a) => {
    const legacy = a.id === legacyIds.alert(a.site, a.store, a.metric, a.periodKey);
    valid.alerts.push({ ...a, ...(legacy ? { id: alertKey(a.site, a.store, a.metric, a.periodKey) } : {}) } as AlertRecord);
  });
  return valid;
}

function each<S extends z.ZodType>(
  items: unknown[],
  schema: S,
  section: keyof SectionCounts,
  reject: Reject,
  accept: (value: z.infer<S>) => string | void,
): void {
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (!parsed.success) {
      reject(section, index, ...fieldProblem(parsed.error.issues[0], 'record'));
      return;
    }
    const problem = accept(parsed.data);
    if (problem) reject(section, index, problem, { kind: 'mismatch' });
  });
}

function validateCsv(text: string, report: ImportReport, reject: Reject): Valid {
  report.format = 'csv';
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new ImportError(error.message);
    throw error;
  }
  const header = rows[0]?.map((h) => h.trim().toLowerCase()) ?? [];
  for (const required of ['date', 'site', 'store', 'metric', 'value'])
    if (!header.includes(required))
      throw new ImportError(`not a StorePulse CSV: the header has no “${required}” column (expected ${CSV_COLUMNS.join(',')})`);
  const col = (row: string[], name: string): string => {
    const i = header.indexOf(name);
    return undefused(i < 0 ? '' : (row[i] ?? ''));
  };
  const valid: Valid = { targets: [], daily: [], readings: [], alerts: [] };
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    if (row.length !== header.length) {
      reject('daily', line, `${row.length} fields where the header has ${header.length}`, {
        kind: 'fieldCount',
        found: row.length,
        expected: header.length,
      });
      return;
    }
    const dimension = col(row, 'dimension');
    const key = col(row, 'key');
    const peer = col(row, 'peer');
    const observed = col(row, 'observed_at');
    const valueText = col(row, 'value').trim();
    const record: Record<string, unknown> = {
      site: col(row, 'site'),
      store: col(row, 'store'),
      metric: col(row, 'metric'),
      date: col(row, 'date'),
      value: valueText === '' ? NaN : Number(valueText),
      provisional: col(row, 'provisional') === 'true',
      observedAt: observed ? Date.parse(observed) : 0,
    };
    const currency = col(row, 'currency');
    if (currency) record.currency = currency;
    if (dimension || key) record.breakdown = { dimension, key };
    if (peer) record.peer = peer;
    record.part = partOf(record as { breakdown?: { dimension: string; key: string }; peer?: string });
    record.id = dailyId(
      String(record.site),
      String(record.store),
      String(record.metric),
      String(record.part),
      String(record.date),
    );
    const parsed = exportedDailySchema.safeParse(record);
    if (!parsed.success) {
      reject('daily', line, ...fieldProblem(parsed.error.issues[0], 'row'));
      return;
    }
    valid.daily.push(parsed.data as DailyRecord);
  });
  return valid;
}

async function merge(db: Database, valid: Valid, report: ImportReport): Promise<void> {
  const tx = db.transaction(['targets', 'daily', 'readings', 'alerts'], 'readwrite');
  await allOrNothing(tx, async () => {
    const targets = tx.objectStore('targets');
    for (const t of valid.targets) {
      const current = await targets.get(t.id);
      if (current && current.updatedAt >= t.updatedAt) report.duplicates.targets++;
      else {
        await targets.put(t);
        report.added.targets++;
      }
    }
    // Requests of one transaction are queued in order; asking for a batch at once saves a round trip each.
    const daily = tx.objectStore('daily');
    for (const batch of chunks(valid.daily)) {
      const currents = await Promise.all(batch.map((d) => daily.get(d.id)));
      const writes: Array<() => Promise<unknown>> = [];
      batch.forEach((d, i) => {
        const current = currents[i];
        if (current && (!replacesDaily(current, d) || (current.value === d.value && current.provisional === d.provisional)))
          report.duplicates.daily++;
        else {
          writes.push(() => daily.put(d));
          report.added.daily++;
        }
      });
      await issueAll(writes);
    }
    const readings = tx.objectStore('readings');
    const bySeries = readings.index('bySeries');
    for (const batch of chunks(valid.readings)) {
      const same = await Promise.all(batch.map((r) => bySeries.getAll(IDBKeyRange.only([r.series, r.observedAt]))));
      const writes: Array<() => Promise<unknown>> = [];
      batch.forEach((r, i) => {
        if (same[i]!.some((s) => s.value === r.value)) report.duplicates.readings++;
        else {
          writes.push(() => readings.add(r as ReadingRecord));
          report.added.readings++;
        }
      });
      await issueAll(writes);
    }
    const alerts = tx.objectStore('alerts');
    for (const a of valid.alerts) {
      const current = await alerts.get(a.id);
      if (current && current.lastSeen >= a.lastSeen) report.duplicates.alerts++;
      else {
        await alerts.put(a);
        report.added.alerts++;
      }
    }
  });
}
