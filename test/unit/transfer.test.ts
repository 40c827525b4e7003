import { describe, expect, it } from 'vitest';
import { ingest } from '@/core/background/ingest';
import { setTarget } from '@/core/background/target-store';
import { parseCsv } from '@/core/background/transfer/csv';
import { exportText, type ExportFile } from '@/core/background/transfer/export';
import { importData } from '@/core/background/transfer/import';
import type { Database } from '@/core/db';
import { allDays, day, freshDb, noonOf, obs, report, SYCM_URL } from './support/db';
import { dbFixture } from './support/legacy-db';

async function seeded(): Promise<Database> {
  const db = await freshDb('storepulse-transfer');
  for (const [i, date] of ['2026-11-23', '2026-11-24', '2026-11-25'].entries()) {
    await ingest(
      db,
      report(
        [
          obs('visitors', 3000 + i),
          obs('bounceRate', 0.72),
          obs('sales', 12345.5 + i, { currency: 'CNY' }),
          obs('visitors', 900 + i, { breakdown: { dimension: 'source', key: '手淘搜索, "app"' } }),
        ],
        day(date),
      ),
      { url: SYCM_URL, now: noonOf(date) + 86_400_000 },
    );
  }
  await setTarget(
    db,
    { site: 'sycm', store: '小雨的旗舰店', month: '2026-11', amount: 400000, currency: 'CNY', split: 'even' },
    1,
  );
  return db;
}

async function contents(db: Database) {
  const strip = <T extends { id?: unknown }>(rows: T[]) => rows.map(({ id: _id, ...rest }) => rest);
  return {
    readings: strip(await db.getAll('readings')).sort((a, b) => a.series.localeCompare(b.series) || a.observedAt - b.observedAt),
    daily: await allDays(db),
    alerts: await db.getAll('alerts'),
    targets: await db.getAll('targets'),
  };
}

describe('export and import', () => {
  it('round-trips everything through JSON into an empty database', async () => {
    const source = await seeded();
    const file = JSON.parse(await exportText(source, 'json', noonOf('2026-11-26'), { version: 1, language: 'en' })) as ExportFile;
    expect(file).toMatchObject({ format: 'storepulse-export', version: 1, settings: { language: 'en' } });
    const target = await freshDb('storepulse-transfer');
    const result = await importData(target, JSON.stringify(file));
    expect(result.rejected).toEqual([]);
    expect(result.added).toEqual({ targets: 1, daily: 12, readings: 12, alerts: 3, curves: 0 });
    expect(result.settings).toEqual({ version: 1, language: 'en' });
    expect(await contents(target)).toEqual(await contents(source));
  });

  it('merges without duplicates: importing the same file twice adds nothing the second time', async () => {
    const db = await seeded();
    const text = await exportText(db, 'json', 0);
    const before = await contents(db);
    const again = await importData(db, text);
    expect(again.added).toEqual({ targets: 0, daily: 0, readings: 0, alerts: 0, curves: 0 });
    expect(again.duplicates).toEqual({ targets: 1, daily: 12, readings: 12, alerts: 3, curves: 0 });
    expect(await contents(db)).toEqual(before);
  });

  it('refuses a file that is not an export and leaves the database as it was', async () => {
    const db = await seeded();
    const before = await contents(db);
    const good = await exportText(db, 'json', 0);
    for (const [text, message] of [
      ['', /empty/],
      ['{"format":"storepulse-export", "version": 1, "daily": [', /not valid JSON/],
      [good.slice(0, good.length / 2), /not valid JSON/],
      ['{"format":"other-tool","version":1,"exportedAt":"x"}', /not a StorePulse export \(format/],
      ['{"format":"storepulse-export","version":99,"exportedAt":"x"}', /newer StorePulse/],
      ['{"format":"storepulse-export","version":1,"exportedAt":"x","daily":{}}', /daily/],
      ['just some text\nwithout a header', /no “date” column/],
    ] as const) {
      await expect(importData(db, text), text.slice(0, 40)).rejects.toThrow(message);
    }
    expect(await contents(db)).toEqual(before);
  });

  it('reports every rejected record and why, and imports the good ones', async () => {
    const db = await seeded();
    const file = JSON.parse(await exportText(db, 'json', 0)) as ExportFile & { daily: unknown[]; readings: unknown[] };
    const target = await freshDb('storepulse-transfer');
    const daily = file.daily as Array<Record<string, unknown>>;
    daily[0] = { ...daily[0], value: 'NaN' };
    daily[1] = { ...daily[1], metric: 'bounce' };
    daily[2] = { ...daily[2], value: 1, id: 'sycm|someone else|visitors||2026-11-23' };
    (file.readings as Array<Record<string, unknown>>)[0] = {
      ...(file.readings[0] as object),
      period: { kind: 'day', start: '2026-11-26', end: '2026-11-01' },
    };
    const result = await importData(target, JSON.stringify(file));
    expect(result.rejectedCount).toBe(4);
    expect(result.rejected).toEqual([
      { section: 'daily', index: 0, reason: expect.stringContaining('value'), what: { kind: 'field', field: 'value' } },
      { section: 'daily', index: 1, reason: expect.stringContaining('metric'), what: { kind: 'field', field: 'metric' } },
      { section: 'daily', index: 2, reason: 'id does not match its fields', what: { kind: 'mismatch' } },
      {
        section: 'readings',
        index: 0,
        reason: expect.stringContaining('ends before it starts'),
        what: { kind: 'field', field: 'period' },
      },
    ]);
    expect(result.added.daily).toBe(9);
    expect(result.added.readings).toBe(11);
  });

  it('never trusts the series key a file claims: it is derived from the reading’s own fields', async () => {
    const db = await seeded();
    const file = JSON.parse(await exportText(db, 'json', 0)) as ExportFile;
    const target = await freshDb('storepulse-transfer');
    file.readings = file.readings.map((r) => ({ ...r, series: 'forged' }));
    await importData(target, JSON.stringify(file));
    expect((await target.getAll('readings')).every((r) => r.series.startsWith('sycm|小雨的旗舰店|'))).toBe(true);
  });

  it('imports a file exported before ids were escaped, filing each record under today’s id', async () => {
    // The records of a version-3 database, ids joined with a bare "|" (test/fixtures/db/v3.json).
    const { records } = dbFixture('v3');
    const file = { format: 'storepulse-export', version: 1, exportedAt: '2026-11-25T00:00:00.000Z', ...records };
    const db = await freshDb('storepulse-transfer');
    const result = await importData(db, JSON.stringify(file));
    expect(result.rejected).toEqual([]);
    expect(result.added).toEqual({ targets: 2, daily: 3, readings: 3, alerts: 3, curves: 0 });
    expect((await allDays(db)).map((d) => [d.id, d.part]).sort()).toEqual(
      [
        ['shopify|Rainy \\| Goods|visits||2026-11-24', ''],
        ['sycm|小雨的旗舰店|visitors||2026-11-24', ''],
        ['sycm|小雨的旗舰店|visitors|来源\\\\:渠道=手淘=搜索|2026-11-24', '来源\\:渠道=手淘=搜索'],
      ].sort(),
    );
    expect((await db.getAll('targets')).map((t) => t.id).sort()).toEqual([
      'shopify|Rainy \\| Goods|2026-11',
      'sycm|小雨的旗舰店|2026-11',
    ]);
    expect((await db.getAll('alerts')).map((a) => a.id)).toContain(
      'shopify|Rainy \\| Goods|conversionRate|day:2026-11-24..2026-11-24',
    );
    // Read again, the same file finds every record already there.
    expect((await importData(db, JSON.stringify(file))).added).toEqual({
      targets: 0,
      daily: 0,
      readings: 0,
      alerts: 0,
      curves: 0,
    });
  });

  it('writes all or nothing: a write that fails part-way leaves the database as it was', async () => {
    const db = await seeded();
    const file = JSON.parse(await exportText(db, 'json', 0)) as ExportFile;
    const target = await freshDb('storepulse-transfer');
    await ingest(target, report([obs('visitors', 1)], day('2026-10-01')), { url: SYCM_URL, now: 5 });
    const before = await contents(target);
    // The disk fills up in the middle of the import.
    const put = IDBObjectStore.prototype.add;
    let calls = 0;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (++calls === 5) throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      await expect(importData(target, JSON.stringify(file))).rejects.toThrow(/quota/);
    } finally {
      IDBObjectStore.prototype.add = put;
    }
    expect(await contents(target)).toEqual(before);
  });

  it('exports daily values as CSV a spreadsheet reads safely, and imports it back', async () => {
    const db = await seeded();
    await ingest(db, report([obs('visitors', 5)], day('2026-11-25'), { store: '=HYPERLINK("http://x")' }), {
      url: SYCM_URL,
      now: 9,
    });
    const csv = await exportText(db, 'csv', 0);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([
      'date',
      'site',
      'store',
      'metric',
      'dimension',
      'key',
      'peer',
      'value',
      'currency',
      'provisional',
      'observed_at',
    ]);
    expect(rows).toHaveLength(1 + 13);
    expect(rows.find((r) => r[5] === '手淘搜索, "app"')).toBeTruthy();
    // A shop name that looks like a formula is defused.
    expect(rows.find((r) => r[2]!.includes('HYPERLINK'))![2]).toBe('\'=HYPERLINK("http://x")');
    expect(csv).toContain('12345.5,CNY');

    const target = await freshDb('storepulse-transfer');
    const result = await importData(target, csv);
    expect(result).toMatchObject({ format: 'csv', rejectedCount: 0, added: { daily: 13 } });
    expect((await allDays(target)).map((d) => d.store)).toContain('=HYPERLINK("http://x")');
    expect((await allDays(target)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      (await allDays(db)).sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('names the CSV line of each bad row', async () => {
    const db = await freshDb('storepulse-transfer');
    const csv = [
      'date,site,store,metric,value',
      '2026-11-25,sycm,A,visitors,100',
      '2026-13-45,sycm,A,visitors,100',
      '2026-11-25,sycm,A,visitors,lots',
      '2026-11-25,sycm,A,visitors',
      '2026-11-26,sycm,A,visitors,101',
    ].join('\n');
    const result = await importData(db, csv);
    expect(result.added.daily).toBe(2);
    expect(result.rejected.map((r) => r.index)).toEqual([3, 4, 5]);
    expect(result.rejected[2]!.reason).toMatch(/4 fields where the header has 5/);
    expect(result.rejected[2]!.what).toEqual({ kind: 'fieldCount', found: 4, expected: 5 });
  });
});
