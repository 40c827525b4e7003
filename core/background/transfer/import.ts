import type { z } from 'zod';
import {
  gatherDay,
  dayOf,
  daysOf,
  holdMonths,
  emptyMonth,
  MonthBook,
  monthWrites,
  putDay,
  replacesDaily,
  shopMonthKeyOf,
  type DailyMonthRecord,
  type DailyValue,
} from '../../daily-months';
import { curveKeyOf, emptyCurve, mergeCurve, type CurveRecord } from '../../intraday-curves';
import { allOrNothing, issueAll, type AlertRecord, type Database, type ReadingRecord, type TargetRecord } from '../../db';
import { alertKey, dailyId, joinKey, legacyIds, partOf, seriesKey, targetId } from '../../keys';
import type { ImportReport, RejectionKind, SectionCounts } from '../../messages';
import { periodKey } from '../../reader/period';
import {
  exportedAlertSchema,
  exportedCurveSchema,
  exportedDailySchema,
  exportedReadingSchema,
  exportedTargetSchema,
  exportFileSchema,
} from '../../schemas';
import { CSV_COLUMNS, CsvError, CsvReader, undefused } from './csv';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export';
import { JsonSectionReader, JsonStreamError } from './json-sections';

/**
 * Import of a JSON export or a CSV of daily values, read piece by piece as the options page sends the
 * file (`ImportSession`), so no message and no string ever holds the whole file. Every record is
 * validated as it arrives and each one rejected is reported with why; the days are gathered into their
 * month records. Nothing is written until the file has been read to its end, and then in one
 * transaction: a file that cannot be read, or a write that fails, leaves the database as it was.
 */

/** Rejections listed one by one; the rest are counted. */
const MAX_LISTED = 200;

export class ImportError extends Error {}

const BATCH = 1000;

function* chunks<T>(items: readonly T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += BATCH) yield items.slice(i, i + BATCH);
}

interface Valid {
  targets: TargetRecord[];
  /** The file's days, gathered into their months (a day the file holds twice counts once). */
  months: Map<string, DailyMonthRecord>;
  readings: Array<Omit<ReadingRecord, 'id'>>;
  alerts: AlertRecord[];
  /** The file's curves by key (a curve the file holds twice is merged into one). */
  curves: Map<string, CurveRecord>;
}

const zero = (): SectionCounts => ({ targets: 0, daily: 0, readings: 0, alerts: 0, curves: 0 });
const SECTIONS: ReadonlyArray<keyof SectionCounts> = ['targets', 'daily', 'readings', 'alerts', 'curves'];
const isSection = (key: string): key is keyof SectionCounts => (SECTIONS as readonly string[]).includes(key);

type Reject = (section: keyof SectionCounts, index: number, reason: string, what: RejectionKind) => void;

const DAY_MS = 86_400_000;
/** Settings are a few levels deep (rules → profile → rule → line); anything far deeper is not settings. */
const MAX_SETTINGS_DEPTH = 32;

/** Whether a parsed JSON value nests deeper than `limit` (walked without recursion). */
function deeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}
/** A snooze ends at most this far ahead. */
const LONGEST_SNOOZE_MS = 400 * DAY_MS;

/**
 * Times and days a record may carry: nothing after tomorrow (a day in the future would be pinned
 * against real readings, an alert kept in "today" forever, and 9e15 ms is past any date an export can
 * write). Returns the first field out of bounds, or nothing.
 */
function bounds(now: number) {
  const latest = now + DAY_MS;
  const latestDay = new Date(latest).toISOString().slice(0, 10);
  return {
    now,
    times(record: Record<string, unknown>, fields: readonly string[], until = latest): string | undefined {
      return fields.find((f) => typeof record[f] === 'number' && !((record[f] as number) <= until));
    },
    days(record: Record<string, unknown>, fields: readonly string[]): string | undefined {
      return fields.find((f) => typeof record[f] === 'string' && (record[f] as string) > latestDay);
    },
  };
}
type Bounds = ReturnType<typeof bounds>;

/** A field of a record out of bounds, as a rejection. */
function outOfBounds(field: string): [string, RejectionKind] {
  return [`${field}: after tomorrow`, { kind: 'field', field }];
}

function periodLate(limits: Bounds, period: { start: string; end: string }): string | undefined {
  const field = limits.days(period, ['start', 'end']);
  return field && `period.${field}`;
}

/**
 * One file on its way in: `feed` it the file's text in pieces, then `finish` writes what was valid.
 * Throws ImportError (nothing written) as soon as the file shows it is not an export.
 */
export class ImportSession {
  readonly report: ImportReport = { format: 'json', added: zero(), duplicates: zero(), rejected: [], rejectedCount: 0 };
  private readonly valid: Valid = { targets: [], months: new Map(), readings: [], alerts: [], curves: new Map() };
  private reader: { feed(text: string): void; end(): void } | undefined;
  private started = false;
  private header: { format?: unknown; version?: unknown } = {};
  private readonly limits: Bounds;

  /** `now` bounds the file's times and days (nothing after tomorrow). */
  constructor(now: number = Date.now()) {
    this.limits = bounds(now);
  }

  private readonly reject: Reject = (section, index, reason, what) => {
    this.report.rejectedCount++;
    if (this.report.rejected.length < MAX_LISTED) this.report.rejected.push({ section, index, reason, what });
  };

  feed(piece: string): void {
    let text = piece;
    if (!this.reader) {
      text = text.replace(/^\uFEFF/, '').trimStart();
      if (!text) return;
      this.reader = text.startsWith('{') ? this.jsonReader() : this.csvReader();
    }
    this.started = true;
    try {
      this.reader.feed(text);
    } catch (error) {
      throw asImportError(error);
    }
  }

  /** Checks the file ended well, then merges what was valid in one transaction. */
  async finish(db: Database): Promise<ImportReport> {
    if (!this.started || !this.reader) throw new ImportError('the file is empty');
    try {
      this.reader.end();
    } catch (error) {
      throw asImportError(error);
    }
    if (this.report.format === 'json') this.checkHeader(true);
    await merge(db, this.valid, this.report);
    return this.report;
  }

  /** The envelope must say what the file is before any record (StorePulse writes it first). */
  private checkHeader(complete: boolean): void {
    const { format, version } = this.header;
    if (format === undefined && !complete) throw new ImportError('not a StorePulse export (format: missing before the records)');
    if (format !== EXPORT_FORMAT) throw new ImportError(`not a StorePulse export (format: expected “${EXPORT_FORMAT}”)`);
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      throw new ImportError('not a StorePulse export (version: expected a whole number)');
    if (version > EXPORT_VERSION)
      throw new ImportError(`the file was made by a newer StorePulse (format version ${version}); update StorePulse first`);
  }

  private jsonReader(): JsonSectionReader {
    const envelope = exportFileSchema.pick({ exportedAt: true });
    return new JsonSectionReader({
      streams: isSection,
      value: (key, value) => {
        if (key === 'format' || key === 'version') {
          this.header[key] = value;
          if (key === 'version') this.checkHeader(false);
        } else if (key === 'exportedAt') {
          if (!envelope.safeParse({ exportedAt: value }).success) throw new ImportError('not a StorePulse export (exportedAt)');
        } else if (key === 'settings') {
          // The report carries the file's settings back to the options page; a value nested deeper than
          // any settings object could not even be sent, and the data would be written behind a lost reply.
          if (deeperThan(value, MAX_SETTINGS_DEPTH))
            throw new ImportError(
              `the file's settings are nested deeper than ${MAX_SETTINGS_DEPTH} levels; they are not StorePulse settings`,
            );
          this.report.settings = value;
        } else if (isSection(key)) throw new ImportError(`not a StorePulse export (${key}: expected an array)`);
      },
      record: (key, index, value) => {
        if (!isSection(key)) return;
        this.checkHeader(false);
        this.accept(key, index, value);
      },
    });
  }

  private accept(section: keyof SectionCounts, index: number, item: unknown): void {
    const limits = this.limits;
    const problem = (() => {
      if (section === 'targets') {
        const t = exportedTargetSchema.safeParse(item);
        if (!t.success) return t.error;
        const late = limits.times(t.data, ['updatedAt']);
        if (late) return outOfBounds(late);
        // Ids must match the record's own fields; those of files exported before database version 4 (a
        // bare "|" join) are recognised too, and every record is filed under today's id.
        const id = targetId(t.data.site, t.data.store, t.data.month);
        if (t.data.id !== id && t.data.id !== legacyIds.target(t.data.site, t.data.store, t.data.month))
          return 'id does not match site, store and month';
        this.valid.targets.push({ ...t.data, id } as TargetRecord);
      } else if (section === 'daily') {
        const d = exportedDailySchema.safeParse(item);
        if (!d.success) return d.error;
        const late = limits.times(d.data, ['observedAt']) ?? limits.days(d.data, ['date']);
        if (late) return outOfBounds(late);
        const part = partOf(d.data);
        const legacyPart = legacyIds.part(d.data);
        if (d.data.part !== part && d.data.part !== legacyPart) return 'part does not match breakdown and peer';
        if (
          d.data.id !== dailyId(d.data.site, d.data.store, d.data.metric, part, d.data.date) &&
          d.data.id !== legacyIds.daily(d.data.site, d.data.store, d.data.metric, legacyPart, d.data.date)
        )
          return 'id does not match its fields';
        const { id: _id, ...day } = d.data;
        this.addDay({ ...day, part } as DailyValue);
      } else if (section === 'readings') {
        const r = exportedReadingSchema.safeParse(item);
        if (!r.success) return r.error;
        const late = limits.times(r.data, ['observedAt']) ?? periodLate(limits, r.data.period);
        if (late) return outOfBounds(late);
        // Keys are derived, never trusted: a reading is filed under the series its own fields name.
        const pKey = periodKey(r.data.period);
        this.valid.readings.push({
          ...r.data,
          periodKey: pKey,
          series: seriesKey(r.data.site, r.data.store, r.data, pKey),
        } as Omit<ReadingRecord, 'id'>);
      } else if (section === 'curves') {
        const c = exportedCurveSchema.safeParse(item);
        if (!c.success) return c.error;
        const late = limits.days(c.data, ['date']);
        if (late) return outOfBounds(late);
        if (c.data.part !== partOf(c.data)) return 'part does not match breakdown';
        this.addCurve(c.data as CurveRecord);
      } else {
        const a = exportedAlertSchema.safeParse(item);
        if (!a.success) return a.error;
        const late =
          limits.times(a.data, ['firstSeen', 'lastSeen', 'resolvedAt', 'acknowledgedAt', 'notifiedAt']) ??
          limits.times(a.data, ['dismissedUntil'], limits.now + LONGEST_SNOOZE_MS) ??
          (a.data.history?.some((h) => limits.times(h, ['at'])) ? 'history' : undefined) ??
          periodLate(limits, a.data.period);
        if (late) return outOfBounds(late);
        const legacy = a.data.id === legacyIds.alert(a.data.site, a.data.store, a.data.metric, a.data.periodKey);
        this.valid.alerts.push({
          ...a.data,
          ...(legacy ? { id: alertKey(a.data.site, a.data.store, a.data.metric, a.data.periodKey) } : {}),
        } as AlertRecord);
      }
      return undefined;
    })();
    if (typeof problem === 'string') this.reject(section, index, problem, { kind: 'mismatch' });
    else if (Array.isArray(problem)) this.reject(section, index, ...problem);
    else if (problem) this.reject(section, index, ...fieldProblem(problem.issues[0], 'record'));
  }

  /** Keeps a curve of the file; one it holds twice is merged into the first and counts as a duplicate. */
  private addCurve(curve: CurveRecord): void {
    const id = joinKey(curveKeyOf(curve));
    const had = this.valid.curves.get(id);
    if (!had) this.valid.curves.set(id, curve);
    else {
      this.valid.curves.set(id, mergeCurve(had, curve) ?? had);
      this.report.duplicates.curves++;
    }
  }

  /** Gathers a day into its month; the same day twice in one file counts as a duplicate once. */
  private addDay(day: DailyValue): void {
    if (gatherDay(this.valid.months, day).had) this.report.duplicates.daily++;
  }

  private csvReader(): CsvReader {
    this.report.format = 'csv';
    let header: string[] | undefined;
    let line = 1;
    return new CsvReader((row) => {
      if (!header) {
        header = row.map((h) => h.trim().toLowerCase());
        for (const required of ['date', 'site', 'store', 'metric', 'value'])
          if (!header.includes(required))
            throw new ImportError(
              `not a StorePulse CSV: the header has no “${required}” column (expected ${CSV_COLUMNS.join(',')})`,
            );
        return;
      }
      this.csvRow(header, row, ++line);
    });
  }

  private csvRow(header: string[], row: string[], line: number): void {
    if (row.length !== header.length) {
      this.reject('daily', line, `${row.length} fields where the header has ${header.length}`, {
        kind: 'fieldCount',
        found: row.length,
        expected: header.length,
      });
      return;
    }
    const col = (name: string): string => {
      const i = header.indexOf(name);
      return undefused(i < 0 ? '' : (row[i] ?? ''));
    };
    const dimension = col('dimension');
    const key = col('key');
    const peer = col('peer');
    const observed = col('observed_at');
    const valueText = col('value').trim();
    const record: Record<string, unknown> = {
      site: col('site'),
      store: col('store'),
      metric: col('metric'),
      date: col('date'),
      value: valueText === '' ? NaN : Number(valueText),
      provisional: col('provisional') === 'true',
      observedAt: observed ? Date.parse(observed) : 0,
    };
    const currency = col('currency');
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
      this.reject('daily', line, ...fieldProblem(parsed.error.issues[0], 'row'));
      return;
    }
    const late = this.limits.times(parsed.data, ['observedAt']) ?? this.limits.days(parsed.data, ['date']);
    if (late) {
      this.reject('daily', line, ...outOfBounds(late === 'observedAt' ? 'observed_at' : late));
      return;
    }
    const { id: _id, ...day } = parsed.data;
    this.addDay(day as DailyValue);
  }
}

function asImportError(error: unknown): Error {
  if (error instanceof JsonStreamError) return new ImportError(`not valid JSON: ${error.message}`);
  if (error instanceof CsvError) return new ImportError(error.message);
  return error as Error;
}

/** Reads a whole JSON export or CSV of daily values; throws ImportError (nothing written) when the file is not one. */
export async function importData(db: Database, text: string, now: number = Date.now()): Promise<ImportReport> {
  const session = new ImportSession(now);
  session.feed(text);
  return session.finish(db);
}

/** The first problem zod found, as the field it concerns and its own words. */
function fieldProblem(issue: z.core.$ZodIssue | undefined, whole: string): [string, RejectionKind] {
  const field = issue?.path.join('.') || whole;
  return [`${field}: ${issue?.message ?? 'invalid'}`, { kind: 'field', field }];
}

async function merge(db: Database, valid: Valid, report: ImportReport): Promise<void> {
  const tx = db.transaction(['targets', 'days', 'readings', 'alerts', 'curves'], 'readwrite');
  await allOrNothing(tx, async () => {
    await keepNewer(tx.objectStore('targets'), valid.targets, (t) => t.updatedAt, 'targets', report);
    // Requests of one transaction are queued in order; asking for a batch at once saves a round trip each.
    const days = tx.objectStore('days');
    for (const batch of chunks([...valid.months.values()])) {
      // The shop months the batch's series fall in, read at once; each changed one written once.
      const book = new MonthBook();
      await holdMonths(days, book, batch.map(shopMonthKeyOf));
      for (const incoming of batch) {
        const month =
          book.month([incoming.site, incoming.store, incoming.metric, incoming.part, incoming.month]) ??
          emptyMonth({ ...incoming, date: `${incoming.month}-01`, value: 0, provisional: false, observedAt: 0 });
        let changed = false;
        for (const d of daysOf(incoming)) {
          const current = dayOf(month, d.date);
          if (current && (!replacesDaily(current, d) || (current.value === d.value && current.provisional === d.provisional)))
            report.duplicates.daily++;
          else {
            putDay(month, d);
            changed = true;
            report.added.daily++;
          }
        }
        if (changed) book.set(month);
      }
      await issueAll(monthWrites(days, book));
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
    await keepNewer(tx.objectStore('alerts'), valid.alerts, (a) => a.lastSeen, 'alerts', report);
    const curves = tx.objectStore('curves');
    for (const batch of chunks([...valid.curves.values()])) {
      const kept = await Promise.all(batch.map((c) => curves.get(curveKeyOf(c))));
      const writes: Array<() => Promise<unknown>> = [];
      batch.forEach((incoming, i) => {
        const merged = mergeCurve(kept[i] ?? emptyCurve(incoming), incoming);
        if (merged) {
          writes.push(() => curves.put(merged));
          report.added.curves++;
        } else report.duplicates.curves++;
      });
      await issueAll(writes);
    }
  });
}

/** Records kept one per id (targets, alerts): the file's replaces the stored one only when it is newer. */
async function keepNewer<R extends { id: string }>(
  store: { get(id: string): Promise<R | undefined>; put(record: R): Promise<unknown> },
  records: readonly R[],
  time: (record: R) => number,
  section: 'targets' | 'alerts',
  report: ImportReport,
): Promise<void> {
  for (const r of records) {
    const current = await store.get(r.id);
    if (current && time(current) >= time(r)) report.duplicates[section]++;
    else {
      await store.put(r);
      report.added[section]++;
    }
  }
}
